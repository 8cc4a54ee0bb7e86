import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_INTERVAL_MS = 25;
const RECENT_LOG_LINES = 5;

export type LogLine = Readonly<Record<string, unknown>>;

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A service started as its own Node process, with its stdout read as JSON log lines. */
export class ServiceProcess {
  readonly logLines: LogLine[] = [];
  /** stdout lines that were not JSON objects (a JSON-lines service has none). */
  readonly nonJsonLines: string[] = [];
  #stderr = '';
  #exit: ProcessExit | undefined;
  readonly #exited: Promise<ProcessExit>;

  private constructor(private readonly child: ChildProcess) {
    this.#exited = once(child, 'exit').then(([code, signal]: unknown[]) => {
      this.#exit = { code: code as number | null, signal: signal as NodeJS.Signals | null };
      return this.#exit;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stderr += chunk;
    });
    if (child.stdout !== null) {
      createInterface({ input: child.stdout }).on('line', (line) => this.#record(line));
    }
  }

  /** Runs `node <entry>` with exactly `env` (nothing inherited from the test process). */
  static start(entry: string, env: Readonly<Record<string, string>>): ServiceProcess {
    const child = spawn(process.execPath, [entry], { env: { ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    return new ServiceProcess(child);
  }

  get stderr(): string {
    return this.#stderr;
  }

  get exit(): ProcessExit | undefined {
    return this.#exit;
  }

  /**
   * Polls `probe` until it returns a value; fails at once when the process exits first, and
   * after `timeoutMs` otherwise. A probe that throws counts as "not yet".
   */
  async waitUntil<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, description: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError = '';
    for (;;) {
      try {
        const value = await probe();
        if (value !== undefined) return value;
      } catch (error) {
        lastError = ` (last error: ${error instanceof Error ? error.message : String(error)})`;
      }
      if (this.#exit !== undefined) {
        throw new Error(`process exited (${JSON.stringify(this.#exit)}) before ${description}${this.#recentOutput()}`);
      }
      if (Date.now() >= deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${lastError}${this.#recentOutput()}`);
      }
      await sleep(POLL_INTERVAL_MS);
    }
  }

  async waitForLog(predicate: (line: LogLine) => boolean, timeoutMs: number, description: string): Promise<LogLine> {
    return this.waitUntil(() => this.logLines.find(predicate), timeoutMs, description);
  }

  async waitForMessage(msg: string, timeoutMs: number): Promise<LogLine> {
    return this.waitForLog((line) => line['msg'] === msg, timeoutMs, `log line "${msg}"`);
  }

  /** Resolves with the exit, or rejects when the process is still running after `timeoutMs`. */
  async exited(timeoutMs: number): Promise<ProcessExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`process still running after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.#exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Test cleanup: SIGKILL if still running, then wait for the exit. */
  async stop(): Promise<void> {
    if (this.#exit === undefined) this.child.kill('SIGKILL');
    await this.#exited;
  }

  /** The last log lines and stderr, for failure messages. */
  #recentOutput(): string {
    const lines = this.logLines.slice(-RECENT_LOG_LINES).map((line) => JSON.stringify(line));
    return `\nlast log lines:\n${lines.join('\n')}\nstderr:\n${this.#stderr}`;
  }

  #record(line: string): void {
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        this.logLines.push(parsed as LogLine);
        return;
      }
    } catch {
      // not JSON: recorded below
    }
    this.nonJsonLines.push(line);
  }
}
