import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { assertConfigRejected, describeServiceBoot, distributedServiceEnv, ServiceProcess } from '@va/service-kit/testing';
import { uniqueTopicPrefix } from '@va/testing';
import { ttsService } from './tts.service';

const entry = join(__dirname, 'main.js');

describeServiceBoot(ttsService, entry);

describe('tts configuration', () => {
  const started: ServiceProcess[] = [];
  after(() => Promise.all(started.map((child) => child.stop())));

  for (const [variable, value] of [
    ['TTS_FIRST_AUDIO_BUDGET_MS', 'soon'],
    ['ELEVENLABS_BASE_URL', 'api.elevenlabs.io'],
    ['DEEPGRAM_BASE_URL', 'ftp://api.deepgram.com'],
  ] as const) {
    it(`exits 1 naming ${variable} when it is malformed`, async () => {
      const child = ServiceProcess.start(entry, { ...distributedServiceEnv(ttsService, uniqueTopicPrefix('tts-config')), [variable]: value });
      started.push(child);
      await assertConfigRejected(child, variable);
    });
  }
});
