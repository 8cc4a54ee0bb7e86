/**
 * The additional authenticated data that binds an encrypted field to its place
 * (`<table>.<column>:<tenantId>`): an envelope made for one tenant's column does not decrypt
 * as another column's or another tenant's value.
 */
export function fieldContext(table: string, column: string, tenantId: string): string {
  return `${table}.${column}:${tenantId}`;
}
