import { join } from 'node:path';
import { describeServiceBoot } from '@va/service-kit/testing';
import { ttsService } from './tts.service';

describeServiceBoot(ttsService, join(__dirname, 'main.js'));
