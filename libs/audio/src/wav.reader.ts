/** 16-bit PCM from a RIFF/WAVE file (what espeak-ng --stdout writes), mixed down to mono. */
export interface PcmAudio {
  readonly sampleRateHz: number;
  readonly samples: Int16Array;
}

export function readWavPcm16(bytes: Uint8Array): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let offset = 12;
  let channels = 0;
  let sampleRateHz = 0;
  let bitsPerSample = 0;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    // espeak-ng writes 0xFFFFFFFF sizes when streaming to stdout: the data runs to the end.
    const declared = view.getUint32(offset + 4, true);
    const bodyStart = offset + 8;
    const size = Math.min(declared, bytes.length - bodyStart);
    if (id === 'fmt ') {
      const format = view.getUint16(bodyStart, true);
      channels = view.getUint16(bodyStart + 2, true);
      sampleRateHz = view.getUint32(bodyStart + 4, true);
      bitsPerSample = view.getUint16(bodyStart + 14, true);
      if (format !== 1 || bitsPerSample !== 16) throw new Error(`unsupported WAV format ${format}/${bitsPerSample} bits`);
    } else if (id === 'data') {
      if (channels === 0) throw new Error('WAV data before its fmt chunk');
      const frames = Math.floor(size / (2 * channels));
      const samples = new Int16Array(frames);
      for (let frame = 0; frame < frames; frame += 1) {
        let sum = 0;
        for (let channel = 0; channel < channels; channel += 1) sum += view.getInt16(bodyStart + (frame * channels + channel) * 2, true);
        samples[frame] = Math.round(sum / channels);
      }
      return { sampleRateHz, samples };
    }
    offset = bodyStart + size + (size % 2);
  }
  throw new Error('WAV file without a data chunk');
}
