import { TELEPHONY_SAMPLE_RATE_HZ } from '@va/audio';

const WAVE_FORMAT_MULAW = 7;
const HEADER_BYTES = 44;

/** A RIFF/WAVE header for mono 8-bit mulaw at 8 kHz, for `container=wav`. */
export function mulawWavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(HEADER_BYTES - 8 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(WAVE_FORMAT_MULAW, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(TELEPHONY_SAMPLE_RATE_HZ, 24);
  header.writeUInt32LE(TELEPHONY_SAMPLE_RATE_HZ, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}
