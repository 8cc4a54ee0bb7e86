import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { END_STAGE, type FlowDefinition } from './flow.definition';
import { handlerTexts } from './flow-template.rules';
import { validateFlow } from './flow.validator';
import { INBOUND_BROKERAGE_RECEPTION_FLOW, INBOUND_RECEPTION_FLOW } from './inbound-reception.flow';
import { OUTBOUND_CROSS_SELL_FLOW } from './outbound-cross-sell.flow';
import { renderHandlerLine, renderStageLine } from './stage-line.renderer';
import { scanTemplate } from './template.placeholders';
import { STAGE_PLACEHOLDERS } from './template-placeholder.catalog';

const FLOWS: readonly FlowDefinition[] = [OUTBOUND_CROSS_SELL_FLOW, INBOUND_RECEPTION_FLOW, INBOUND_BROKERAGE_RECEPTION_FLOW];

/** Follows the outcomes named, from the initial stage; returns the stages visited and where it ended. */
function walk(flow: FlowDefinition, outcomes: readonly string[]): string[] {
  const visited = [flow.initialStage];
  for (const outcome of outcomes) {
    const current = visited.at(-1) as string;
    const target = flow.stages[current]?.next[outcome];
    assert.ok(target !== undefined, `${current} has no outcome ${outcome}`);
    visited.push(target);
  }
  return visited;
}

/** A value for every placeholder a stage or handler may use (names as values, no real data). */
function sampleValues(flow: FlowDefinition): Record<string, string> {
  const slotNames = Object.values(flow.stages).flatMap((stage) => stage.slots.map((slot) => slot.name));
  return Object.fromEntries([...STAGE_PLACEHOLDERS, ...slotNames].map((name) => [name, `<${name}>`]));
}

for (const flow of FLOWS) {
  describe(`default flow ${flow.id}`, () => {
    it('validates', () => {
      const result = validateFlow(flow);
      assert.deepEqual(result.ok ? [] : result.problems, []);
    });

    it('reaches every stage from initialStage, and END from every stage', () => {
      const reachable = new Set<string>();
      const queue = [flow.initialStage];
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (reachable.has(id) || id === END_STAGE) continue;
        reachable.add(id);
        queue.push(...Object.values(flow.stages[id]?.next ?? {}));
      }
      assert.deepEqual([...reachable].sort(), Object.keys(flow.stages).sort());
      for (const id of Object.keys(flow.stages)) {
        const seen = new Set<string>();
        const frontier = [id];
        let ends = false;
        for (let at = frontier.pop(); at !== undefined && !ends; at = frontier.pop()) {
          if (at === END_STAGE) ends = true;
          else if (!seen.has(at)) {
            seen.add(at);
            frontier.push(...Object.values(flow.stages[at]?.next ?? {}));
          }
        }
        assert.ok(ends, `no path from ${id} ends`);
      }
    });

    it('renders every line of every stage and handler when the values are there', () => {
      const values = sampleValues(flow);
      for (const id of Object.keys(flow.stages)) {
        for (const line of ['enter', 'reprompt', 'simplify'] as const) {
          const result = renderStageLine(flow, id, line, values);
          assert.ok(result.ok && !/\{\{|\}\}/.test(result.text), `${id}.${line}`);
          assert.ok(result.ok && result.text.length <= 260, `${id}.${line} is long for the phone`);
        }
      }
      for (const [path, text] of handlerTexts(flow)) assert.equal(renderHandlerLine(flow, text, { tenantName: 'T' }).ok, true, path);
    });

    it('says both disclosures first thing', () => {
      const result = renderStageLine(flow, flow.initialStage, 'enter', sampleValues(flow));
      assert.ok(result.ok);
      assert.match(result.text, /automated assistant/);
      assert.match(result.text, /recorded/);
    });

    it('carries a date of birth or member ID only in identity stages', () => {
      for (const [id, stage] of Object.entries(flow.stages)) {
        if (stage.handlesIdentity === true) continue;
        assert.deepEqual(stage.promptFields.filter((field) => field === 'dateOfBirth' || field === 'memberId'), [], id);
      }
    });

    it('tells the caller to call 911 in an emergency', () => assert.match(flow.handlers.emergency.say, /call 911/));
  });
}

describe('outbound cross-sell flow', () => {
  const flow = OUTBOUND_CROSS_SELL_FLOW;

  it('runs INTRO → CONSENT → VERIFY → PRESENT → QUALIFY → SCHEDULE → CONFIRM → CLOSE → END', () => {
    assert.deepEqual(walk(flow, ['reached', 'granted', 'verified', 'interested', 'qualified', 'booked', 'confirmed', 'done']), [
      'INTRO', 'CONSENT', 'VERIFY', 'PRESENT', 'QUALIFY', 'SCHEDULE', 'CONFIRM', 'CLOSE', END_STAGE,
    ]);
  });

  const endings: [outcomes: string[], ending: string][] = [
    [['reached', 'refused'], 'CLOSE_REFUSED'],
    [['wrongPerson'], 'CLOSE_WRONG_PERSON'],
    [['reached', 'granted', 'failed'], 'CLOSE_WRONG_PERSON'],
    [['reached', 'granted', 'verified', 'notInterested'], 'CLOSE_NOT_INTERESTED'],
  ];
  for (const [outcomes, ending] of endings) {
    it(`ends at ${ending} after ${outcomes.join(', ')}`, () => assert.equal(walk(flow, outcomes).at(-1), ending));
  }

  it('keeps PRESENT free of dates of birth and member IDs', () => {
    const present = flow.stages['PRESENT'];
    assert.ok(present !== undefined && present.handlesIdentity !== true);
    assert.deepEqual(present.promptFields.filter((field) => ['dateOfBirth', 'memberId'].includes(field)), []);
    assert.ok(present.promptFields.length > 0);
  });

  it('presents prices as a range the broker confirms', () => {
    const text = flow.stages['PRESENT']?.say.enter ?? '';
    assert.match(text, /\{\{priceRange\}\}/);
    assert.match(text, /broker confirms the final price/);
  });

  it('says nothing about the client after a refusal or to a wrong person', () => {
    for (const id of ['CLOSE_REFUSED', 'CLOSE_WRONG_PERSON']) {
      const stage = flow.stages[id];
      assert.ok(stage !== undefined);
      assert.deepEqual(stage.promptFields, [], id);
      for (const text of Object.values(stage.say)) assert.deepEqual(scanTemplate(text).names, [], `${id}: ${text}`);
    }
  });

  it('reveals only the first name before VERIFY', () => {
    for (const id of ['INTRO', 'CONSENT']) assert.deepEqual(flow.stages[id]?.promptFields, ['clientFirstName'], id);
  });
});

describe('inbound reception flows', () => {
  it('routes the clinic INTENT to FAQ, BOOKING, intake, MESSAGE and TRANSFER, each ending', () => {
    const flow = INBOUND_RECEPTION_FLOW;
    const cases: [outcomes: string[], last: string][] = [
      [['named', 'identified', 'faq', 'answered', 'done'], END_STAGE],
      [['named', 'notFound', 'booking', 'done', 'done'], END_STAGE],
      [['named', 'identified', 'message', 'taken', 'done'], END_STAGE],
      [['declined', 'transfer', 'transferred'], END_STAGE],
      [['declined', 'transfer', 'unavailable'], 'MESSAGE'],
    ];
    for (const [outcomes, last] of cases) assert.equal(walk(flow, outcomes).at(-1), last, outcomes.join(' → '));
  });

  it('takes a full patient intake in order, reads it back and saves it', () => {
    const path = walk(INBOUND_RECEPTION_FLOW, ['named', 'identified', 'intake', ...Array(9).fill('answered'), 'booked', 'saved', 'done']);
    assert.deepEqual(path.slice(3), [
      'INTAKE_PAYER', 'INTAKE_MEMBER_ID', 'INTAKE_REASON', 'INTAKE_NAME', 'INTAKE_DATE_OF_BIRTH', 'INTAKE_PHONE', 'INTAKE_ADDRESS',
      'INTAKE_PHARMACY', 'INTAKE_EMERGENCY_CONTACT', 'INTAKE_SCHEDULE', 'INTAKE_REVIEW', 'CLOSE', END_STAGE,
    ]);
    const review = INBOUND_RECEPTION_FLOW.stages['INTAKE_REVIEW'];
    assert.deepEqual(review?.allowedTools, ['save_intake']);
    assert.equal(review?.handlesIdentity, true);
    assert.match(review?.say.enter ?? '', /\{\{readBackSummary\}\}/);
  });

  it('captures every intake field save_intake stores', () => {
    const slots = new Set(Object.values(INBOUND_RECEPTION_FLOW.stages).flatMap((stage) => stage.slots.map((slot) => slot.name)));
    for (const field of ['payer', 'memberId', 'reasonForVisit', 'patientName', 'dateOfBirth', 'phone', 'address', 'preferredPharmacy', 'emergencyContactName', 'emergencyContactPhone']) {
      assert.ok(slots.has(field), field);
    }
  });

  it("gives a brokerage's receptionist no intake", () => {
    const stages = Object.keys(INBOUND_BROKERAGE_RECEPTION_FLOW.stages);
    assert.deepEqual(stages.filter((id) => id.startsWith('INTAKE')), []);
    assert.ok(!JSON.stringify(INBOUND_BROKERAGE_RECEPTION_FLOW.stages['INTENT']).includes('intake'));
  });
});
