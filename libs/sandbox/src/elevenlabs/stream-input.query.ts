import { z } from 'zod';
import { checkOutputFormat, DEFAULT_OUTPUT_FORMAT } from './output.format';

const booleanParam = z.enum(['true', 'false']).transform((value) => value === 'true');

const queryValuesSchema = z.looseObject({
  model_id: z.string().min(1).optional(),
  output_format: z.string().optional(),
  inactivity_timeout: z.coerce.number().int().min(1).max(180).optional(),
  auto_mode: booleanParam.optional(),
  sync_alignment: booleanParam.optional(),
  enable_ssml_parsing: booleanParam.optional(),
  enable_logging: booleanParam.optional(),
});

/** The `stream-input` query, validated. */
export interface StreamInputQuery {
  readonly modelId: string | undefined;
  readonly outputFormat: string;
  readonly inactivityTimeoutSeconds: number;
  readonly autoMode: boolean;
}

export const DEFAULT_INACTIVITY_TIMEOUT_SECONDS = 20;

export type StreamInputQueryCheck = { readonly ok: true; readonly query: StreamInputQuery } | { readonly ok: false; readonly message: string };

export function parseStreamInputQuery(params: URLSearchParams): StreamInputQueryCheck {
  const parsed = queryValuesSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `Invalid query parameter ${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}` };
  }
  const outputFormat = parsed.data.output_format ?? DEFAULT_OUTPUT_FORMAT;
  const format = checkOutputFormat(outputFormat);
  if (format === 'unknown') return { ok: false, message: `Invalid output_format ${outputFormat}` };
  if (format === 'unsupported') return { ok: false, message: `The sandbox stand-in produces only ulaw_8000, not ${outputFormat}` };
  return {
    ok: true,
    query: {
      modelId: parsed.data.model_id,
      outputFormat,
      inactivityTimeoutSeconds: parsed.data.inactivity_timeout ?? DEFAULT_INACTIVITY_TIMEOUT_SECONDS,
      autoMode: parsed.data.auto_mode ?? false,
    },
  };
}
