import 'reflect-metadata';
import { runService } from '@va/service-kit';
import { toolExecutorService } from './tool-executor.service';

void runService(toolExecutorService);
