export { createTollgate, type Tollgate, type TollgateOptions } from './create-tollgate';
export { CustomersService } from './customers-service';
export type { Customer } from './customer';
export type { Clock } from './clock';
export { systemClock } from './clock';
export type { Page } from './cursor';
export type { TollgateEventMap, TollgateEventName } from './notifications';
