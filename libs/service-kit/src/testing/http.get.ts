const REQUEST_TIMEOUT_MS = 3_000;

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** A GET that never reuses a connection, so a closing server is not kept open by the test. */
export async function httpGet(url: string): Promise<HttpAnswer> {
  const response = await fetch(url, {
    headers: { connection: 'close' },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

export async function httpGetJson(url: string): Promise<{ readonly status: number; readonly body: unknown }> {
  const answer = await httpGet(url);
  return { status: answer.status, body: JSON.parse(answer.text) as unknown };
}
