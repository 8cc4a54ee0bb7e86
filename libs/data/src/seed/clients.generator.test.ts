import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apportion, ZONE_SHARES } from './client.mix';
import { generateClients } from './clients.generator';
import { seedId } from './seed.ids';
import { seededRandom } from './seed.random';

describe('demo client generation', () => {
  it('gives the same clients for the same seed and different ones for another seed', () => {
    const first = generateClients(seededRandom(7), 200, 4);
    assert.deepEqual(generateClients(seededRandom(7), 200, 4), first);
    assert.notDeepEqual(generateClients(seededRandom(8), 200, 4), first);
  });

  it('spreads clients over the zones by population share, with unique numbers and names', () => {
    const clients = generateClients(seededRandom(1), 200, 4);
    const perZone = new Map<string, number>();
    for (const client of clients) perZone.set(client.homeZone, (perZone.get(client.homeZone) ?? 0) + 1);
    assert.deepEqual(
      ZONE_SHARES.map((zone) => perZone.get(zone.timeZone)),
      [88, 56, 12, 8, 30, 3, 3],
    );
    assert.equal(clients.filter((client) => client.timeZone === null).length, 4);
    assert.equal(new Set(clients.map((client) => client.phoneE164)).size, 200);
    assert.equal(new Set(clients.map((client) => `${client.firstName} ${client.lastName}`)).size, 200);
    assert.ok(clients.every((client) => /^\+1[2-9]\d{2}55501\d{2}$/.test(client.phoneE164)), 'fictional 555-01xx lines');
  });

  it('splits whole counts by largest remainder', () => {
    assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
    assert.deepEqual(apportion(200, [0.35, 0.25, 0.25, 0.15]), [70, 50, 50, 30]);
  });
});

describe('seed ids', () => {
  it('derives a stable version-5 UUID from a name', () => {
    const id = seedId('harbor-health-brokers/tenant');
    assert.equal(seedId('harbor-health-brokers/tenant'), id);
    assert.notEqual(seedId('riverside-family-clinic/tenant'), id);
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
