export { parseInput, toValidationIssues, formatPath } from './validate';
export { instantSchema, externalKeySchema, metadataSchema, timeZoneSchema, currencyCodeSchema, limitSchema } from './common';
export {
  customerCreateSchema,
  customerUpdateSchema,
  customerListSchema,
  refSchema,
  type CustomerCreateInput,
  type CustomerUpdateInput,
  type CustomerListInput,
} from './customer';
