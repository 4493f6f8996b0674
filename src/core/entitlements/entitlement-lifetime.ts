/** The dates that decide when an entitlement exists and gives access (a stored entitlement has them all). */
export interface EntitlementLifetime {
  readonly createdAt: Date;
  /** When it was deleted (it gives nothing from then on), or null. */
  readonly deletedAt: Date | null;
  /** Access starts here (inclusive), or null for "since creation". */
  readonly activeFrom: Date | null;
  /** Access ends here (exclusive), or null for "no end". */
  readonly activeTo: Date | null;
}
