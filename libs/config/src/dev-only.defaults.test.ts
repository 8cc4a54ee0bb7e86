import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withDevOnlyDefaults } from './dev-only.defaults';

describe('withDevOnlyDefaults', () => {
  const group = { KEYS: 'dev1:public', ACTIVE: 'dev1' };

  it('fills in the whole group when every variable of it is unset or blank, and names them', () => {
    const { env, applied } = withDevOnlyDefaults(group, { OTHER: 'x', ACTIVE: '  ' });
    assert.deepEqual(env, { OTHER: 'x', KEYS: 'dev1:public', ACTIVE: 'dev1' });
    assert.deepEqual(applied, ['KEYS', 'ACTIVE']);
  });

  it('fills in nothing when any variable of the group is set, so real and public values never mix', () => {
    const source = { KEYS: 'prod:secret' };
    const { env, applied } = withDevOnlyDefaults(group, source);
    assert.equal(env, source);
    assert.deepEqual(applied, []);
  });

  it('does not change the environment it was given', () => {
    const source: Record<string, string> = {};
    withDevOnlyDefaults(group, source);
    assert.deepEqual(source, {});
  });
});
