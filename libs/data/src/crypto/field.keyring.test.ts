import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { FieldDecryptionError, FieldKeyring, generateFieldKey, isFieldEnvelope, parseFieldKeyring, type FieldCipher } from './index';

const TENANT_A = '7d1c7a52-2f0e-4b3b-9d0c-0b6a3c1e2f44';
const TENANT_B = 'a4b0e3d1-9c7f-4e2a-8f61-5d2c9e0b7a13';
const DOB_A = `clients.date_of_birth:${TENANT_A}`;
const K1 = generateFieldKey();
const K2 = generateFieldKey();

function keyring(keys: Record<string, string>, activeKeyId: string): FieldCipher {
  return parseFieldKeyring({ keys: Object.entries(keys).map(([id, key]) => `${id}:${key}`).join(','), activeKeyId });
}

/** Every base64 and base64url rendering of `text` at the three byte alignments, without partial edge characters. */
function encodingsOf(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const renderings: string[] = [bytes.toString('hex')];
  for (const offset of [0, 1, 2]) {
    const aligned = bytes.subarray(offset, offset + Math.floor((bytes.length - offset) / 3) * 3);
    renderings.push(aligned.toString('base64'), aligned.toString('base64url'));
  }
  return renderings;
}

function decryptionErrorOf(action: () => unknown): FieldDecryptionError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof FieldDecryptionError, `expected FieldDecryptionError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected decryption to fail');
}

/** Replaces the first character of one dot-separated part with another base64url character. */
function withPartChanged(envelope: string, index: number): string {
  const parts = envelope.split('.');
  const part = parts[index];
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

describe('FieldKeyring', () => {
  const ring = keyring({ k1: K1 }, 'k1');

  it('round-trips text, including empty and non-ASCII values', () => {
    for (const value of ['1952-03-03', 'XOF845120337', '', 'Zoë Müller — 東京', JSON.stringify({ reasonForVisit: 'Annual physical' })]) {
      assert.equal(ring.decrypt(ring.encrypt(value, DOB_A), DOB_A), value);
    }
  });

  it('writes a v1 envelope with a 12-byte IV and a 16-byte tag under the active key', () => {
    const envelope = ring.encrypt('1952-03-03', DOB_A);
    const [version, keyId, iv, tag, ciphertext] = envelope.split('.');
    assert.equal(version, 'v1');
    assert.equal(keyId, 'k1');
    assert.equal(Buffer.from(iv, 'base64url').length, 12);
    assert.equal(Buffer.from(tag, 'base64url').length, 16);
    assert.equal(Buffer.from(ciphertext, 'base64url').length, Buffer.byteLength('1952-03-03'));
    assert.ok(isFieldEnvelope(envelope));
  });

  it('gives a different envelope, with a different IV, each time the same value is encrypted', () => {
    const envelopes = Array.from({ length: 50 }, () => ring.encrypt('1952-03-03', DOB_A));
    assert.equal(new Set(envelopes).size, envelopes.length);
    assert.equal(new Set(envelopes.map((envelope) => envelope.split('.')[2])).size, envelopes.length);
  });

  it('keeps the plaintext out of the envelope, in clear, hex, base64 and base64url', () => {
    const plaintext = 'member XOF845120337 born 1952-03-03';
    const envelope = ring.encrypt(plaintext, DOB_A);
    assert.ok(!envelope.includes(plaintext));
    assert.ok(!envelope.includes('XOF845120337') && !envelope.includes('1952-03-03'));
    for (const rendering of encodingsOf(plaintext)) assert.ok(!envelope.includes(rendering), `envelope holds an encoding: ${rendering}`);
  });

  it('refuses an envelope whose iv, tag, ciphertext, key id or version was changed', () => {
    const both = keyring({ k1: K1, k2: K2, k3: K1 }, 'k1');
    const envelope = both.encrypt('XOF845120337', DOB_A);
    for (const index of [2, 3, 4]) {
      const error = decryptionErrorOf(() => both.decrypt(withPartChanged(envelope, index), DOB_A));
      assert.equal(error.reason, 'authentication-failed');
    }
    // k3 holds the same bytes as k1: the key id is authenticated, not only used to pick the key.
    for (const otherId of ['k2', 'k3']) {
      const error = decryptionErrorOf(() => both.decrypt(envelope.replace('v1.k1.', `v1.${otherId}.`), DOB_A));
      assert.equal(error.reason, 'authentication-failed');
    }
    assert.equal(decryptionErrorOf(() => both.decrypt(envelope.replace('v1.', 'v2.'), DOB_A)).reason, 'malformed-envelope');
    assert.equal(decryptionErrorOf(() => both.decrypt(`${envelope}A`, DOB_A)).reason, 'malformed-envelope');
  });

  it('refuses an envelope read under another column or tenant context', () => {
    const envelope = ring.encrypt('1952-03-03', DOB_A);
    for (const other of [`clients.member_id:${TENANT_A}`, `clients.date_of_birth:${TENANT_B}`, `${DOB_A} `]) {
      assert.equal(decryptionErrorOf(() => ring.decrypt(envelope, other)).reason, 'authentication-failed');
    }
  });

  it('requires a non-empty context to encrypt or decrypt', () => {
    assert.throws(() => ring.encrypt('1952-03-03', ''), TypeError);
    assert.throws(() => ring.decrypt(ring.encrypt('1952-03-03', DOB_A), ''), TypeError);
  });

  it('refuses malformed envelopes', () => {
    const envelope = ring.encrypt('1952-03-03', DOB_A);
    const [, , iv, tag, ciphertext] = envelope.split('.');
    const malformed = [
      '1952-03-03',
      '',
      'v1.k1',
      `v1.K1.${iv}.${tag}.${ciphertext}`,
      `v1.k1.${iv.slice(1)}.${tag}.${ciphertext}`,
      `v1.k1.${iv}.${tag}=.${ciphertext}`,
      `v1.k1.${iv}.${tag}.${ciphertext}+`,
      `v1.k1.${iv}.${tag}.${ciphertext}.extra`,
    ];
    for (const text of malformed) {
      assert.equal(decryptionErrorOf(() => ring.decrypt(text, DOB_A)).reason, 'malformed-envelope', text);
      assert.equal(isFieldEnvelope(text), false, text);
    }
  });

  it('keeps plaintext, key material and context out of decryption errors', () => {
    const envelope = ring.encrypt('1952-03-03', DOB_A);
    const errors = [
      decryptionErrorOf(() => ring.decrypt(withPartChanged(envelope, 4), DOB_A)),
      decryptionErrorOf(() => ring.decrypt(envelope, `clients.date_of_birth:${TENANT_B}`)),
      decryptionErrorOf(() => ring.decrypt('1952-03-03', DOB_A)),
      decryptionErrorOf(() => keyring({ k2: K2 }, 'k2').decrypt(envelope, DOB_A)),
    ];
    for (const error of errors) {
      const shown = `${error.message} ${inspect(error)}`;
      for (const secret of ['1952-03-03', '1952', K1, K2, TENANT_A, TENANT_B, envelope.split('.')[4]]) {
        assert.ok(!shown.includes(secret), `error shows ${secret}: ${error.message}`);
      }
    }
  });

  it('rotates: an old envelope opens under a retained key and is re-encrypted under the active one', () => {
    const old = ring.encrypt('XOF845120337', DOB_A);
    const rotating = keyring({ k1: K1, k2: K2 }, 'k2');
    assert.equal(rotating.needsRotation(old), true);
    assert.equal(rotating.decrypt(old, DOB_A), 'XOF845120337');
    const rotated = rotating.rotate(old, DOB_A);
    assert.match(rotated, /^v1\.k2\./);
    assert.equal(rotating.needsRotation(rotated), false);
    assert.equal(rotating.decrypt(rotated, DOB_A), 'XOF845120337');
    assert.equal(keyring({ k2: K2 }, 'k2').decrypt(rotated, DOB_A), 'XOF845120337');
    assert.equal(rotating.rotate(rotated, DOB_A), rotated, 'already under the active key');
    assert.equal(decryptionErrorOf(() => rotating.rotate(old, `clients.date_of_birth:${TENANT_B}`)).reason, 'authentication-failed');
    assert.equal(ring.needsRotation(old), false);
  });

  it('names the missing key id when the keyring no longer holds an envelope key', () => {
    const old = ring.encrypt('XOF845120337', DOB_A);
    const error = decryptionErrorOf(() => keyring({ k2: K2 }, 'k2').decrypt(old, DOB_A));
    assert.equal(error.reason, 'unknown-key');
    assert.equal(error.keyId, 'k1');
    assert.match(error.message, /"k1"/);
    assert.throws(() => keyring({ k2: K2 }, 'k2').rotate(old, DOB_A), /"k1"/);
  });

  it('can be built from raw keys, and shows no key material when logged or serialised', () => {
    const direct = new FieldKeyring({ keys: [{ id: 'k1', key: Buffer.from(K1, 'base64') }], activeKeyId: 'k1' });
    assert.equal(direct.decrypt(ring.encrypt('1952-03-03', DOB_A), DOB_A), '1952-03-03');
    assert.deepEqual(direct.keyIds, ['k1']);
    assert.equal(direct.activeKeyId, 'k1');
    const shown = `${inspect(direct, { showHidden: true, depth: 10 })} ${JSON.stringify(direct)}`;
    const raw = Buffer.from(K1, 'base64');
    assert.ok(!shown.includes(K1) && !shown.includes(raw.toString('hex')) && !shown.includes(raw.toString('base64url')));
  });
});
