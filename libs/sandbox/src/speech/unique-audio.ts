import { randomBytes } from 'node:crypto';

let copies = 0;
const processSalt = randomBytes(4).readUInt32LE(0);

/**
 * A copy of mu-law `audio` that no other copy in any process shares 20 ms of: the least
 * significant bit of each code is flipped or not by a generator seeded from a per-process salt
 * and a counter. One quantisation step, inaudible; it keeps the side-channel registries
 * (which find utterances by their bytes) from confusing two registrations of the same text.
 */
export function makeUnique(audio: Uint8Array): Uint8Array {
  copies += 1;
  const random = mulberry32((processSalt ^ Math.imul(copies, 0x9e3779b1)) >>> 0);
  const copy = Uint8Array.from(audio);
  for (let index = 0; index < copy.length; index += 1) {
    if (random() < 0.5) copy[index] = (copy[index] ?? 0) ^ 0x01;
  }
  return copy;
}

/** A small fast seeded generator (mulberry32) returning values in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
