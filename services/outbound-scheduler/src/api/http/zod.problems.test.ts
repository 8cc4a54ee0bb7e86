import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCampaignSchema } from '../campaigns/campaign.schemas';
import { clientFromCsv, clientInputSchema } from '../clients/client.schemas';
import { ApiError } from './api.errors';
import { parseInput } from './zod.problems';

function problemsOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    return [...(error.body.fields ?? [])];
  }
  assert.fail('expected a 400');
}

const window = { startsAt: '2026-12-01T09:00:00Z', endsAt: '2026-12-20T09:00:00Z' };

describe('request validation messages', () => {
  it('names nested fields by dotted path, missing ones as required', () => {
    const problems = problemsOf(() =>
      parseInput(createCampaignSchema, { settings: { productCode: 'X', window: { startsAt: window.endsAt, endsAt: window.startsAt } }, targets: { coverageGap: 'dental' } }),
    );
    assert.deepEqual(problems, [
      { path: 'name', message: 'is required' },
      { path: 'settings.window.endsAt', message: 'startsAt must be before endsAt' },
    ]);
  });

  it('refuses unknown fields at every level, each by its own path', () => {
    const problems = problemsOf(() =>
      parseInput(createCampaignSchema, { name: 'n', colour: 1, settings: { productCode: 'X', window: { ...window, tz: 'x' } }, targets: { coverageGap: 'dental' } }),
    );
    assert.deepEqual(problems.map((problem) => [problem.path, problem.message]).sort(), [
      ['colour', 'unknown field'],
      ['settings.window.tz', 'unknown field'],
    ]);
  });

  it('asks for exactly one target selection', () => {
    const problems = problemsOf(() => parseInput(createCampaignSchema, { name: 'n', settings: { productCode: 'X', window }, targets: {} }));
    assert.deepEqual(problems, [{ path: 'targets', message: 'give exactly one of clientIds or coverageGap' }]);
  });

  it('prefixes query and path problems with where they came from', () => {
    assert.deepEqual(problemsOf(() => parseInput(clientInputSchema.pick({ phoneE164: true }), { phoneE164: '12' }, 'query')), [
      { path: 'query.phoneE164', message: 'must be an E.164 phone number, e.g. +15551234567' },
    ]);
  });

  it('reads a CSV row as the JSON client shape', () => {
    const client = parseInput(clientInputSchema, clientFromCsv({ firstName: ' Ann ', lastName: 'Lee', phoneE164: '+15550001111', coverageGaps: 'dental; vision', notes: '' }));
    assert.deepEqual(client, { firstName: 'Ann', lastName: 'Lee', phoneE164: '+15550001111', coverageGaps: ['dental', 'vision'] });
  });
});
