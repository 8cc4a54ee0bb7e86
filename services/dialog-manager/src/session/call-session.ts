import { z } from 'zod';

/**
 * The conversation state of one call, shared by the dialog-manager instances through a
 * session store so that another instance can continue a call where a dead one stopped.
 *
 * PHI: slot values (a date of birth, a member ID) and history texts are PHI. A session is
 * stored, never logged; errors about it name the call ID only.
 *
 * The update helpers beside this file are pure: each returns a new session and leaves its
 * input untouched, and returns the very same object when nothing changed (so a caller can
 * skip a save). `version` and `updatedAtMs` are set by the store, not by the helpers.
 */
export const CALL_SESSION_SCHEMA_VERSION = 1;

export type CallDirection = 'inbound' | 'outbound';

/** A captured value; `value` is null until a candidate is heard, `confirmed` after the read-back. */
export interface SlotState {
  readonly value: string | null;
  readonly confirmed: boolean;
  /** Failed capture attempts for this slot (after two the agent offers keypad entry). */
  readonly attempts: number;
}

/** Agent entries hold only what call.playback reported as heard, never what was generated. */
export interface HistoryEntry {
  readonly role: 'caller' | 'agent';
  readonly text: string;
  readonly turnId: string;
}

/** The agent turn in progress (or the last one). */
export interface AgentTurnState {
  readonly turnId: string;
  /** Speak segments published so far; the next segment's index. */
  readonly segmentsSent: number;
  /** Indexes of the segments call.playback reported as played to the end. */
  readonly segmentsHeard: readonly number[];
  readonly cancelled: boolean;
}

export interface PendingToolCall {
  readonly toolName: string;
  readonly idempotencyKey: string;
  readonly requestedAtMs: number;
}

export interface TurnCounters {
  readonly turn: number;
  readonly silenceReprompts: number;
  readonly failedCaptures: number;
}

/** What was already applied, so a redelivered event (after a takeover) is not applied twice. */
export interface ProcessedEvents {
  /** Per ordered stream (e.g. a topic, all of one call's events on one partition): the last applied position, a decimal string. */
  readonly lastSeqByStream: Readonly<Record<string, string>>;
  /** Recently applied event IDs for events without an ordered position, oldest first, bounded. */
  readonly recentIds: readonly string[];
}

export interface CallSession {
  /** Format of this document; a reader refuses a format it does not know. */
  readonly schemaVersion: typeof CALL_SESSION_SCHEMA_VERSION;
  /** Revision for compare-and-set; 0 until created, then +1 on every save. */
  readonly version: number;
  readonly callId: string;
  readonly tenantId: string;
  readonly direction: CallDirection;
  readonly flowId: string;
  readonly stage: string;
  readonly slots: Readonly<Record<string, SlotState>>;
  readonly history: readonly HistoryEntry[];
  readonly agentTurn: AgentTurnState | null;
  /** Keyed by tool request ID. */
  readonly pendingToolCalls: Readonly<Record<string, PendingToolCall>>;
  readonly counters: TurnCounters;
  readonly processed: ProcessedEvents;
  /**
   * What the conversation engine remembers between events (a client's first name, the offered
   * times, the tool call it waits for), as strings by name. PHI like the slots; see facts.update.
   */
  readonly facts: Readonly<Record<string, string>>;
  readonly updatedAtMs: number;
}

const count = z.number().int().nonnegative();
const decimalSeq = z.string().regex(/^\d+$/);

export const callSessionSchema: z.ZodType<CallSession> = z.object({
  schemaVersion: z.literal(CALL_SESSION_SCHEMA_VERSION),
  version: count,
  callId: z.string().min(1),
  tenantId: z.string().min(1),
  direction: z.enum(['inbound', 'outbound']),
  flowId: z.string().min(1),
  stage: z.string().min(1),
  slots: z.record(z.string(), z.object({ value: z.string().nullable(), confirmed: z.boolean(), attempts: count })),
  history: z.array(z.object({ role: z.enum(['caller', 'agent']), text: z.string(), turnId: z.string() })),
  agentTurn: z
    .object({ turnId: z.string().min(1), segmentsSent: count, segmentsHeard: z.array(count), cancelled: z.boolean() })
    .nullable(),
  pendingToolCalls: z.record(
    z.string(),
    z.object({ toolName: z.string().min(1), idempotencyKey: z.string().min(1), requestedAtMs: count }),
  ),
  counters: z.object({ turn: count, silenceReprompts: count, failedCaptures: count }),
  processed: z.object({ lastSeqByStream: z.record(z.string(), decimalSeq), recentIds: z.array(z.string()) }),
  // Sessions stored before facts existed read as having none.
  facts: z.record(z.string(), z.string()).default({}),
  updatedAtMs: count,
});

export interface NewCallSession {
  readonly callId: string;
  readonly tenantId: string;
  readonly direction: CallDirection;
  readonly flowId: string;
  /** The flow's first stage. */
  readonly stage: string;
  readonly nowMs: number;
}

/** A fresh session (version 0) for a call that just started; `SessionStore.create` stores it as version 1. */
export function createCallSession(init: NewCallSession): CallSession {
  return {
    schemaVersion: CALL_SESSION_SCHEMA_VERSION,
    version: 0,
    callId: init.callId,
    tenantId: init.tenantId,
    direction: init.direction,
    flowId: init.flowId,
    stage: init.stage,
    slots: {},
    history: [],
    agentTurn: null,
    pendingToolCalls: {},
    counters: { turn: 0, silenceReprompts: 0, failedCaptures: 0 },
    processed: { lastSeqByStream: {}, recentIds: [] },
    facts: {},
    updatedAtMs: init.nowMs,
  };
}
