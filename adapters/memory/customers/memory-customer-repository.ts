import { type CustomerRecord, type CustomerRepository, storageConflict } from '../../../src/storage';
import { type MemoryDatabase, type UndoJournal, journaledDelete, journaledSet } from '../memory-database';

const copy = (c: CustomerRecord): CustomerRecord => structuredClone(c);

/** Customers kept in a {@link MemoryDatabase}; every change is journaled for rollback. */
export class MemoryCustomerRepository implements CustomerRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  async insert(customer: CustomerRecord): Promise<void> {
    if (this.db.customers.has(customer.id)) {
      throw storageConflict(`A customer with id ${customer.id} already exists`, 'customer.id');
    }
    if (this.db.customerIdByKey.has(customer.key)) {
      throw storageConflict(`A customer with key ${customer.key} already exists`, 'customer.key');
    }
    this.assertSubjectsFree(customer);
    journaledSet(this.journal, this.db.customers, customer.id, copy(customer));
    journaledSet(this.journal, this.db.customerIdByKey, customer.key, customer.id);
    for (const subject of customer.subjectKeys) {
      journaledSet(this.journal, this.db.customerIdBySubject, subject, customer.id);
    }
  }

  async update(customer: CustomerRecord): Promise<void> {
    const current = this.db.customers.get(customer.id);
    if (!current) return;
    if (current.key !== customer.key && this.db.customerIdByKey.has(customer.key)) {
      throw storageConflict(`A customer with key ${customer.key} already exists`, 'customer.key');
    }
    this.assertSubjectsFree(customer);
    journaledDelete(this.journal, this.db.customerIdByKey, current.key);
    journaledSet(this.journal, this.db.customerIdByKey, customer.key, customer.id);
    for (const subject of current.subjectKeys) {
      journaledDelete(this.journal, this.db.customerIdBySubject, subject);
    }
    for (const subject of customer.subjectKeys) {
      journaledSet(this.journal, this.db.customerIdBySubject, subject, customer.id);
    }
    journaledSet(this.journal, this.db.customers, customer.id, copy(customer));
  }

  /** Memory transactions are serialized: there is nothing to lock. */
  async lock(): Promise<void> {}

  async findById(id: string): Promise<CustomerRecord | undefined> {
    const found = this.db.customers.get(id);
    return found && copy(found);
  }

  async findByKey(key: string): Promise<CustomerRecord | undefined> {
    const id = this.db.customerIdByKey.get(key);
    return id === undefined ? undefined : this.findById(id);
  }

  async findBySubjectKey(subjectKey: string): Promise<CustomerRecord | undefined> {
    const id = this.db.customerIdBySubject.get(subjectKey);
    return id === undefined ? undefined : this.findById(id);
  }

  async findBySubjectKeys(subjectKeys: readonly string[]): Promise<CustomerRecord[]> {
    const ids = new Set<string>();
    for (const subject of subjectKeys) {
      const id = this.db.customerIdBySubject.get(subject);
      if (id !== undefined) ids.add(id);
    }
    return [...ids].map((id) => copy(this.db.customers.get(id)!));
  }

  async list(options: { limit: number; afterId?: string; includeArchived: boolean }): Promise<CustomerRecord[]> {
    const ids = [...this.db.customers.keys()].sort();
    const out: CustomerRecord[] = [];
    for (const id of ids) {
      if (options.afterId !== undefined && id <= options.afterId) continue;
      const customer = this.db.customers.get(id)!;
      if (!options.includeArchived && customer.archivedAt) continue;
      out.push(copy(customer));
      if (out.length >= options.limit) break;
    }
    return out;
  }

  private assertSubjectsFree(customer: CustomerRecord): void {
    for (const subject of customer.subjectKeys) {
      const owner = this.db.customerIdBySubject.get(subject);
      if (owner !== undefined && owner !== customer.id) {
        throw storageConflict(`Subject key ${subject} already belongs to another customer`, 'customer.subjectKeys');
      }
    }
  }
}
