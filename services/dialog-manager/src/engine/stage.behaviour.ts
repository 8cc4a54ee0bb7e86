import type { AwaitPurpose } from './await.purposes';
import type { EngineTurn } from './engine.turn';
import type { ToolOutcomeView } from './turn-engine.contract';

/**
 * Where a stage goes next: one of its `next` outcomes; a jump to a stage its outcomes do not
 * name (starting a form over); or nowhere yet (it asked something, or waits for a tool).
 */
export type StageResult = { readonly outcome: string } | { readonly jumpTo: string } | undefined;

export type Continuation = (turn: EngineTurn, outcome: ToolOutcomeView) => StageResult;

/**
 * What one stage does beyond the common capture: each part is optional and falls back to the
 * default (say the `enter` line; capture the stage's slots; take its `answered` or first outcome).
 */
export interface StageBehaviour {
  readonly enter?: (turn: EngineTurn) => StageResult;
  /** The caller answered and no read-back or offer was pending. */
  readonly answer?: (turn: EngineTurn, text: string) => StageResult;
  /** Every slot the stage asks for is filled (or declined). */
  readonly complete?: (turn: EngineTurn) => StageResult;
  /** The steps that go on when a tool this stage waited for answers. */
  readonly continuations?: Partial<Record<AwaitPurpose, Continuation>>;
}

export function outcome(name: string): StageResult {
  return { outcome: name };
}

/** A confirmed slot's value, or undefined. */
export function slotValue(turn: EngineTurn, slotName: string): string | undefined {
  const slot = turn.session.slots[slotName];
  return slot?.confirmed === true && slot.value !== null ? slot.value : undefined;
}

/** Reads a string field of a tool result; anything else is undefined. */
export function resultString(result: Readonly<Record<string, unknown>>, field: string): string | undefined {
  const value = result[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function resultRecord(result: Readonly<Record<string, unknown>>, field: string): Readonly<Record<string, unknown>> | undefined {
  const value = result[field];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
