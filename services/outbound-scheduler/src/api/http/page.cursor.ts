import { ApiError } from './api.errors';

/** Where a keyset page ended: the sort instant and id of its last row. */
export interface PagePosition {
  readonly at: string;
  readonly id: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

/** The opaque cursor of a position (base64url JSON; clients must not build one). */
export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

/** An instant as Postgres writes it in JSON (to_json(timestamptz)). */
const ISO_INSTANT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}(:[0-9]{2})?)$/;

const ID_KINDS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  integer: /^[0-9]{1,18}$/,
  text: /^[\x20-\x7e]{1,200}$/,
} as const;

/** The position a cursor names, or a 400 on a cursor this API did not make (its id checked to be of `idKind`). */
export function decodeCursor(cursor: string | undefined, idKind: keyof typeof ID_KINDS = 'uuid'): PagePosition | null {
  if (cursor === undefined) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && typeof decoded[0] === 'string' && typeof decoded[1] === 'string') {
      const [at, id] = decoded as [string, string];
      if (ISO_INSTANT.test(at) && !Number.isNaN(Date.parse(at)) && ID_KINDS[idKind].test(id)) return { at, id };
    }
  } catch {
    // falls through to the 400 below
  }
  throw ApiError.invalidField('query.cursor', 'is not a cursor this API returned');
}

/**
 * A page from rows fetched with `limit + 1`: the extra row only says there is more. `positionOf`
 * gives the sort key of a row.
 */
export function pageOf<R, T>(rows: readonly R[], limit: number, positionOf: (row: R) => PagePosition, view: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null;
  return { items: items.map(view), nextCursor };
}
