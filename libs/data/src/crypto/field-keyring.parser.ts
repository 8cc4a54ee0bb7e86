import { FieldKeyring, type FieldKey } from './field.keyring';
import { describeKeyId, keyLengthProblem, keySetProblems, type PositionedKeyId } from './field-key.rules';
import { FieldKeyringError } from './field-keyring.error';
import { decodeStrictBase64 } from './strict-base64.codec';

/** The keyring as operators configure it, for example from two environment variables. */
export interface FieldKeyringConfig {
  /** `id1:<base64 of 32 bytes>,id2:<base64 of 32 bytes>`; spaces around entries and parts are ignored. */
  readonly keys: string;
  readonly activeKeyId: string;
}

/** What the entries of the configured list yield: every id found, and the keys that decoded. */
interface ParsedEntries {
  readonly ids: PositionedKeyId[];
  readonly keys: { id: string; key: Buffer }[];
  readonly problems: string[];
}

/**
 * Builds a keyring from its configured text. Every problem is reported at once in one
 * FieldKeyringError; no problem echoes key material, and the decoded key bytes are wiped once
 * the keyring holds its own copies.
 */
export function parseFieldKeyring(config: FieldKeyringConfig): FieldKeyring {
  const activeKeyId = config.activeKeyId.trim();
  const text = config.keys.trim();
  if (text.length === 0) throw new FieldKeyringError(['keys: none given; expected id:<base64 of 32 bytes>[,id:<base64>...]']);
  const parsed: ParsedEntries = { ids: [], keys: [], problems: [] };
  text.split(',').forEach((entryText, index) => parseEntry(entryText.trim(), index + 1, parsed));
  try {
    const problems = [...parsed.problems, ...keySetProblems(parsed.ids, activeKeyId)];
    if (problems.length > 0) throw new FieldKeyringError(problems);
    const keys: FieldKey[] = parsed.keys;
    return new FieldKeyring({ keys, activeKeyId });
  } finally {
    for (const { key } of parsed.keys) key.fill(0);
  }
}

/** Reads one `id:base64` entry into `parsed`. */
function parseEntry(entryText: string, position: number, parsed: ParsedEntries): void {
  const colon = entryText.indexOf(':');
  if (colon < 0) {
    parsed.problems.push(`entry ${position}: expected id:<base64 of 32 bytes>`);
    return;
  }
  const id = entryText.slice(0, colon).trim();
  parsed.ids.push({ position, id });
  const key = decodeStrictBase64(entryText.slice(colon + 1).trim(), 'base64');
  if (!key) {
    parsed.problems.push(`entry ${position}: ${describeKeyId(id)} has a key that is not padded base64`);
    return;
  }
  parsed.keys.push({ id, key });
  const lengthProblem = keyLengthProblem(position, id, key.length);
  if (lengthProblem) parsed.problems.push(lengthProblem);
}
