import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { AgentSpeechRecognizer } from './agent-speech.recognizer';
import { type AgentTurnSpan, type GapStats, groupAgentTurns, sumGaps } from './agent-turn.grouper';
import type { AgentFrame } from './agent-turn.rules';
import type { CallerPolicy } from './caller.policy';

/** Something the caller did on the line, with when it started and finished (performance.now() ms). */
export type CallerAction =
  | { readonly kind: 'say' | 'interrupt'; readonly text: string; readonly startedAtMs: number; readonly endedAtMs: number }
  | { readonly kind: 'dtmf'; readonly digits: string; readonly startedAtMs: number; readonly endedAtMs: number };

export interface HeardText {
  readonly text: string;
  /** Share of that text's audio the caller heard (below 1 when cut off). */
  readonly share: number;
}

export interface AgentTurnReport {
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  readonly audioMs: number;
  /** Texts heard, in order ("[unrecognised audio]" for audio no TTS stand-in registered). */
  readonly heard: readonly string[];
  readonly pieces: readonly HeardText[];
  readonly gaps: GapStats;
  /** The caller started speaking while this turn was playing. */
  readonly interruptedByCaller: boolean;
}

/** One caller utterance and the agent's reply to it. */
export interface CallerTurnReport {
  readonly callerSaid: string;
  readonly kind: 'say' | 'interrupt';
  readonly sentAtMs: number;
  /** When the caller's last speech frame had been sent. */
  readonly speechEndedAtMs: number;
  readonly firstAgentAudioAtMs: number | null;
  /** First reply frame minus speech end; null when the agent did not answer before the caller's next action. */
  readonly voiceToVoiceMs: number | null;
  readonly agentHeard: readonly string[];
  readonly agentAudioMs: number;
  readonly gaps: GapStats;
  /** The caller spoke over agent audio that was playing. */
  readonly interrupted: boolean;
  /** How long the talked-over agent audio kept playing after the caller started; null if none. */
  readonly agentKeptPlayingMs: number | null;
}

export interface CallReport {
  readonly callSid: string;
  readonly direction: 'inbound' | 'outbound-api';
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  readonly durationMs: number;
  readonly turns: readonly CallerTurnReport[];
  readonly agentTurns: readonly AgentTurnReport[];
  readonly hungUpBy: 'caller' | 'agent';
  /** The stand-in's end reason (e.g. caller-hung-up, app-hung-up, transferred). */
  readonly endReason: string;
  readonly dtmfSent: string;
  /** Why the persona could not follow its script; undefined when it did. */
  readonly failure: string | undefined;
}

/** The raw facts of one call as the persona runner collected them. */
export interface CallRecord {
  readonly callSid: string;
  readonly direction: 'inbound' | 'outbound-api';
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  readonly frames: readonly AgentFrame[];
  readonly actions: readonly CallerAction[];
  readonly hungUpBy: 'caller' | 'agent';
  readonly endReason: string;
  readonly failure: string | undefined;
}

export function buildCallReport(
  record: CallRecord,
  agentSpeech: Pick<UtteranceRegistry, 'match'>,
  policy: Pick<CallerPolicy, 'agentTurnGapMs' | 'gapToleranceMs'>,
): CallReport {
  const spans = groupAgentTurns(record.frames, record.actions.map((action) => action.endedAtMs), policy);
  const speech = record.actions.filter((action) => action.kind !== 'dtmf');
  const agentTurns = spans.map((span) => agentTurnReport(span, agentSpeech, speech));
  const turns = record.actions.flatMap((action, index) =>
    action.kind === 'dtmf' ? [] : [callerTurnReport(action, record.actions[index + 1]?.startedAtMs ?? Infinity, agentTurns)],
  );
  return {
    callSid: record.callSid,
    direction: record.direction,
    startedAtMs: round(record.startedAtMs),
    endedAtMs: round(record.endedAtMs),
    durationMs: round(record.endedAtMs - record.startedAtMs),
    turns,
    agentTurns,
    hungUpBy: record.hungUpBy,
    endReason: record.endReason,
    dtmfSent: record.actions.map((action) => (action.kind === 'dtmf' ? action.digits : '')).join(''),
    failure: record.failure,
  };
}

function agentTurnReport(span: AgentTurnSpan, agentSpeech: Pick<UtteranceRegistry, 'match'>, speech: readonly CallerAction[]): AgentTurnReport {
  const recognizer = new AgentSpeechRecognizer(agentSpeech);
  for (const frame of span.frames) recognizer.push(frame.audio, frame.atMs);
  recognizer.flush();
  const pieces = recognizer.pieces().map((piece) => ({ text: piece.text, share: Math.round(piece.share * 1_000) / 1_000 }));
  return {
    startedAtMs: round(span.startedAtMs),
    endedAtMs: round(span.endedAtMs),
    audioMs: round(span.audioMs),
    heard: pieces.map((piece) => piece.text),
    pieces,
    gaps: roundGaps(span.gaps),
    interruptedByCaller: speech.some((action) => action.startedAtMs > span.startedAtMs && action.startedAtMs < span.endedAtMs),
  };
}

function callerTurnReport(
  action: Extract<CallerAction, { kind: 'say' | 'interrupt' }>,
  nextActionAtMs: number,
  agentTurns: readonly AgentTurnReport[],
): CallerTurnReport {
  const replies = agentTurns.filter((turn) => turn.startedAtMs >= round(action.endedAtMs) && turn.startedAtMs < nextActionAtMs);
  const talkedOver = agentTurns.find((turn) => turn.startedAtMs < action.startedAtMs && turn.endedAtMs > action.startedAtMs);
  const firstAgentAudioAtMs = replies[0]?.startedAtMs ?? null;
  return {
    callerSaid: action.text,
    kind: action.kind,
    sentAtMs: round(action.startedAtMs),
    speechEndedAtMs: round(action.endedAtMs),
    firstAgentAudioAtMs,
    voiceToVoiceMs: firstAgentAudioAtMs === null ? null : round(firstAgentAudioAtMs - action.endedAtMs),
    agentHeard: replies.flatMap((turn) => turn.heard),
    agentAudioMs: round(replies.reduce((sum, turn) => sum + turn.audioMs, 0)),
    gaps: sumGaps(replies.map((turn) => turn.gaps)),
    interrupted: talkedOver !== undefined,
    agentKeptPlayingMs: talkedOver === undefined ? null : round(talkedOver.endedAtMs - action.startedAtMs),
  };
}

function roundGaps(gaps: GapStats): GapStats {
  return { count: gaps.count, totalMs: round(gaps.totalMs), maxMs: round(gaps.maxMs) };
}

/** Milliseconds to a tenth, for readable reports. */
function round(valueMs: number): number {
  return Math.round(valueMs * 10) / 10;
}
