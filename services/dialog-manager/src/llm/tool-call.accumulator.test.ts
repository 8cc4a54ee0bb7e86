import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ToolCallAccumulator, type ToolCallDelta } from './tool-call.accumulator';

describe('ToolCallAccumulator', () => {
  it('joins argument fragments into one call, completed at the finish', () => {
    const accumulator = new ToolCallAccumulator();
    const deltas: ToolCallDelta[] = [
      { index: 0, id: 'call_a', function: { name: 'lookup_faq', arguments: '' } },
      { index: 0, function: { arguments: '{"topic"' } },
      { index: 0, function: { arguments: ':"office hours"}' } },
    ];
    for (const delta of deltas) assert.deepEqual(accumulator.add(delta), []);
    assert.deepEqual(accumulator.finish(), [{ id: 'call_a', name: 'lookup_faq', argumentsJson: '{"topic":"office hours"}' }]);
    assert.deepEqual(accumulator.finish(), [], 'finish empties the accumulator');
  });

  it('completes a call as soon as the next one begins, so it can run before the turn ends', () => {
    const accumulator = new ToolCallAccumulator();
    accumulator.add({ index: 0, id: 'call_a', function: { name: 'check_eligibility', arguments: '{"plan":' } });
    accumulator.add({ index: 0, function: { arguments: '"dental"}' } });
    const completed = accumulator.add({ index: 1, id: 'call_b', function: { name: 'end_call', arguments: '{}' } });
    assert.deepEqual(completed, [{ id: 'call_a', name: 'check_eligibility', argumentsJson: '{"plan":"dental"}' }]);
    assert.deepEqual(accumulator.finish(), [{ id: 'call_b', name: 'end_call', argumentsJson: '{}' }]);
  });

  const normalisations: Array<[string, ToolCallDelta[], { id: string; name: string; argumentsJson: string }]> = [
    ['empty arguments become {}', [{ index: 0, id: 'call_x', function: { name: 'end_call' } }], { id: 'call_x', name: 'end_call', argumentsJson: '{}' }],
    ['a missing id gets one from the index', [{ index: 2, function: { name: 'end_call', arguments: '{}' } }], { id: 'tool_call_2', name: 'end_call', argumentsJson: '{}' }],
    [
      'a repeated name is not doubled',
      [
        { index: 0, id: 'call_y', function: { name: 'take_message', arguments: '{"a":' } },
        { index: 0, function: { name: 'take_message', arguments: '1}' } },
      ],
      { id: 'call_y', name: 'take_message', argumentsJson: '{"a":1}' },
    ],
  ];
  for (const [label, deltas, expected] of normalisations) {
    it(label, () => {
      const accumulator = new ToolCallAccumulator();
      for (const delta of deltas) accumulator.add(delta);
      assert.deepEqual(accumulator.finish(), [expected]);
    });
  }

  it('rejects a call without a function name and a call resumed after a later one began', () => {
    const nameless = new ToolCallAccumulator();
    nameless.add({ index: 0, id: 'call_z', function: { arguments: '{}' } });
    assert.throws(() => nameless.finish(), /no function name/);

    const resumed = new ToolCallAccumulator();
    resumed.add({ index: 0, id: 'call_a', function: { name: 'end_call' } });
    resumed.add({ index: 1, id: 'call_b', function: { name: 'end_call' } });
    assert.throws(() => resumed.add({ index: 0, function: { arguments: '{}' } }), /continued after a later call/);
  });
});
