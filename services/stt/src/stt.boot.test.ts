import { join } from 'node:path';
import { describeServiceBoot } from '@va/service-kit/testing';
import { sttService } from './stt.service';

describeServiceBoot(sttService, join(__dirname, 'main.js'));
