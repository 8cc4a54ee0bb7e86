import { z } from 'zod';

const durationMs = z.number().int().min(0).max(3_600_000);
const timeoutMs = z.number().int().min(1).max(3_600_000);

/** Each kind of step, keyed by the one property that names it. Unknown properties are errors. */
const STEP_SCHEMAS = {
  /** Say `text`; with afterAgentSilenceMs, first wait until the agent has spoken and then been silent that long. */
  say: z.strictObject({ say: z.string().trim().min(1), afterAgentSilenceMs: durationMs.optional(), timeoutMs: timeoutMs.optional() }),
  /** Barge in: say `text` once the agent's current turn has been playing for afterAgentAudioMs. */
  interrupt: z.strictObject({ interrupt: z.string().trim().min(1), afterAgentAudioMs: durationMs, timeoutMs: timeoutMs.optional() }),
  /** Wait until the agent has said something matching `heard` (or, without it, until it starts speaking). */
  waitForAgent: z.strictObject({
    waitForAgent: z.strictObject({ heard: z.union([z.string().min(1), z.instanceof(RegExp)]).optional(), timeoutMs }),
  }),
  pause: z.strictObject({ pause: durationMs }),
  /** Say nothing for this long (the line carries silence), e.g. to draw a reprompt. */
  silence: z.strictObject({ silence: durationMs }),
  dtmf: z.strictObject({ dtmf: z.string().regex(/^[0-9*#A-D]+$/, 'keys are 0-9, *, # and A-D'), gapMs: durationMs.optional() }),
  hangUp: z.strictObject({ hangUp: z.literal(true) }),
  /** The agent is expected to end the call within this long. */
  expectHangUpWithinMs: z.strictObject({ expectHangUpWithinMs: timeoutMs }),
} as const;

type StepKind = keyof typeof STEP_SCHEMAS;
const STEP_KINDS = Object.keys(STEP_SCHEMAS) as StepKind[];

/** One step of a persona script as written (data). */
export type PersonaStep = { [K in StepKind]: z.input<(typeof STEP_SCHEMAS)[K]> }[StepKind];
export type PersonaScript = readonly PersonaStep[];

/** A validated step, tagged by kind. */
export type ParsedPersonaStep = { [K in StepKind]: { readonly kind: K } & z.output<(typeof STEP_SCHEMAS)[K]> }[StepKind];

export class PersonaScriptError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid persona script: ${problems.join('; ')}`);
    this.name = 'PersonaScriptError';
  }
}

/** Validates a script (data from code or JSON); throws PersonaScriptError listing every problem. */
export function parsePersonaScript(script: unknown): ParsedPersonaStep[] {
  if (!Array.isArray(script)) throw new PersonaScriptError(['a script is an array of steps']);
  if (script.length === 0) throw new PersonaScriptError(['a script needs at least one step']);
  const problems: string[] = [];
  const steps: ParsedPersonaStep[] = [];
  script.forEach((step: unknown, index) => {
    const label = `step ${index + 1}`;
    if (typeof step !== 'object' || step === null) return void problems.push(`${label}: a step is an object`);
    const kinds = STEP_KINDS.filter((kind) => kind in step);
    if (kinds.length !== 1) {
      const found = kinds.length === 0 ? 'none' : kinds.join(', ');
      return void problems.push(`${label}: needs exactly one of ${STEP_KINDS.join(', ')} (found ${found})`);
    }
    const kind = kinds[0] as StepKind;
    const parsed = STEP_SCHEMAS[kind].safeParse(step);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${label} (${kind}): ${issue.path.join('.') || kind}: ${issue.message}`);
      return;
    }
    steps.push({ kind, ...parsed.data } as ParsedPersonaStep);
  });
  if (problems.length > 0) throw new PersonaScriptError(problems);
  return steps;
}
