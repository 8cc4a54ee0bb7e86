import 'reflect-metadata';
import { runService } from '@va/service-kit';
import { sttService } from './stt.service';

void runService(sttService);
