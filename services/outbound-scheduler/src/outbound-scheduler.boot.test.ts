import { join } from 'node:path';
import { describeServiceBoot } from '@va/service-kit/testing';
import { outboundSchedulerService } from './outbound-scheduler.service';

describeServiceBoot(outboundSchedulerService, join(__dirname, 'main.js'));
