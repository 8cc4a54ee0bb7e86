import { z } from 'zod';

/**
 * A conversation flow as data: its stages, what each says and captures, which tools each may
 * offer, what each may put in a prompt and where each outcome leads; plus the handlers that apply
 * at any stage. The schema checks the shape; flow.validator checks that the parts fit together.
 *
 * Texts are templates with `{{placeholder}}`s (template.placeholders). A flow holds no PHI.
 */

/** Where an outcome leads when the call is over. */
export const END_STAGE = 'END';

const identifier = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a camelCase identifier');
const stageId = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an UPPER_SNAKE stage id');
const template = z.string().trim().min(1).max(600);
const positiveMs = z.number().int().positive();

export const SLOT_KINDS = ['date-of-birth', 'member-id', 'phone', 'yes-no', 'choice', 'free-text', 'slot-time'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export const slotDefinitionSchema = z.strictObject({
  name: identifier,
  kind: z.enum(SLOT_KINDS),
  /** Whether the stage needs this value before it can take its main outcome. */
  required: z.boolean(),
  /** Whether the value is read back and confirmed before use. */
  readBack: z.boolean(),
  /** The accepted answers of a 'choice' slot (identifiers; the LLM or the engine maps speech to them). */
  choices: z.array(identifier).min(2).optional(),
});

export const stageSayingsSchema = z.strictObject({
  /** Said on entering the stage. */
  enter: template,
  /** Said after silence or a first misunderstanding: the same question, reworded. */
  reprompt: template,
  /** Said when the caller is confused: the question in the plainest words. */
  simplify: template,
});

export const stageDefinitionSchema = z.strictObject({
  /** One or two sentences for the LLM's system prompt. */
  goal: z.string().trim().min(1).max(400),
  say: stageSayingsSchema,
  slots: z.array(slotDefinitionSchema),
  /** Tool names (tool-name.catalog) the stage offers; the validator rejects unknown ones. */
  allowedTools: z.array(z.string()),
  /** Client/session fields (prompt-field.catalog) or slot names the stage's prompt may carry. */
  promptFields: z.array(identifier),
  /** Verification and read-back stages: the only ones whose prompt may carry a date of birth or member ID. */
  handlesIdentity: z.boolean().optional(),
  /**
   * Open conversation (questions about an offer, a household, a knowledge-base question): the
   * caller's turns here go to the LLM when one is configured, which answers with the stage's
   * tools and ends the stage through one of its `next` outcomes. Other stages are scripted.
   */
  conversational: z.boolean().optional(),
  /** Named outcomes → the next stage, or END. */
  next: z.record(identifier, z.string()),
});

export const flowHandlersSchema = z.strictObject({
  /** "Stop calling me": say this (one sentence), call add_to_dnc at once, end the call. */
  optOut: z.strictObject({ say: template }),
  /**
   * "A person, please": transfer_to_human finds the target (the client's broker when asked, else
   * the tenant's `settings.transferNumber`), otherwise a callback is offered.
   */
  human: z.strictObject({
    transferToAssignedBroker: z.boolean(),
    transferSay: template,
    callbackOfferSay: template,
  }),
  /** An emergency: say this at once (the 911 instruction). */
  emergency: z.strictObject({ say: template }),
  /** Confusion: reprompt (rephrase), then simplify, then offer a callback at this count. */
  confusion: z.strictObject({ offerCallbackAfterCount: z.number().int().min(2).max(10), callbackOfferSay: template }),
  /** Silence: reprompt after silenceMs; after maxReprompts reprompts, say endSay and end. */
  silence: z.strictObject({ silenceMs: positiveMs, maxReprompts: z.number().int().min(1).max(5), endSay: template }),
  /** An answering machine picked up: leave voicemailSay, or hang up. */
  answeringMachine: z.strictObject({ action: z.enum(['voicemail', 'hang-up']), voicemailSay: template }),
});

export const flowDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a kebab-case flow id'),
  direction: z.enum(['outbound', 'inbound']),
  agent: z.strictObject({ name: z.string().trim().min(1).max(40), voiceId: z.string().trim().min(1).max(100) }),
  /** Disclosure texts, said in the initial stage (as {{automatedDisclosure}} and {{recordingDisclosure}}). */
  disclosures: z.strictObject({ automated: template, recording: template }),
  initialStage: stageId,
  stages: z.record(stageId, stageDefinitionSchema),
  handlers: flowHandlersSchema,
});

export type SlotDefinition = z.infer<typeof slotDefinitionSchema>;
export type StageSayings = z.infer<typeof stageSayingsSchema>;
export type StageDefinition = z.infer<typeof stageDefinitionSchema>;
export type FlowHandlers = z.infer<typeof flowHandlersSchema>;
export type FlowDefinition = z.infer<typeof flowDefinitionSchema>;
export type FlowDirection = FlowDefinition['direction'];
export type StageLine = keyof StageSayings;
