import { join } from 'node:path';
import { testFieldKeyring } from '@va/data/testing';
import { describeServiceBoot } from '@va/service-kit/testing';
import { toolExecutorService } from './tool-executor.service';

describeServiceBoot(toolExecutorService, join(__dirname, 'main.js'), { serviceEnv: testFieldKeyring().env });
