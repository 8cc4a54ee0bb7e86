/** One thing a stand-in received: an HTTP request, or a WebSocket open, message or close. */
export interface LoggedRequest {
  readonly sequence: number;
  readonly atMs: number;
  readonly kind: 'http' | 'ws-open' | 'ws-message' | 'ws-close';
  readonly method?: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** Text bodies and JSON messages as text; binary audio as its byte count. */
  readonly body?: string;
  readonly binaryBytes?: number;
  /** Stand-in specific detail (for example the connection id of a WebSocket). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

const MAX_ENTRIES = 10_000;

/** The request log every stand-in keeps, for tests to assert on. Bounded; oldest dropped. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];
  private sequence = 0;
  private listeners: Array<(entry: LoggedRequest) => void> = [];

  record(entry: Omit<LoggedRequest, 'sequence' | 'atMs'>): LoggedRequest {
    this.sequence += 1;
    const logged: LoggedRequest = { ...entry, sequence: this.sequence, atMs: Date.now() };
    this.entries.push(logged);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    for (const listener of this.listeners) listener(logged);
    return logged;
  }

  all(): readonly LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries.length = 0;
  }

  /** Resolves with the first entry (already logged or coming) that matches. */
  waitFor(predicate: (entry: LoggedRequest) => boolean, timeoutMs = 10_000): Promise<LoggedRequest> {
    const found = this.entries.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((candidate) => candidate !== listener);
        reject(new Error(`no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (entry: LoggedRequest): void => {
        if (!predicate(entry)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((candidate) => candidate !== listener);
        resolve(entry);
      };
      this.listeners.push(listener);
    });
  }
}

const SECRET_HEADERS = new Set(['authorization', 'xi-api-key', 'sec-websocket-protocol', 'api-key', 'cookie']);

/** Headers as logged: lower-case names, credentials masked (tests see that they were sent). */
export function loggableHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    result[name.toLowerCase()] = SECRET_HEADERS.has(name.toLowerCase()) ? maskCredential(text) : text;
  }
  return result;
}

function maskCredential(value: string): string {
  const scheme = /^(Token|Bearer|Basic)\s/i.exec(value)?.[1];
  return scheme ? `${scheme} ***` : '***';
}
