import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTemplate } from './template.placeholders';
import { describeMissingPlaceholders, renderTemplate, type TemplateValues } from './template.renderer';

describe('renderTemplate', () => {
  const filled: [template: string, values: TemplateValues, expected: string][] = [
    ['Hi {{clientFirstName}}!', { clientFirstName: 'Dana' }, 'Hi Dana!'],
    ['Hi {{ clientFirstName }}.', { clientFirstName: 'Dana' }, 'Hi Dana.'],
    ['{{a}} and {{a}}', { a: 'x' }, 'x and x'],
    ['{{priceRange}} a month', { priceRange: 25 }, '25 a month'],
    ['No placeholders.', {}, 'No placeholders.'],
    ['Trimmed {{name}}.', { name: '  Dana  ' }, 'Trimmed Dana.'],
    ['A value is not re-scanned: {{v}}', { v: '{{secret}}' }, 'A value is not re-scanned: {{secret}}'],
  ];
  for (const [template, values, expected] of filled) {
    it(`fills ${JSON.stringify(template)}`, () => assert.deepEqual(renderTemplate(template, values), { ok: true, text: expected }));
  }

  const missing: [template: string, values: TemplateValues, names: string[]][] = [
    ['Hi {{clientFirstName}}, {{brokerName}} at {{slotTime}}', { brokerName: 'Maria' }, ['clientFirstName', 'slotTime']],
    ['{{a}} {{a}}', {}, ['a']],
    ['{{a}}', { a: null }, ['a']],
    ['{{a}}', { a: undefined }, ['a']],
    ['{{a}}', { a: '   ' }, ['a']],
    ['{{a}}', { a: Number.NaN }, ['a']],
    ['{{toString}}', {}, ['toString']],
  ];
  for (const [template, values, names] of missing) {
    it(`reports ${names.join(', ')} missing in ${JSON.stringify(template)}`, () => {
      assert.deepEqual(renderTemplate(template, values), { ok: false, missing: names });
    });
  }

  it('describes a failure by placeholder names only', () => {
    const result = renderTemplate('Born {{dateOfBirth}}, id {{memberId}}', { dateOfBirth: '1952-03-03' });
    assert.equal(result.ok, false);
    const message = describeMissingPlaceholders(result.ok ? [] : result.missing);
    assert.equal(message, 'template placeholders without a value: memberId');
    assert.doesNotMatch(JSON.stringify(result), /1952/);
  });
});

describe('scanTemplate', () => {
  const cases: [template: string, names: string[], malformedCount: number][] = [
    ['Hi {{a}} and {{ b }}', ['a', 'b'], 0],
    ['{{first name}}', [], 2],
    ['{{a}} {{', ['a'], 1],
    ['}} {{1x}}', [], 3],
    ['single {braces} are text', [], 0],
  ];
  for (const [template, names, malformedCount] of cases) {
    it(JSON.stringify(template), () => assert.deepEqual(scanTemplate(template), { names, malformedCount }));
  }
});
