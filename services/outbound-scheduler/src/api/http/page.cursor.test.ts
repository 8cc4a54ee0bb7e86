import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from './api.errors';
import { decodeCursor, encodeCursor, pageOf } from './page.cursor';

describe('page cursors', () => {
  const position = { at: '2026-11-30T17:54:58.123456+00:00', id: '4b0f5a1e-8f1e-4c55-9a53-2d1f4b6f9e10' };

  it('round-trip a position', () => {
    assert.deepEqual(decodeCursor(encodeCursor(position)), position);
    assert.equal(decodeCursor(undefined), null);
  });

  it('refuse cursors this API did not make, before they reach SQL', () => {
    for (const cursor of ['nope', encodeCursor({ at: '1', id: position.id }), encodeCursor({ at: position.at, id: "x' OR 1=1" })]) {
      assert.throws(() => decodeCursor(cursor), (error: unknown) => error instanceof ApiError && error.status === 400);
    }
  });

  it('give a next cursor only when a row beyond the page was fetched', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    const full = pageOf(rows, 2, (row) => ({ at: position.at, id: `${position.id.slice(0, -1)}${row.n}` }), (row) => row.n);
    assert.deepEqual(full.items, [1, 2]);
    assert.equal(decodeCursor(full.nextCursor ?? undefined)?.id.endsWith('2'), true);
    assert.equal(pageOf(rows.slice(0, 2), 2, () => position, (row) => row.n).nextCursor, null);
  });
});
