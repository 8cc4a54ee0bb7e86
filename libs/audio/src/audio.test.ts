import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  concatAudio,
  decodeMulawSample,
  encodeMulawSample,
  EnergySpeechDetector,
  FRAME_BYTES,
  mulawLevelDbfs,
  mulawToPcm16,
  pcm16ToMulaw,
  readWavPcm16,
  resamplePcm16,
  silenceMulaw,
  SILENCE_FLOOR_DBFS,
  speechLikeMulaw,
  splitIntoFrames,
  writeWavPcm16,
  type SpeechEvent,
} from './index';

describe('mu-law codec', () => {
  it('matches G.711 reference points', () => {
    assert.equal(encodeMulawSample(0), 0xff);
    assert.equal(decodeMulawSample(0xff), 0);
    assert.equal(decodeMulawSample(0x7f), 0);
    assert.equal(decodeMulawSample(0x00), -32_124);
    assert.equal(decodeMulawSample(0x80), 32_124);
    assert.equal(encodeMulawSample(32_767), 0x80);
    assert.equal(encodeMulawSample(-32_768), 0x00);
  });

  it('round-trips every code exactly and PCM within the quantisation step', () => {
    for (let code = 0; code < 256; code += 1) {
      const decoded = decodeMulawSample(code);
      assert.equal(decodeMulawSample(encodeMulawSample(decoded)), decoded, `code ${code}`);
    }
    const pcm = Int16Array.from([0, 100, -100, 1_000, -1_000, 10_000, -10_000, 30_000]);
    const back = mulawToPcm16(pcm16ToMulaw(pcm));
    pcm.forEach((sample, index) => {
      const error = Math.abs((back[index] ?? 0) - sample);
      assert.ok(error <= Math.max(8, Math.abs(sample) * 0.07), `sample ${sample} came back as ${back[index]}`);
    });
  });
});

describe('framing and levels', () => {
  it('cuts 20 ms frames and pads the last with silence', () => {
    const frames = splitIntoFrames(new Uint8Array(350).fill(0x10));
    assert.deepEqual(frames.map((frame) => frame.length), [FRAME_BYTES, FRAME_BYTES, FRAME_BYTES]);
    assert.equal(frames[2]?.[29], 0x10);
    assert.equal(frames[2]?.[30], 0xff);
    assert.equal(concatAudio(frames).length, 480);
  });

  it('gives different seeds speech-like signals that share no 20 ms stretch', () => {
    const first = Buffer.from(speechLikeMulaw(2_000, 4));
    const second = Buffer.from(speechLikeMulaw(2_000, 5));
    for (let offset = 0; offset + FRAME_BYTES <= second.length; offset += FRAME_BYTES / 2) {
      assert.equal(first.indexOf(second.subarray(offset, offset + FRAME_BYTES)), -1, `window at ${offset} is unique`);
    }
  });

  it('tells silence from speech by level', () => {
    assert.equal(mulawLevelDbfs(silenceMulaw(100)), SILENCE_FLOOR_DBFS);
    const speech = mulawLevelDbfs(speechLikeMulaw(500));
    assert.ok(speech > -20 && speech < 0, `speech-like level ${speech} dBFS`);
  });
});

describe('energy speech detector', () => {
  const utterance = () => concatAudio([silenceMulaw(200), speechLikeMulaw(1_000), silenceMulaw(600)]);

  const run = (chunkBytes: number): SpeechEvent[] => {
    const detector = new EnergySpeechDetector({ thresholdDbfs: -45, onsetMs: 60, hangoverMs: 300 });
    const audio = utterance();
    const events: SpeechEvent[] = [];
    for (let offset = 0; offset < audio.length; offset += chunkBytes) events.push(...detector.push(audio.subarray(offset, offset + chunkBytes)));
    return events;
  };

  it('reports speech start after the onset and speech end after the hangover', () => {
    const events = run(FRAME_BYTES);
    assert.equal(events.length, 2);
    const [start, end] = events;
    assert.equal(start?.kind, 'speech-start');
    assert.equal(end?.kind, 'speech-end');
    if (start?.kind !== 'speech-start' || end?.kind !== 'speech-end') return;
    assert.ok(Math.abs(start.startedAtMs - 200) <= 40, `speech began at ${start.startedAtMs} ms`);
    assert.ok(Math.abs(start.atMs - 260) <= 40, `speech start reported at ${start.atMs} ms`);
    assert.ok(Math.abs(end.lastVoicedAtMs - 1_200) <= 40, `last voice at ${end.lastVoicedAtMs} ms`);
    assert.ok(Math.abs(end.atMs - 1_500) <= 40, `speech end reported at ${end.atMs} ms`);
  });

  it('gives the same events however the stream is chunked', () => {
    assert.deepEqual(run(37), run(FRAME_BYTES));
    assert.deepEqual(run(1_000), run(FRAME_BYTES));
  });
});

describe('WAV input and resampling', () => {
  it('reads 16-bit PCM from a WAV file, including the streaming size marker', () => {
    const samples = Int16Array.from([0, 1_000, -1_000, 32_000]);
    const wav = new Uint8Array(44 + samples.length * 2);
    const view = new DataView(wav.buffer);
    const write = (offset: number, text: string) => [...text].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
    write(0, 'RIFF');
    view.setUint32(4, 0xffffffff, true);
    write(8, 'WAVE');
    write(12, 'fmt ');
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true);
    view.setUint16(22, 1, true);
    view.setUint32(24, 22_050, true);
    view.setUint32(28, 44_100, true);
    view.setUint16(32, 2, true);
    view.setUint16(34, 16, true);
    write(36, 'data');
    view.setUint32(40, 0xffffffff, true);
    samples.forEach((sample, index) => view.setInt16(44 + index * 2, sample, true));
    const pcm = readWavPcm16(wav);
    assert.equal(pcm.sampleRateHz, 22_050);
    assert.deepEqual([...pcm.samples], [...samples]);
    assert.throws(() => readWavPcm16(new Uint8Array(20)), /RIFF/);
  });

  it('writes 16-bit PCM that reads back the same', () => {
    const samples = Int16Array.from([0, 1_000, -1_000, 32_000, -32_768]);
    const wav = writeWavPcm16({ sampleRateHz: 8_000, samples });
    assert.equal(wav.length, 44 + samples.length * 2);
    assert.equal(String.fromCharCode(...wav.subarray(0, 4)), 'RIFF');
    const pcm = readWavPcm16(wav);
    assert.equal(pcm.sampleRateHz, 8_000);
    assert.deepEqual([...pcm.samples], [...samples]);
  });

  it('resamples to the target rate, keeping a tone a tone', () => {
    const fromHz = 22_050;
    const tone = Int16Array.from({ length: fromHz }, (_, index) => Math.round(8_000 * Math.sin((2 * Math.PI * 300 * index) / fromHz)));
    const resampled = resamplePcm16(tone, fromHz, 8_000);
    assert.equal(resampled.length, 8_000);
    const level = mulawLevelDbfs(pcm16ToMulaw(resampled));
    assert.ok(level > -16 && level < -10, `300 Hz tone survives resampling (${level} dBFS)`);
  });
});
