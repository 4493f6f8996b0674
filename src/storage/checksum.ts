import { createHash } from 'node:crypto';

/** The checksum recorded for an applied migration: sha256 of its body, hex. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}
