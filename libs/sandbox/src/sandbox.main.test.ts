import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import OpenAI from 'openai';

describe('npm run sandbox (the standalone process)', () => {
  it('prints the base URLs as its first line, serves through the official SDKs, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(__dirname, 'sandbox.main.js'), '--latency=none'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const lines = createInterface({ input: child.stdout });
      const iterator = lines[Symbol.asyncIterator]();
      const first = await iterator.next();
      const urls = JSON.parse(String(first.value)) as Record<string, string>;
      assert.deepEqual(Object.keys(urls).sort(), ['deepgram', 'elevenlabs', 'openai', 'twilio']);
      const second = await iterator.next();
      const { credentials } = JSON.parse(String(second.value)) as { credentials: { openAiApiKey: string } };

      for (const [name, url] of Object.entries(urls)) {
        const origin = new URL(url).origin;
        const response = await fetch(`${origin}/__sandbox/faults`);
        assert.equal(response.status, 200, `${name} control endpoint`);
      }
      const openai = new OpenAI({ apiKey: credentials.openAiApiKey, baseURL: urls['openai'], maxRetries: 0 });
      const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello?' }] });
      assert.ok((completion.choices[0]?.message.content ?? '').length > 0);

      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses an unknown latency preset', async () => {
    const child = spawn(process.execPath, [join(__dirname, 'sandbox.main.js'), '--latency=fast'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 1);
    assert.match(stderr, /--latency must be realistic or none/);
  });
});
