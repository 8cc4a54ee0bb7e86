import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fieldContext } from '@va/data';
import { type ApiAnswer, BrokerApiHarness, type OpenDatabase } from './broker-api.test-support';
import { API_ROUTES } from './openapi/api.routes';

interface Problem {
  path: string;
  message: string;
}

const fieldsOf = (answer: ApiAnswer): Problem[] => ((answer.body as { fields?: Problem[] }).fields ?? []);
const paths = (answer: ApiAnswer): string[] => fieldsOf(answer).map((field) => field.path);

function settings(productCode: string, overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() - 3_600_000).toISOString();
  const endsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  return { productCode, window: { startsAt, endsAt }, ...overrides };
}

/** The broker REST API over HTTP against a real database backend (Postgres server or PGlite). */
export function runBrokerApiSuite(backend: string, open: OpenDatabase): void {
  describe(`broker api: ${backend}`, () => {
    const api = new BrokerApiHarness();

    before(async () => {
      await api.start(open);
    });

    after(async () => {
      await api.stop();
    });

    after(() => {
      const failures = api.logLines.filter((line) => line.includes('broker api request failed'));
      assert.deepEqual(failures, [], 'no request ended in a 500');
    });

    const createCampaign = (key: string, body: unknown, idempotencyKey?: string) => api.send(key, 'POST', '/v1/campaigns', { json: body, idempotencyKey });

    describe('authentication and documentation', () => {
      it('answers 401 with the same body for a missing and an unknown key', async () => {
        const missing = await api.send(null, 'GET', '/v1/campaigns');
        const unknown = await api.send('va_not_a_key', 'GET', '/v1/campaigns');
        assert.equal(missing.status, 401);
        assert.equal(unknown.status, 401);
        assert.deepEqual(unknown.body, missing.body);
      });

      it('serves an OpenAPI 3.1 document listing every route, its security and errors, and every listed route exists', async () => {
        const document = await api.send(null, 'GET', '/openapi.json');
        assert.equal(document.status, 200);
        const body = document.body as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { securitySchemes: Record<string, unknown> } };
        assert.equal(body.openapi, '3.1.0');
        assert.ok(body.components.securitySchemes['apiKey']);
        for (const route of API_ROUTES) {
          const operation = body.paths[route.path]?.[route.method];
          assert.ok(operation, `${route.method} ${route.path} documented`);
          for (const status of ['400', '401', '403', '404']) assert.ok(operation.responses[status], `${route.path} documents ${status}`);
          const concrete = route.path.replace('{id}', randomUUID()).replace('{phone}', '%2B15550000000');
          const answer = await api.send(null, route.method.toUpperCase(), concrete);
          assert.equal(answer.status, 401, `${route.method} ${concrete} is served (and guarded)`);
        }
        const createBody = body.paths['/v1/campaigns']?.['post'] as unknown as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
        assert.ok(createBody.requestBody.content['application/json']?.schema.properties['settings'], 'request bodies come from the zod schemas');
      });

      it('serves a self-contained docs page', async () => {
        const page = await api.send(null, 'GET', '/docs');
        assert.equal(page.status, 200);
        assert.match(page.headers.get('content-type') ?? '', /text\/html/);
        assert.match(page.text, /\/v1\/campaigns\/\{id\}\/progress/);
        assert.doesNotMatch(page.text, /<script|<link|src="http/);
      });
    });

    describe('validation', () => {
      it('names every invalid field of a body, and refuses unknown fields', async () => {
        const answer = await createCampaign(api.a.keys.admin, {
          name: '',
          extra: true,
          settings: settings(api.a.productCode, { window: { startsAt: '2026-12-10T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' }, concurrency: 0 }),
          targets: { clientIds: ['not-a-uuid'] },
        });
        assert.equal(answer.status, 400);
        assert.equal((answer.body as { error: string }).error, 'invalid_request');
        for (const path of ['name', 'extra', 'settings.window.endsAt', 'settings.concurrency', 'targets.clientIds.0']) assert.ok(paths(answer).includes(path), `${path} in ${paths(answer).join(', ')}`);
        assert.equal(fieldsOf(answer).find((field) => field.path === 'extra')?.message, 'unknown field');
      });

      it('answers malformed JSON, bad ids, bad paging and unknown query fields with 400, never 500', async () => {
        const malformed = await api.send(api.a.keys.admin, 'POST', '/v1/campaigns', { raw: '{"name": ' });
        assert.equal(malformed.status, 400);
        assert.equal((malformed.body as { error: string }).error, 'invalid_request');
        assert.equal((await api.send(api.a.keys.admin, 'GET', '/v1/campaigns/%E0%A4%A')).status, 400, 'a broken %-escape');
        const badId = await api.send(api.a.keys.admin, 'GET', "/v1/campaigns/1' OR '1'='1");
        assert.equal(badId.status, 400);
        assert.deepEqual(paths(badId), ['path.id']);
        const badLimit = await api.send(api.a.keys.admin, 'GET', '/v1/campaigns?limit=0');
        assert.deepEqual(paths(badLimit), ['query.limit']);
        const unknownQuery = await api.send(api.a.keys.admin, 'GET', '/v1/calls?colour=red');
        assert.deepEqual(paths(unknownQuery), ['query.colour']);
        const badCursor = await api.send(api.a.keys.admin, 'GET', '/v1/calls?cursor=bm9wZQ');
        assert.deepEqual(paths(badCursor), ['query.cursor']);
      });

      it('refuses an unknown product code and an empty selection', async () => {
        const product = await createCampaign(api.a.keys.admin, { name: 'x', settings: settings('NOPE'), targets: { coverageGap: 'dental' } });
        assert.deepEqual(paths(product), ['settings.productCode']);
        const empty = await createCampaign(api.a.keys.admin, { name: 'x', settings: settings(api.a.productCode), targets: { coverageGap: 'hearing' } });
        assert.deepEqual(paths(empty), ['targets']);
      });
    });

    describe('roles', () => {
      it('lets an auditor read calls, consents, campaigns, progress, the DNC list and the audit log', async () => {
        const key = api.a.keys.auditor;
        for (const path of ['/v1/calls', `/v1/calls/${api.a.callId}`, '/v1/consents', '/v1/campaigns', `/v1/campaigns/${api.a.campaignId}/progress`, '/v1/dnc', '/v1/audit-log']) {
          assert.equal((await api.send(key, 'GET', path)).status, 200, path);
        }
      });

      it('refuses an auditor every create and change with 403, and nothing changes', async () => {
        const key = api.a.keys.auditor;
        const before = await tenantCounts(api, api.a.tenantId);
        const attempts: [string, string, unknown][] = [
          ['POST', '/v1/campaigns', { name: 'x', settings: settings(api.a.productCode), targets: { coverageGap: 'dental' } }],
          ['POST', `/v1/campaigns/${api.a.campaignId}/start`, undefined],
          ['POST', `/v1/campaigns/${api.a.campaignId}/cancel`, undefined],
          ['POST', '/v1/dnc', { phoneE164: '+15559990001' }],
          ['DELETE', '/v1/dnc/%2B15559990001', undefined],
          ['POST', '/v1/clients', { firstName: 'A', lastName: 'B', phoneE164: '+15559990002' }],
          ['POST', '/v1/clients/import', [{ firstName: 'A', lastName: 'B', phoneE164: '+15559990003' }]],
        ];
        for (const [method, path, json] of attempts) {
          const answer = await api.send(key, method, path, { json });
          assert.equal(answer.status, 403, `${method} ${path}`);
          assert.match((answer.body as { message: string }).message, /auditor role may not/);
        }
        assert.deepEqual(await tenantCounts(api, api.a.tenantId), before);
      });

      it('keeps appointments and clients from auditors, the audit log from brokers, and DNC removal for admins', async () => {
        assert.equal((await api.send(api.a.keys.auditor, 'GET', '/v1/appointments')).status, 403);
        assert.equal((await api.send(api.a.keys.auditor, 'GET', '/v1/clients')).status, 403);
        assert.equal((await api.send(api.a.keys.broker, 'GET', '/v1/audit-log')).status, 403);
        assert.equal((await api.send(api.a.keys.broker, 'DELETE', '/v1/dnc/%2B15559990001')).status, 403);
      });

      it("shows a broker only their own clients, campaigns, calls and appointments; another broker's are 404", async () => {
        const mine = await api.send(api.a.keys.broker, 'GET', '/v1/clients');
        const ids = (mine.body as { items: { id: string }[] }).items.map((item) => item.id);
        assert.ok(ids.includes(api.a.clientIds[0]) && !ids.includes(api.a.otherClientId));
        const other = api.a.keys.otherBroker;
        for (const path of [`/v1/campaigns/${api.a.campaignId}`, `/v1/calls/${api.a.callId}`, `/v1/clients/${api.a.clientIds[0]}`, `/v1/appointments/${api.a.appointmentId}`]) {
          assert.equal((await api.send(other, 'GET', path)).status, 404, path);
          assert.equal((await api.send(api.a.keys.broker, 'GET', path)).status, 200, path);
          assert.equal((await api.send(api.a.keys.admin, 'GET', path)).status, 200, path);
        }
        assert.deepEqual((await api.send(other, 'GET', '/v1/appointments')).body, { items: [], nextCursor: null });
      });
    });

    describe('tenant isolation', () => {
      it("answers 404 to tenant A's broker and admin for every resource of tenant B, exactly as for an unknown id", async () => {
        const unknown = await api.send(api.a.keys.admin, 'GET', `/v1/campaigns/${randomUUID()}`);
        for (const key of [api.a.keys.broker, api.a.keys.admin]) {
          for (const path of [
            `/v1/campaigns/${api.b.campaignId}`,
            `/v1/campaigns/${api.b.campaignId}/progress`,
            `/v1/calls/${api.b.callId}`,
            `/v1/clients/${api.b.clientIds[0]}`,
            `/v1/appointments/${api.b.appointmentId}`,
          ]) {
            const answer = await api.send(key, 'GET', path);
            assert.equal(answer.status, 404, path);
            assert.equal((answer.body as { error: string }).error, (unknown.body as { error: string }).error);
          }
          for (const action of ['start', 'pause', 'resume', 'cancel']) {
            assert.equal((await api.send(key, 'POST', `/v1/campaigns/${api.b.campaignId}/${action}`)).status, 404, action);
          }
        }
        const listed = await api.send(api.a.keys.admin, 'GET', '/v1/calls');
        assert.ok((listed.body as { items: { id: string }[] }).items.every((call) => call.id !== api.b.callId));
        const targeted = await createCampaign(api.a.keys.admin, { name: 'x', settings: settings(api.a.productCode), targets: { clientIds: [api.b.clientIds[0]] } });
        assert.deepEqual(fieldsOf(targeted), [{ path: 'targets.clientIds.0', message: 'unknown client' }]);
        const status = await api.rows<{ status: string }>(api.b, 'SELECT status FROM campaigns WHERE id = $1', [api.b.campaignId]);
        assert.equal(status[0]?.status, 'draft');
      });
    });

    describe('campaigns', () => {
      it('creates a draft with one pending first attempt per target, and walks the lifecycle with 409s', async () => {
        const created = await createCampaign(api.a.keys.broker, { name: 'Gap check', settings: settings(api.a.productCode), targets: { clientIds: [...api.a.clientIds] } });
        assert.equal(created.status, 201);
        const campaign = created.body as { id: string; status: string; targetCount: number; settings: { concurrency: number; voicemail: string } };
        assert.equal(campaign.status, 'draft');
        assert.equal(campaign.targetCount, 2);
        assert.equal(campaign.settings.concurrency, 5, 'settings stored parsed, defaults filled');
        const attempts = await api.rows<{ client_id: string; attempt_number: number; status: string; not_before: Date }>(
          api.a,
          'SELECT client_id, attempt_number, status, not_before FROM call_attempts WHERE campaign_id = $1 ORDER BY client_id',
          [campaign.id],
        );
        assert.deepEqual(attempts.map((row) => row.client_id).sort(), [...api.a.clientIds].sort());
        assert.ok(attempts.every((row) => row.attempt_number === 1 && row.status === 'pending' && Math.abs(new Date(row.not_before).getTime() - Date.now()) < 120_000));
        const act = (action: string) => api.send(api.a.keys.broker, 'POST', `/v1/campaigns/${campaign.id}/${action}`);
        assert.equal((await act('pause')).status, 409);
        assert.equal(((await act('start')).body as { status: string }).status, 'running');
        const again = await act('start');
        assert.equal(again.status, 409);
        assert.match((again.body as { message: string }).message, /cannot start a campaign that is running/);
        assert.equal(((await act('pause')).body as { status: string }).status, 'paused');
        assert.equal(((await act('resume')).body as { status: string }).status, 'running');
        assert.equal(((await act('cancel')).body as { status: string }).status, 'cancelled');
        assert.equal((await act('resume')).status, 409);
        const skipped = await api.rows<{ status: string; outcome: string }>(api.a, 'SELECT status, outcome FROM call_attempts WHERE campaign_id = $1', [campaign.id]);
        assert.ok(skipped.every((row) => row.status === 'skipped' && row.outcome === 'campaign_cancelled'));
        const progress = await api.send(api.a.keys.auditor, 'GET', `/v1/campaigns/${campaign.id}/progress`);
        assert.deepEqual((progress.body as { attempts: unknown }).attempts, { total: 2, byStatus: { skipped: 2 }, byOutcome: { campaign_cancelled: 2 } });
        const audit = await api.rows<{ action: string }>(api.a, `SELECT action FROM audit_log WHERE subject = $1 ORDER BY id`, [`campaign:${campaign.id}`]);
        assert.deepEqual(audit.map((row) => row.action), ['campaign.created', 'campaign.start', 'campaign.pause', 'campaign.resume', 'campaign.cancel']);
      });

      it("selects by coverage gap within the caller's scope, and refuses a broker another broker's client", async () => {
        const byAdmin = await createCampaign(api.a.keys.admin, { name: 'Dental', settings: settings(api.a.productCode), targets: { coverageGap: 'dental' } });
        assert.equal((byAdmin.body as { targetCount: number }).targetCount, 2, "the tenant's two dental-gap clients");
        const narrowed = await createCampaign(api.a.keys.admin, { name: 'Dental', settings: settings(api.a.productCode), targets: { coverageGap: 'dental', brokerId: api.a.otherBrokerId } });
        assert.equal((narrowed.body as { targetCount: number }).targetCount, 1);
        const byBroker = await createCampaign(api.a.keys.broker, { name: 'Dental', settings: settings(api.a.productCode), targets: { coverageGap: 'dental' } });
        assert.equal((byBroker.body as { targetCount: number }).targetCount, 1, 'only their own client');
        const foreign = await createCampaign(api.a.keys.broker, { name: 'x', settings: settings(api.a.productCode), targets: { clientIds: [api.a.otherClientId] } });
        assert.deepEqual(paths(foreign), ['targets.clientIds.0']);
        const mine = await api.send(api.a.keys.otherBroker, 'GET', '/v1/campaigns');
        assert.ok((mine.body as { items: { name: string }[] }).items.every((item) => item.name !== 'Gap check'), 'a broker lists only their own campaigns');
      });

      it('replays the first result of a POST with the same Idempotency-Key, and runs concurrent repeats once', async () => {
        const key = randomUUID();
        const body = { name: `Idem ${key}`, settings: settings(api.a.productCode), targets: { coverageGap: 'vision' } };
        const answers = await Promise.all([1, 2, 3].map(() => createCampaign(api.a.keys.admin, body, key)));
        assert.ok(answers.every((answer) => answer.status === 201));
        assert.equal(new Set(answers.map((answer) => (answer.body as { id: string }).id)).size, 1, 'one campaign answered to all');
        assert.equal(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true').length, 2);
        const stored = await api.rows(api.a, 'SELECT 1 FROM campaigns WHERE name = $1', [body.name]);
        assert.equal(stored.length, 1);
        const reused = await createCampaign(api.a.keys.admin, { ...body, name: 'different' }, key);
        assert.equal(reused.status, 422);
        const otherUser = await createCampaign(api.a.keys.broker, body, key);
        assert.equal(otherUser.status, 201, "keys are per user: another user's same key is a new request");
        assert.notEqual((otherUser.body as { id: string }).id, (answers[0]?.body as { id: string }).id);
      });

      it('replays a refusal too', async () => {
        const key = randomUUID();
        const first = await api.send(api.a.keys.admin, 'POST', `/v1/campaigns/${api.a.campaignId}/pause`, { idempotencyKey: key });
        assert.equal(first.status, 409);
        const second = await api.send(api.a.keys.admin, 'POST', `/v1/campaigns/${api.a.campaignId}/pause`, { idempotencyKey: key });
        assert.deepEqual([second.status, second.body], [409, first.body]);
      });
    });

    describe('calls', () => {
      it('shows brokers the transcript and auditors a PHI-redacted one with masked numbers', async () => {
        const plain = (await api.send(api.a.keys.broker, 'GET', `/v1/calls/${api.a.callId}`)).body as { to: string; turns: { text: string }[] };
        assert.match(plain.turns[0]?.text ?? '', /1952-03-03/);
        assert.match(plain.to, /^\+1555\d+$/);
        const redacted = (await api.send(api.a.keys.auditor, 'GET', `/v1/calls/${api.a.callId}`)).body as { to: string; from: string; turns: { text: string }[] };
        const text = redacted.turns[0]?.text ?? '';
        assert.ok(text.length > 0);
        assert.doesNotMatch(text, /1952-03-03|5551230000/);
        assert.match(redacted.to, /^\+\*+\d{2}$/);
        const listed = (await api.send(api.a.keys.auditor, 'GET', '/v1/calls')).body as { items: { to: string }[] };
        assert.ok(listed.items.every((call) => /^\+\*+\d{2}$/.test(call.to)));
      });

      it('filters by campaign and pages with an opaque cursor', async () => {
        const filtered = (await api.send(api.a.keys.admin, 'GET', `/v1/calls?campaignId=${api.a.campaignId}&direction=outbound`)).body as { items: { id: string }[] };
        assert.deepEqual(filtered.items.map((call) => call.id), [api.a.callId]);
        const none = (await api.send(api.a.keys.admin, 'GET', `/v1/calls?campaignId=${randomUUID()}`)).body as { items: unknown[] };
        assert.equal(none.items.length, 0);
        const first = (await api.send(api.a.keys.admin, 'GET', '/v1/clients?limit=1')).body as { items: { id: string }[]; nextCursor: string };
        assert.equal(first.items.length, 1);
        assert.equal(typeof first.nextCursor, 'string');
        const second = (await api.send(api.a.keys.admin, 'GET', `/v1/clients?limit=1&cursor=${first.nextCursor}`)).body as { items: { id: string }[] };
        assert.equal(second.items.length, 1);
        assert.notEqual(second.items[0]?.id, first.items[0]?.id);
      });
    });

    describe('do-not-call list', () => {
      it('adds (idempotently, audited), lists, and lets only an admin remove (audited)', async () => {
        const phone = '+15558880001';
        const key = randomUUID();
        const added = await api.send(api.a.keys.broker, 'POST', '/v1/dnc', { json: { phoneE164: phone, reason: 'asked by email' }, idempotencyKey: key });
        assert.equal(added.status, 201);
        const replay = await api.send(api.a.keys.broker, 'POST', '/v1/dnc', { json: { phoneE164: phone, reason: 'asked by email' }, idempotencyKey: key });
        assert.deepEqual(replay.body, added.body);
        const listed = (await api.send(api.a.keys.admin, 'GET', '/v1/dnc')).body as { items: { phoneE164: string }[] };
        assert.ok(listed.items.some((entry) => entry.phoneE164 === phone));
        const masked = (await api.send(api.a.keys.auditor, 'GET', '/v1/dnc')).body as { items: { phoneE164: string }[] };
        assert.ok(masked.items.every((entry) => entry.phoneE164 !== phone));
        assert.equal((await api.send(api.a.keys.admin, 'DELETE', `/v1/dnc/${encodeURIComponent(phone)}`)).status, 200);
        assert.equal((await api.send(api.a.keys.admin, 'DELETE', `/v1/dnc/${encodeURIComponent(phone)}`)).status, 404);
        const audit = await api.rows<{ action: string }>(api.a, `SELECT action FROM audit_log WHERE action LIKE 'dnc.%' AND detail->>'phoneE164' = $1 ORDER BY id`, [phone]);
        assert.deepEqual(audit.map((row) => row.action), ['dnc.added', 'dnc.removed']);
        assert.deepEqual(paths(await api.send(api.a.keys.admin, 'POST', '/v1/dnc', { json: { phoneE164: '555-1234' } })), ['phoneE164']);
      });
    });

    describe('clients', () => {
      it('creates one client assigned to the broker, sealed, never returning the date of birth; a repeated phone is 409', async () => {
        const created = await api.send(api.a.keys.broker, 'POST', '/v1/clients', {
          json: { firstName: 'Ann', lastName: 'Lee', phoneE164: '+15557770001', dateOfBirth: '1950-01-02', memberId: 'M-1', coverageGaps: ['vision'] },
        });
        assert.equal(created.status, 201);
        const client = created.body as Record<string, unknown>;
        assert.equal(client['assignedBrokerId'], api.a.brokerId);
        assert.ok(!('dateOfBirth' in client) && !('memberId' in client) && !created.text.includes('1950-01-02'));
        const sealed = await api.rows<{ dob: string; member: string }>(api.a, 'SELECT date_of_birth_enc AS dob, member_id_enc AS member FROM clients WHERE id = $1', [client['id']]);
        assert.equal(api.keyring.cipher.decrypt(String(sealed[0]?.dob), fieldContext('clients', 'date_of_birth', api.a.tenantId)), '1950-01-02');
        assert.equal(api.keyring.cipher.decrypt(String(sealed[0]?.member), fieldContext('clients', 'member_id', api.a.tenantId)), 'M-1');
        const again = await api.send(api.a.keys.admin, 'POST', '/v1/clients', { json: { firstName: 'Ann', lastName: 'Lee', phoneE164: '+15557770001' } });
        assert.equal(again.status, 409);
        const foreign = await api.send(api.a.keys.broker, 'POST', '/v1/clients', { json: { firstName: 'A', lastName: 'B', phoneE164: '+15557770009', assignedBrokerId: api.a.otherBrokerId } });
        assert.deepEqual(paths(foreign), ['assignedBrokerId']);
        assert.equal((await api.send(api.a.keys.brokerWithoutProfile, 'POST', '/v1/clients', { json: { firstName: 'A', lastName: 'B', phoneE164: '+15557770008' } })).status, 403);
      });

      it('imports a CSV with quotes, newlines and a BOM: good rows stored, bad rows reported, nothing else written', async () => {
        const csv = [
          '\uFEFFfirstName,lastName,phoneE164,dateOfBirth,coverageGaps,notes',
          'Good,One,+15557771001,1948-05-06,dental;vision,',
          '"Quoted, Name","O""Brien",+15557771002,,,"line one\r\nline two"',
          'Bad,Phone,555-1234,,,',
          'Dup,Row,+15557771001,,,',
          'Existing,Phone,+15557770001,,,',
          'Bad,Date,+15557771003,1948-13-45,,',
          'Bad,Gap,+15557771004,,teeth,',
        ].join('\r\n');
        const before = await api.rows(api.a, 'SELECT 1 FROM clients');
        const answer = await api.send(api.a.keys.admin, 'POST', '/v1/clients/import', { raw: csv, contentType: 'text/csv' });
        assert.equal(answer.status, 200, answer.text);
        const report = answer.body as { received: number; imported: number; errors: { row: number; field: string }[] };
        assert.equal(report.received, 7);
        assert.equal(report.imported, 2);
        assert.deepEqual(report.errors.map((error) => [error.row, error.field]), [[3, 'phoneE164'], [4, 'phoneE164'], [5, 'phoneE164'], [6, 'dateOfBirth'], [7, 'coverageGaps.0']]);
        const after = await api.rows(api.a, 'SELECT 1 FROM clients');
        assert.equal(after.length, before.length + 2, 'exactly the good rows');
        const quoted = await api.rows<{ first_name: string; last_name: string; notes: string; coverage_gaps: string[] }>(
          api.a,
          `SELECT first_name, last_name, notes, coverage_gaps FROM clients WHERE phone_e164 IN ('+15557771001', '+15557771002') ORDER BY phone_e164`,
        );
        assert.deepEqual(quoted.map((row) => [row.first_name, row.last_name]), [['Good', 'One'], ['Quoted, Name', "O'Brien".replace("'", '"')]]);
        assert.equal(quoted[1]?.notes, 'line one\r\nline two');
        assert.deepEqual(quoted[0]?.coverage_gaps, ['dental', 'vision']);
      });

      it('imports a JSON array, and refuses an import over 5 000 rows without writing anything', async () => {
        const json = await api.send(api.a.keys.broker, 'POST', '/v1/clients/import', { json: [{ firstName: 'J', lastName: 'S', phoneE164: '+15557772001' }, { firstName: 'J' }] });
        const report = json.body as { imported: number; errors: { row: number; field: string }[] };
        assert.equal(report.imported, 1);
        assert.deepEqual(report.errors.map((error) => [error.row, error.field]), [[2, 'lastName'], [2, 'phoneE164']]);
        const fullJson = Array.from({ length: 5000 }, (_, index) => ({ firstName: 'Bulk', lastName: `Row ${index}`, phoneE164: `+1557${String(index).padStart(7, '0')}`, notes: 'x'.repeat(40) }));
        const bulk = await api.send(api.a.keys.admin, 'POST', '/v1/clients/import', { json: fullJson });
        assert.equal(bulk.status, 200, bulk.text.slice(0, 200));
        assert.equal((bulk.body as { imported: number }).imported, 5000, 'a full 5 000-row JSON import fits the body limit');
        const rows = ['firstName,lastName,phoneE164', ...Array.from({ length: 5001 }, (_, index) => `F,L,+1556${String(index).padStart(7, '0')}`)].join('\n');
        const before = await api.rows(api.a, 'SELECT 1 FROM clients');
        const tooMany = await api.send(api.a.keys.admin, 'POST', '/v1/clients/import', { raw: rows, contentType: 'text/csv' });
        assert.equal(tooMany.status, 400);
        assert.equal((await api.rows(api.a, 'SELECT 1 FROM clients')).length, before.length);
        const unterminated = await api.send(api.a.keys.admin, 'POST', '/v1/clients/import', { raw: 'firstName\n"open', contentType: 'text/csv' });
        assert.equal(unterminated.status, 400);
        assert.equal((await api.send(api.a.keys.admin, 'POST', '/v1/clients/import', { raw: 'x', contentType: 'text/plain' })).status, 415);
      });
    });
  });
}

/** Row counts of the tables the API writes, for "nothing changed" checks. */
async function tenantCounts(api: BrokerApiHarness, tenantId: string): Promise<Record<string, number>> {
  const tables = ['campaigns', 'call_attempts', 'clients', 'dnc_entries', 'audit_log', 'api_idempotency_keys'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows = await api.db.inTenant(tenantId, (session) => session.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`));
    counts[table] = Number(rows.rows[0]?.n);
  }
  return counts;
}
