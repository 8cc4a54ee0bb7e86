import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldKeyring, FieldKeyringError, generateFieldKey, parseFieldKeyring, type FieldKeyringConfig } from './index';

const K1 = generateFieldKey();
const K2 = generateFieldKey();
const SHORT = Buffer.alloc(16, 7).toString('base64');
const LONG = Buffer.alloc(48, 9).toString('base64');

function keyringErrorOf(config: FieldKeyringConfig): FieldKeyringError {
  try {
    parseFieldKeyring(config);
  } catch (error) {
    assert.ok(error instanceof FieldKeyringError, `expected FieldKeyringError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected parseFieldKeyring to throw');
}

/** The error text must not carry the key, nor any long run of its base64 or hex form. */
function assertNoKeyMaterial(error: FieldKeyringError, ...keys: string[]): void {
  for (const key of keys) {
    const hex = Buffer.from(key, 'base64').toString('hex');
    for (const fragment of [key, key.slice(0, 12), key.slice(-14, -2), hex.slice(0, 16)]) {
      assert.ok(!error.message.includes(fragment), `error text holds key material: ${error.message}`);
    }
  }
}

describe('generateFieldKey', () => {
  it('gives base64 of 32 random bytes', () => {
    const key = generateFieldKey();
    assert.equal(Buffer.from(key, 'base64').length, 32);
    assert.equal(Buffer.from(key, 'base64').toString('base64'), key);
    assert.notEqual(generateFieldKey(), key);
  });
});

describe('parseFieldKeyring', () => {
  it('reads id:base64 entries and the active id, ignoring spaces around them', () => {
    const ring = parseFieldKeyring({ keys: ` k1:${K1} , rotated-2026:${K2} `, activeKeyId: ' rotated-2026 ' });
    assert.ok(ring instanceof FieldKeyring);
    assert.deepEqual(ring.keyIds, ['k1', 'rotated-2026']);
    assert.equal(ring.activeKeyId, 'rotated-2026');
    assert.match(ring.encrypt('1952-03-03', 'clients.date_of_birth:t1'), /^v1\.rotated-2026\./);
  });

  it('names a key of the wrong length without showing it', () => {
    for (const [key, bytes] of [[SHORT, 16], [LONG, 48]] as const) {
      const error = keyringErrorOf({ keys: `k1:${key}`, activeKeyId: 'k1' });
      assert.match(error.message, new RegExp(`entry 1: key id "k1" is ${bytes} bytes; expected 32`));
      assertNoKeyMaterial(error, key);
    }
  });

  it('names a key that is not base64 without showing it', () => {
    const notBase64 = `${K1.slice(0, 20)}!${K1.slice(21)}`;
    const unpadded = K1.replace(/=+$/, '');
    for (const key of [notBase64, unpadded, 'not base64 at all']) {
      const error = keyringErrorOf({ keys: `k1:${K2},k2:${key}`, activeKeyId: 'k1' });
      assert.deepEqual(error.problems, ['entry 2: key id "k2" has a key that is not padded base64']);
      assert.ok(!error.message.includes(key));
      assertNoKeyMaterial(error, K1, K2);
    }
  });

  it('names a duplicate id without showing either key', () => {
    const error = keyringErrorOf({ keys: `k1:${K1},k1:${K2}`, activeKeyId: 'k1' });
    assert.deepEqual(error.problems, ['entry 2: duplicate key id "k1"']);
    assertNoKeyMaterial(error, K1, K2);
  });

  it('names an active id that no key has', () => {
    const error = keyringErrorOf({ keys: `k1:${K1}`, activeKeyId: 'k2' });
    assert.deepEqual(error.problems, ['active key id: key id "k2" names no configured key']);
    assertNoKeyMaterial(error, K1);
  });

  it('describes, without quoting, ids that are malformed and may be misplaced key material', () => {
    const swapped = keyringErrorOf({ keys: `${K1}`, activeKeyId: 'k1' });
    assert.deepEqual(swapped.problems, ['entry 1: expected id:<base64 of 32 bytes>', 'active key id: key id "k1" names no configured key']);
    assertNoKeyMaterial(swapped, K1);
    const keyAsActive = keyringErrorOf({ keys: `k1:${K1}`, activeKeyId: K1 });
    assert.deepEqual(keyAsActive.problems, ['active key id: a key id that does not match [a-z0-9-]{1,32}']);
    assertNoKeyMaterial(keyAsActive, K1);
    const badId = keyringErrorOf({ keys: `K.1:${K1}`, activeKeyId: 'k1' });
    assert.ok(badId.problems.includes('entry 1: a key id that does not match [a-z0-9-]{1,32}'));
  });

  it('lists every problem at once, and refuses an empty list', () => {
    const error = keyringErrorOf({ keys: `k1:${SHORT},k1:${K1},k2:???,`, activeKeyId: 'k9' });
    assert.deepEqual(error.problems, [
      'entry 1: key id "k1" is 16 bytes; expected 32',
      'entry 3: key id "k2" has a key that is not padded base64',
      'entry 4: expected id:<base64 of 32 bytes>',
      'entry 2: duplicate key id "k1"',
      'active key id: key id "k9" names no configured key',
    ]);
    assertNoKeyMaterial(error, SHORT, K1);
    assert.match(keyringErrorOf({ keys: '  ', activeKeyId: 'k1' }).message, /keys: none given/);
  });

  it('applies the same rules to a keyring built from raw keys', () => {
    assert.throws(
      () => new FieldKeyring({ keys: [{ id: 'k1', key: Buffer.alloc(31) }, { id: 'k1', key: Buffer.alloc(32) }], activeKeyId: 'k2' }),
      (error: unknown) => {
        assert.ok(error instanceof FieldKeyringError);
        assert.deepEqual(error.problems, [
          'entry 1: key id "k1" is 31 bytes; expected 32',
          'entry 2: duplicate key id "k1"',
          'active key id: key id "k2" names no configured key',
        ]);
        return true;
      },
    );
  });
});
