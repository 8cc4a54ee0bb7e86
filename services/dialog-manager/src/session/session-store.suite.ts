import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startAgentTurn } from './agent-turn.update';
import { type CallSession } from './call-session';
import { SAMPLE_NOW_MS, freshSession, populatedSession } from './call-session.test-support';
import { enterStage, recordCallerUtterance } from './conversation.update';
import { hasProcessedSeq, markSeqProcessed } from './event-dedupe.update';
import { confirmSlot, proposeSlotValue } from './slots.update';
import {
  SessionAlreadyExistsError,
  SessionConflictError,
  SessionMalformedError,
  SessionNotFoundError,
  type SessionStoreError,
} from './session-store.errors';
import type { SessionStore } from './session.store';

/** One backend under test. */
export interface SessionStoreBackend {
  readonly store: SessionStore;
  /** Another store over the same storage, as a second dialog-manager instance has it. */
  readonly peer: SessionStore;
  /** The TTL both stores were built with. */
  readonly ttlMs: number;
  /** Lets time pass: an injected clock moves, or the test waits. */
  elapse(ms: number): Promise<void>;
  /** Writes a raw stored value, where the backend has one to corrupt. */
  readonly writeRawValue?: (callId: string, raw: string) => Promise<void>;
  close(): Promise<void>;
}

type ErrorClass = abstract new (...args: never[]) => SessionStoreError;

async function rejectsWith(work: Promise<unknown>, type: ErrorClass, fields: Record<string, unknown> = {}): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    assert.deepEqual(Object.fromEntries(Object.keys(fields).map((key) => [key, (error as unknown as Record<string, unknown>)[key]])), fields);
    return true;
  });
}

/**
 * The session store contract, the same for every backend: round trip, create-once, compare-and-set
 * between two instances, TTL restarted by saves, delete, and typed errors for unreadable values.
 */
export function runSessionStoreSuite(name: string, open: () => Promise<SessionStoreBackend>, options: { readonly holdsRawValues: boolean }): void {
  describe(`session store: ${name}`, () => {
    let backend: SessionStoreBackend;
    before(async () => {
      backend = await open();
    });
    after(() => backend.close());

    const newCallId = (): string => `call-${randomUUID()}`;

    it('loads what was created, as version 1, with every field intact', async () => {
      const session = populatedSession(newCallId());
      const created = await backend.store.create(session);
      const loaded = await backend.peer.load(session.callId);
      assert.equal(created.version, 1);
      assert.deepEqual(loaded, created);
      assert.deepEqual({ ...loaded, version: 0, updatedAtMs: SAMPLE_NOW_MS }, session);
    });

    it('loads nothing for an unknown call', async () => {
      assert.equal(await backend.store.load(newCallId()), undefined);
    });

    it('refuses to create a session twice and keeps the first', async () => {
      const first = await backend.store.create(enterStage(freshSession(newCallId()), 'CONSENT'));
      await rejectsWith(backend.peer.create(freshSession(first.callId)), SessionAlreadyExistsError, { code: 'already-exists', retryable: false });
      assert.equal((await backend.store.load(first.callId))?.stage, 'CONSENT');
    });

    it('saves at the expected version and bumps it', async () => {
      const created = await backend.store.create(freshSession(newCallId()));
      const saved = await backend.store.save(enterStage(created, 'CONSENT'), created.version);
      assert.equal(saved.version, 2);
      assert.deepEqual(await backend.peer.load(created.callId), saved);
    });

    it('lets the first of two instances that loaded the same version win; the second gets a conflict', async () => {
      const callId = newCallId();
      await backend.store.create(freshSession(callId));
      const [mine, theirs] = await Promise.all([backend.store.load(callId), backend.peer.load(callId)]);
      assert.ok(mine !== undefined && theirs !== undefined);

      await backend.store.save(enterStage(mine, 'VERIFY'), mine.version);
      const losing = proposeSlotValue(theirs, 'firstName', 'Test');
      await rejectsWith(backend.peer.save(losing, theirs.version), SessionConflictError, {
        code: 'conflict',
        retryable: true,
        expectedVersion: 1,
        actualVersion: 2,
      });

      const reloaded = await backend.peer.load(callId);
      assert.ok(reloaded !== undefined);
      assert.equal(reloaded.stage, 'VERIFY');
      assert.deepEqual(reloaded.slots, {});
      const retried = await backend.peer.save(proposeSlotValue(reloaded, 'firstName', 'Test'), reloaded.version);
      assert.equal(retried.version, 3);
      assert.equal(retried.stage, 'VERIFY');
      assert.equal(retried.slots.firstName?.value, 'Test');
    });

    it('accepts exactly one of two concurrent saves of the same version', async () => {
      const created = await backend.store.create(freshSession(newCallId()));
      const results = await Promise.allSettled([
        backend.store.save(enterStage(created, 'CONSENT'), created.version),
        backend.peer.save(enterStage(created, 'CLOSE'), created.version),
      ]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      assert.equal(won.length, 1);
      assert.equal(lost.length, 1);
      assert.ok(lost[0]?.reason instanceof SessionConflictError);
      assert.equal((await backend.store.load(created.callId))?.stage, won[0]?.value.stage);
    });

    it('deletes a session; saving it afterwards is not-found, deleting it again is fine', async () => {
      const created = await backend.store.create(freshSession(newCallId()));
      await backend.peer.delete(created.callId);
      assert.equal(await backend.store.load(created.callId), undefined);
      await rejectsWith(backend.store.save(created, created.version), SessionNotFoundError, { code: 'not-found', retryable: false });
      await backend.store.delete(created.callId);
    });

    it('expires a session a TTL after its last write', async () => {
      const created = await backend.store.create(freshSession(newCallId()));
      await backend.elapse(backend.ttlMs + 250);
      assert.equal(await backend.store.load(created.callId), undefined);
      await rejectsWith(backend.store.save(created, created.version), SessionNotFoundError);
      assert.equal((await backend.store.create(freshSession(created.callId))).version, 1);
    });

    it('restarts the TTL on every save', async () => {
      const created = await backend.store.create(freshSession(newCallId()));
      await backend.elapse(Math.round(backend.ttlMs * 0.6));
      const saved = await backend.store.save(enterStage(created, 'CONSENT'), created.version);
      await backend.elapse(Math.round(backend.ttlMs * 0.6));
      assert.deepEqual(await backend.peer.load(created.callId), saved);
    });

    it('lets an instance taking over skip an event the dead one already applied', async () => {
      const callId = newCallId();
      await backend.store.create(freshSession(callId));
      const applyTranscript = (session: CallSession, offset: string): CallSession =>
        markSeqProcessed(startAgentTurn(recordCallerUtterance(session, { turnId: 't1', text: 'yes' }), 't1'), 'call.transcript', offset);

      const seenByFirst = await backend.store.load(callId);
      assert.ok(seenByFirst !== undefined);
      await backend.store.save(applyTranscript(seenByFirst, '7'), seenByFirst.version);

      const seenBySecond = await backend.peer.load(callId);
      assert.ok(seenBySecond !== undefined);
      assert.equal(hasProcessedSeq(seenBySecond, 'call.transcript', '7'), true);
      assert.equal(hasProcessedSeq(seenBySecond, 'call.transcript', '8'), false);
      assert.equal(seenBySecond.counters.turn, 1);
      assert.equal(seenBySecond.history.length, 1);
    });

    it('keeps confirmed slots across a save and load', async () => {
      const created = await backend.store.create(freshSession(newCallId()));
      const saved = await backend.store.save(confirmSlot(proposeSlotValue(created, 'dateOfBirth', '1952-03-03'), 'dateOfBirth'), created.version);
      assert.deepEqual((await backend.peer.load(created.callId))?.slots, saved.slots);
      assert.equal(saved.slots.dateOfBirth?.confirmed, true);
    });

    // Only a backend whose stored bytes a test can corrupt has this case; the memory store holds only
    // values it encoded itself (session.codec.test covers decoding bad values).
    if (options.holdsRawValues) it('rejects an unreadable stored value with a typed error naming only the call', async () => {
      const { writeRawValue } = backend;
      assert.ok(writeRawValue, 'a backend holding raw values lets the test write one');
      const callId = newCallId();
      await writeRawValue(callId, 'not json {');
      await rejectsWith(backend.store.load(callId), SessionMalformedError, { code: 'malformed', callId });
      await rejectsWith(backend.store.save(freshSession(callId), 1), SessionMalformedError, { code: 'malformed' });
      await assert.rejects(backend.store.load(callId), (error: unknown) => error instanceof Error && !error.message.includes('not json'));

      const otherCallId = newCallId();
      await writeRawValue(otherCallId, JSON.stringify({ ...populatedSession(otherCallId), schemaVersion: 99 }));
      await rejectsWith(backend.store.load(otherCallId), SessionMalformedError, { problemPaths: ['schemaVersion'] });
      await backend.store.delete(callId);
      await backend.store.delete(otherCallId);
    });
  });
}
