import { join } from 'node:path';
import { testFieldKeyring } from '@va/data/testing';
import { describeServiceBoot } from '@va/service-kit/testing';
import { outboundSchedulerService } from './outbound-scheduler.service';

describeServiceBoot(outboundSchedulerService, join(__dirname, 'main.js'), { serviceEnv: testFieldKeyring().env });
