import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lastUserMessageContains, OpenAiStandIn } from '@va/sandbox';
import type { ModelEvent } from './chat.model';
import { OpenAiChatModel } from './openai-chat.model';
import { collect, textEvents } from './scripted-chat.model.test-support';
import { segmentSpeech, type SpeechEvent } from './speech-segmenter';

const OPTIONS = { minChars: 20, firstMinChars: 5 };

async function* eventsOf(events: readonly ModelEvent[]): AsyncGenerator<ModelEvent> {
  yield* events;
}

describe('segmentSpeech', () => {
  const cases: Array<[string, ModelEvent[], SpeechEvent[]]> = [
    [
      'cuts clauses as they complete, the first one early, and flushes the tail before the end',
      [...textEvents('Sure', ',', ' I can', ' help with that.', ' What day', ' works for you?'), { kind: 'end', finishReason: 'stop' }],
      [
        { kind: 'segment', text: 'Sure,' },
        { kind: 'segment', text: 'I can help with that.' },
        { kind: 'segment', text: 'What day works for you?' },
        { kind: 'end', finishReason: 'stop' },
      ],
    ],
    [
      'speaks the text before a tool call first, then passes the calls through in order',
      [
        ...textEvents('One moment', ' while I check'),
        { kind: 'tool-call', id: 'call_a', name: 'check_broker_availability', argumentsJson: '{}' },
        { kind: 'tool-call', id: 'call_b', name: 'end_call', argumentsJson: '{}' },
        { kind: 'end', finishReason: 'tool_calls' },
      ],
      [
        { kind: 'segment', text: 'One moment while I check' },
        { kind: 'tool-call', id: 'call_a', name: 'check_broker_availability', argumentsJson: '{}' },
        { kind: 'tool-call', id: 'call_b', name: 'end_call', argumentsJson: '{}' },
        { kind: 'end', finishReason: 'tool_calls' },
      ],
    ],
    [
      'flushes the tail when the stream stops without an end event, and yields nothing for whitespace',
      [...textEvents('  ', 'Goodbye')],
      [{ kind: 'segment', text: 'Goodbye' }],
    ],
  ];
  for (const [label, input, expected] of cases) {
    it(label, async () => {
      assert.deepEqual(await collect(segmentSpeech(eventsOf(input), OPTIONS)), expected);
    });
  }

  it('keeps the fields the chain adds (the model name) on tool calls and the end', async () => {
    const input = [
      { kind: 'tool-call', id: 'call_a', name: 'end_call', argumentsJson: '{}', model: 'openai' },
      { kind: 'end', finishReason: 'tool_calls', model: 'openai' },
    ] as const;
    assert.deepEqual(await collect(segmentSpeech(eventsOf(input), OPTIONS)), input);
  });
});

describe('segmentSpeech on a paced OpenAI stream', () => {
  let standIn: OpenAiStandIn;
  const API_KEY = 'sk-test-dm-llm-segmenter';

  before(async () => {
    standIn = await OpenAiStandIn.start({ apiKeys: [API_KEY] });
  });
  after(() => standIn.close());

  it('yields the first clause while the model is still streaming, then the rest, then the tool call', async () => {
    const CHUNK_INTERVAL_MS = 25;
    standIn.faults.set({ chunkIntervalMs: CHUNK_INTERVAL_MS });
    standIn.script.reply(lastUserMessageContains('cancel'), {
      content: 'Of course, I can cancel that appointment for you. It is done in a moment, and you will get a confirmation text.',
      toolCalls: [{ name: 'cancel_appointment', arguments: { appointmentId: 'apt-7' } }],
    });
    const model = new OpenAiChatModel({ name: 'openai', baseUrl: standIn.url, apiKey: API_KEY, model: 'gpt-4o-mini' });
    const tools = [{ name: 'cancel_appointment', description: 'Cancel an appointment', parameters: { type: 'object', properties: { appointmentId: { type: 'string' } } } }];
    const startedAt = Date.now();
    const arrivals: Array<{ event: SpeechEvent; atMs: number }> = [];
    for await (const event of segmentSpeech(model.stream({ messages: [{ role: 'user', content: 'please cancel it' }], tools }, new AbortController().signal), OPTIONS)) {
      arrivals.push({ event, atMs: Date.now() - startedAt });
    }
    const segments = arrivals.flatMap(({ event }) => (event.kind === 'segment' ? [event.text] : []));
    assert.deepEqual(segments, ['Of course,', 'I can cancel that appointment for you.', 'It is done in a moment,', 'and you will get a confirmation text.']);
    assert.deepEqual(arrivals.map(({ event }) => event.kind).slice(-2), ['tool-call', 'end']);
    const first = arrivals[0]!;
    const end = arrivals.at(-1)!;
    // About 40 paced writes follow the first clause: it must not have waited for them.
    assert.ok(end.atMs - first.atMs >= 30 * CHUNK_INTERVAL_MS, `first segment at ${first.atMs} ms, end at ${end.atMs} ms`);
    assert.ok(first.atMs < 10 * CHUNK_INTERVAL_MS, `first segment after ${first.atMs} ms`);
  });
});
