import 'reflect-metadata';
import { runService } from '@va/service-kit';
import { ttsService } from './tts.service';

void runService(ttsService);
