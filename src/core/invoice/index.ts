/**
 * The pure invoice calculator: `simulateInvoice`, with discounts, coupons, taxes, proration and
 * credits. No storage, no clock.
 * @packageDocumentation
 */
export { simulateInvoice } from './simulate-invoice';
export { compileRateCard, isCompiledRateCard, type CompiledRateCard } from './compiled-rate-card';
export type { Invoice, InvoiceLine, InvoiceLineTax, InvoicePeriod, InvoiceStatus, InvoiceTotals } from './invoice';
export type { ProrationMode } from './proration';
export type {
  SimulateInvoiceInput,
  InvoiceLineInput,
  CouponInput,
  CreditInput,
  PeriodInput,
  ProRating,
} from '../../schema/invoice-input';
export type { RateCard, FlatFeeRateCard, UsageBasedRateCard, Discounts, TaxConfig, EntitlementTemplate } from '../catalog/rate-card';
