import type { IHeaders } from 'kafkajs';
import type { MessageHeaders } from '../frame/trace-headers';

/** kafkajs hands header values as Buffers (or arrays of them); the bus carries strings. */
export function headersFromKafka(headers: IHeaders | undefined): MessageHeaders {
  const result: MessageHeaders = {};
  if (headers === undefined) return result;
  for (const [name, value] of Object.entries(headers)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}
