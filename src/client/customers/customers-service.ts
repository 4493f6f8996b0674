import { customerStateError } from '../../core/customers';
import {
  type CustomerCreateInput,
  type CustomerListInput,
  type CustomerUpdateInput,
  customerCreateSchema,
  customerListSchema,
  customerUpdateSchema,
  parseInput,
  refSchema,
} from '../../schema';
import type { CustomerRecord, StorageTransaction } from '../../storage';
import type { ServiceContext } from '../shared/context';
import { decodeCursor, type Page, toPage } from '../shared/cursor';
import { type Customer, toCustomer } from './customer';
import { ID_PREFIX } from '../shared/ids';
import { resolveRef } from '../shared/resolve-ref';

const DEFAULT_PAGE = 100;
/** Looks a customer up by id or key inside a transaction; NotFoundError when neither matches. */
export function resolveCustomer(tx: StorageTransaction, ref: string): Promise<CustomerRecord> {
  return resolveRef('customer', ID_PREFIX.customer, ref, { byId: (id) => tx.customers.findById(id), byKey: (key) => tx.customers.findByKey(key) });
}

/** `tg.customers`: who is billed, and which event subjects belong to whom. */
export class CustomersService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Creates a customer. The key must be unique, and each subject key may belong to one customer
   * only (ConflictError otherwise).
   * @example
   * const acme = await tg.customers.create({ key: 'acme', name: 'Acme Inc.', subjectKeys: ['acme-prod'], currency: 'USD' });
   */
  async create(input: CustomerCreateInput): Promise<Customer> {
    const data = parseInput(customerCreateSchema, input, { extraChecks: (raw) => this.ctx.currencyIssues(raw) });
    const now = this.ctx.clock.now();
    const record: CustomerRecord = {
      id: this.ctx.ids(ID_PREFIX.customer),
      key: data.key,
      name: data.name ?? null,
      subjectKeys: data.subjectKeys ?? [],
      currency: data.currency ?? null,
      timezone: data.timezone ?? null,
      metadata: data.metadata ?? {},
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
    };
    await this.ctx.transaction((tx) => tx.customers.insert(record));
    const customer = toCustomer(record);
    this.ctx.notifier.emit('customer.created', { customer });
    return customer;
  }

  /**
   * The customer with this id or key (archived ones too).
   * @example
   * const c = await tg.customers.get('acme');
   */
  async get(ref: string): Promise<Customer> {
    const customerRef = parseInput(refSchema, ref, { prefix: 'ref' });
    return toCustomer(await this.ctx.transaction((tx) => resolveCustomer(tx, customerRef)));
  }

  /**
   * Customers in creation order, a page at a time. Archived customers are left out unless
   * `includeArchived` is set.
   * @example
   * let page = await tg.customers.list({ limit: 50 });
   * while (page.nextCursor) page = await tg.customers.list({ limit: 50, cursor: page.nextCursor });
   */
  async list(input: CustomerListInput = {}): Promise<Page<Customer>> {
    const data = parseInput(customerListSchema, input);
    const limit = data.limit ?? DEFAULT_PAGE;
    const afterId = data.cursor === undefined ? undefined : decodeCursor(data.cursor);
    const rows = await this.ctx.transaction((tx) =>
      tx.customers.list({ limit: limit + 1, includeArchived: data.includeArchived ?? false, ...(afterId && { afterId }) }),
    );
    const page = toPage(rows, limit);
    return { ...page, items: page.items.map(toCustomer) };
  }

  /**
   * Changes a customer's name, subject keys (the list is replaced), currency, time zone or
   * metadata (replaced). `null` clears a field. Archived customers cannot be changed.
   * @example
   * await tg.customers.update('acme', { subjectKeys: ['acme-prod', 'acme-staging'] });
   */
  async update(ref: string, patch: CustomerUpdateInput): Promise<Customer> {
    const customerRef = parseInput(refSchema, ref, { prefix: 'ref' });
    const data = parseInput(customerUpdateSchema, patch, { extraChecks: (raw) => this.ctx.currencyIssues(raw) });
    const updated = await this.ctx.transaction(async (tx) => {
      const current = await resolveCustomer(tx, customerRef);
      if (current.archivedAt) throw customerStateError(`Customer ${current.key} is archived and cannot be changed`, 'archived');
      const next: CustomerRecord = {
        ...current,
        ...(data.name !== undefined && { name: data.name }),
        ...(data.subjectKeys !== undefined && { subjectKeys: data.subjectKeys }),
        ...(data.currency !== undefined && { currency: data.currency }),
        ...(data.timezone !== undefined && { timezone: data.timezone }),
        ...(data.metadata !== undefined && { metadata: data.metadata }),
        updatedAt: this.ctx.clock.now(),
      };
      await tx.customers.update(next);
      return next;
    });
    const customer = toCustomer(updated);
    this.ctx.notifier.emit('customer.updated', { customer });
    return customer;
  }

  /**
   * Archives a customer: it leaves `list()` (unless `includeArchived`), cannot be changed, and
   * keeps its key and subject keys so its history stays attributed. Archiving twice is a no-op.
   * @example
   * await tg.customers.archive('acme');
   */
  async archive(ref: string): Promise<Customer> {
    const customerRef = parseInput(refSchema, ref, { prefix: 'ref' });
    const { record, changed } = await this.ctx.transaction(async (tx) => {
      const current = await resolveCustomer(tx, customerRef);
      if (current.archivedAt) return { record: current, changed: false };
      const now = this.ctx.clock.now();
      const next = { ...current, archivedAt: now, updatedAt: now };
      await tx.customers.update(next);
      return { record: next, changed: true };
    });
    const customer = toCustomer(record);
    if (changed) this.ctx.notifier.emit('customer.archived', { customer });
    return customer;
  }
}
