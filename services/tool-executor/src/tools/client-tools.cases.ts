import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRICING_DISCLAIMER } from './get-product-pricing.tool';
import { PAT_DATE_OF_BIRTH } from './tools.fixture';
import { errorDetails, okResult, type ToolsHarness } from './tools.harness';

/** The read tools of a call's PRESENT and SCHEDULE stages: profile, eligibility, pricing, availability. */
export function clientToolCases(h: ToolsHarness): void {
  describe('get_client_profile', () => {
    it('answers the minimum fields by id and by phone number, never the date of birth or member id', async () => {
      const expected = {
        clientId: h.a.clientId,
        firstName: 'Pat',
        currentPlan: 'Gold PPO',
        coverageGaps: ['dental', 'vision'],
        timeZone: 'America/Chicago',
        assignedBroker: { brokerId: h.a.brokerId, name: 'Alex Broker 1' },
      };
      const byId = okResult(await h.call(h.a, 'get_client_profile', { clientId: h.a.clientId }));
      assert.deepEqual(byId, expected);
      assert.deepEqual(okResult(await h.call(h.a, 'get_client_profile', { phoneNumber: h.a.clientPhone })), expected);
      assert.doesNotMatch(JSON.stringify(byId), /v1\.|dob|member|Doe/i);
      const unassigned = okResult(await h.call(h.a, 'get_client_profile', { clientId: h.a.unassignedClientId }));
      assert.equal(unassigned['assignedBroker'], null);
      errorDetails(await h.call(h.a, 'get_client_profile', { phoneNumber: '+15559999999' }), 'not_found');
    });

    it('verifies a spoken date of birth against the encrypted one on file, without revealing it', async () => {
      const matching = okResult(await h.call(h.a, 'get_client_profile', { clientId: h.a.clientId, dateOfBirth: PAT_DATE_OF_BIRTH }));
      assert.equal(matching['dateOfBirthCheck'], 'match');
      assert.equal(matching['firstName'], 'Pat');
      const wrong = okResult(await h.call(h.a, 'get_client_profile', { phoneNumber: h.a.clientPhone, dateOfBirth: '1961-04-24' }));
      assert.equal(wrong['dateOfBirthCheck'], 'mismatch');
      assert.doesNotMatch(JSON.stringify(wrong), /1961|04-23/, 'the date on file is never in the answer');
      const noneOnFile = okResult(await h.call(h.a, 'get_client_profile', { clientId: h.a.unassignedClientId, dateOfBirth: PAT_DATE_OF_BIRTH }));
      assert.equal(noneOnFile['dateOfBirthCheck'], 'not_on_file');
    });

    it("does not verify against another tenant's key context: B's envelope copied into A's row does not decrypt", async () => {
      const [copied] = await h.db.asOwner(async (session) => (await session.query<{ dob: string }>('SELECT date_of_birth_enc AS dob FROM clients WHERE id = $1', [h.b.clientId])).rows);
      const victim = h.a.unassignedClientId;
      await h.db.asOwner((session) => session.query('UPDATE clients SET date_of_birth_enc = $2 WHERE id = $1', [victim, copied?.dob]));
      try {
        await assert.rejects(h.call(h.a, 'get_client_profile', { clientId: victim, dateOfBirth: PAT_DATE_OF_BIRTH }), (error: Error) => error.name === 'FieldDecryptionError');
      } finally {
        await h.db.asOwner((session) => session.query('UPDATE clients SET date_of_birth_enc = NULL WHERE id = $1', [victim]));
      }
    });

    it('refuses bad arguments, naming them', async () => {
      await h.expectRefused('get_client_profile', { clientId: h.a.clientId, dateOfBirth: '04/23/1961' }, ['dateOfBirth']);
      await h.expectRefused('get_client_profile', { clientId: h.a.clientId, dateOfBirth: '1961-02-30' }, ['dateOfBirth']);
      await h.expectRefused('get_client_profile', { clientId: h.a.clientId, dateOfBirth: '2999-01-01' }, ['dateOfBirth']);
      await h.expectRefused('get_client_profile', {}, ['clientId']);
      await h.expectRefused('get_client_profile', { clientId: h.a.clientId, phoneNumber: h.a.clientPhone }, ['clientId']);
      await h.expectRefused('get_client_profile', { clientId: 42 }, ['clientId']);
      await h.expectRefused('get_client_profile', { clientId: h.a.clientId, verifyDateOfBirth: '1952-03-03' }, ['verifyDateOfBirth']);
    });

    it("does not find another tenant's client, by id or phone", async () => {
      await h.expectIsolated('get_client_profile', { clientId: h.b.clientId });
      await h.expectIsolated('get_client_profile', { phoneNumber: h.b.clientPhone });
    });
  });

  describe('check_eligibility', () => {
    it('answers from the eligibility records, by product code or coverage', async () => {
      assert.deepEqual(okResult(await h.call(h.a, 'check_eligibility', { clientId: h.a.clientId, productCode: 'dental-plus' })), {
        clientId: h.a.clientId,
        eligible: true,
        reason: 'no dental coverage on file',
        product: { code: 'dental-plus', name: 'Dental Plus', coverage: 'dental' },
      });
      const vision = okResult(await h.call(h.a, 'check_eligibility', { clientId: h.a.clientId, coverage: 'vision' }));
      assert.equal(vision['eligible'], false);
      assert.equal(vision['reason'], 'already has vision coverage');
      const unknown = okResult(await h.call(h.a, 'check_eligibility', { clientId: h.a.unassignedClientId, productCode: 'dental-plus' }));
      assert.equal(unknown['eligible'], false, 'no record on file is not eligible');
      errorDetails(await h.call(h.a, 'check_eligibility', { clientId: h.a.clientId, coverage: 'hearing' }), 'not_found');
    });

    it('refuses bad arguments, naming them', async () => {
      await h.expectRefused('check_eligibility', { productCode: 'dental-plus' }, ['clientId']);
      await h.expectRefused('check_eligibility', { clientId: h.a.clientId, coverage: 'teeth' }, ['coverage']);
      await h.expectRefused('check_eligibility', { clientId: h.a.clientId, productCode: 'dental-plus', extra: true }, ['extra']);
    });

    it("does not answer for another tenant's client", async () => {
      await h.expectIsolated('check_eligibility', { clientId: h.b.clientId, productCode: 'dental-plus' });
    });
  });

  describe('get_product_pricing', () => {
    it('answers a monthly range in dollars with the disclaimer', async () => {
      assert.deepEqual(okResult(await h.call(h.a, 'get_product_pricing', { productCode: 'dental-plus', household: 'individual' })), {
        household: 'individual',
        prices: [{ productCode: 'dental-plus', productName: 'Dental Plus', coverage: 'dental', monthlyMinUsd: 20, monthlyMaxUsd: 40.5 }],
        disclaimer: PRICING_DISCLAIMER,
      });
      assert.equal(PRICING_DISCLAIMER, 'Prices are estimates, not a guarantee.');
      const family = okResult(await h.call(h.a, 'get_product_pricing', { coverage: 'dental', household: 'family' }));
      assert.deepEqual(family['prices'], [{ productCode: 'dental-plus', productName: 'Dental Plus', coverage: 'dental', monthlyMinUsd: 50, monthlyMaxUsd: 90 }]);
      errorDetails(await h.call(h.a, 'get_product_pricing', { productCode: 'vision-basic', household: 'spouse' }), 'not_found');
      errorDetails(await h.call(h.a, 'get_product_pricing', { productCode: 'no-such-plan', household: 'individual' }), 'not_found');
    });

    it('refuses bad arguments, naming them', async () => {
      await h.expectRefused('get_product_pricing', { productCode: 'dental-plus' }, ['household']);
      await h.expectRefused('get_product_pricing', { productCode: 7, household: 'individual' }, ['productCode']);
      await h.expectRefused('get_product_pricing', { coverage: 'dental', household: 'individual', discount: 10 }, ['discount']);
    });
  });

  describe('check_broker_availability', () => {
    it("lists the assigned broker's free slots, skipping booked ones, from a time and up to a limit", async () => {
      const [first, second, third, fourth, fifth, sixth] = h.a.slots;
      await h.db.asOwner((session) =>
        session.query(
          `INSERT INTO appointments (tenant_id, broker_id, starts_at, ends_at, status) VALUES ($1, $2, $3, $3::timestamptz + interval '30 minutes', 'booked')`,
          [h.a.tenantId, h.a.brokerId, second],
        ),
      );
      const byClient = okResult(await h.call(h.a, 'check_broker_availability', { clientId: h.a.clientId }));
      assert.equal(byClient['brokerId'], h.a.brokerId);
      assert.equal(byClient['brokerName'], 'Alex Broker 1');
      assert.deepEqual(
        byClient['slots'],
        [first, third, fourth].map((startsAt) => ({ startsAt, endsAt: new Date(Date.parse(String(startsAt)) + 30 * 60_000).toISOString() })),
      );
      const later = okResult(await h.call(h.a, 'check_broker_availability', { brokerId: h.a.brokerId, from: fifth, limit: 2 }));
      assert.deepEqual((later['slots'] as { startsAt: string }[]).map((slot) => slot.startsAt), [fifth, sixth]);
      const none = okResult(await h.call(h.a, 'check_broker_availability', { brokerId: h.a.brokerId, from: new Date(h.now.getTime() + 30 * 86_400_000).toISOString() }));
      assert.deepEqual(none['slots'], []);
      assert.equal(none['suggestion'], 'offer a callback');
      errorDetails(await h.call(h.a, 'check_broker_availability', { clientId: h.a.unassignedClientId }), 'not_found');
    });

    it('refuses bad arguments, naming them', async () => {
      await h.expectRefused('check_broker_availability', {}, ['brokerId']);
      await h.expectRefused('check_broker_availability', { brokerId: h.a.brokerId, limit: 11 }, ['limit']);
      await h.expectRefused('check_broker_availability', { brokerId: h.a.brokerId, from: 'next tuesday' }, ['from']);
      await h.expectRefused('check_broker_availability', { brokerId: h.a.brokerId, days: 3 }, ['days']);
    });

    it("does not show another tenant's broker or client", async () => {
      await h.expectIsolated('check_broker_availability', { brokerId: h.b.brokerId });
      await h.expectIsolated('check_broker_availability', { clientId: h.b.clientId });
    });
  });
}
