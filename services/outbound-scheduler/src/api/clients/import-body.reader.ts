import type { IncomingMessage } from 'node:http';
import { ApiError } from '../http/api.errors';
import { csvRecords, CsvSyntaxError } from './csv.parser';
import { clientFromCsv, MAX_IMPORT_BODY_BYTES, MAX_IMPORT_ROWS } from './client.schemas';


/** The rows of an import body: a JSON array (already parsed by the framework) or a CSV text read here. */
export async function importRowsOf(request: IncomingMessage, parsedBody: unknown): Promise<{ rows: unknown[]; text: unknown }> {
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType === 'application/json') {
    if (!Array.isArray(parsedBody)) throw ApiError.invalidField('', 'must be a JSON array of clients');
    return { rows: capped(parsedBody), text: parsedBody };
  }
  if (contentType === 'text/csv') {
    const text = await readText(request);
    try {
      return { rows: capped(csvRecords(text).records.map(clientFromCsv)), text };
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw ApiError.invalidField('', error.message);
      throw error;
    }
  }
  throw new ApiError(415, { error: 'unsupported_media_type', message: 'send text/csv or application/json' });
}

function capped(rows: unknown[]): unknown[] {
  if (rows.length === 0) throw ApiError.invalidField('', 'holds no rows');
  if (rows.length > MAX_IMPORT_ROWS) throw ApiError.invalidField('', `holds ${rows.length} rows; at most ${MAX_IMPORT_ROWS} per import`);
  return rows;
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > MAX_IMPORT_BODY_BYTES) throw new ApiError(413, { error: 'payload_too_large', message: `a CSV import is at most ${MAX_IMPORT_BODY_BYTES} bytes` });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
