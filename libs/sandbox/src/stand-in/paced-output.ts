import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultPlan } from './fault.plan';

/**
 * Applies a fault plan's timing to a stream of output chunks: the first-byte delay, the rate
 * between chunks, a slow trickle (re-chunked), a mid-stream disconnect, or silence/hang (no
 * output at all). `emit` sends one chunk; `disconnect` drops the connection.
 */
export async function emitWithPlan(
  plan: FaultPlan,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  emit: (chunk: Uint8Array) => Promise<void> | void,
  disconnect: () => void,
  isClosed: () => boolean = () => false,
): Promise<'completed' | 'disconnected' | 'withheld'> {
  const { fault } = plan;
  if (fault.kind === 'silence' || fault.kind === 'hang') return 'withheld';
  let sent = 0;
  let first = true;
  for await (const chunk of chunks) {
    const pieces = fault.kind === 'trickle' ? slice(chunk, fault.chunkBytes) : [chunk];
    for (const piece of pieces) {
      if (isClosed()) return 'disconnected';
      if (fault.kind === 'disconnect' && sent >= fault.afterChunks) {
        disconnect();
        return 'disconnected';
      }
      const delayMs = first ? plan.firstByteDelayMs : fault.kind === 'trickle' ? fault.intervalMs : plan.chunkIntervalMs;
      if (delayMs > 0) await sleep(delayMs);
      first = false;
      if (isClosed()) return 'disconnected';
      await emit(piece);
      sent += 1;
    }
  }
  return 'completed';
}

function slice(chunk: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let offset = 0; offset < chunk.length; offset += size) pieces.push(chunk.subarray(offset, offset + size));
  return pieces;
}
