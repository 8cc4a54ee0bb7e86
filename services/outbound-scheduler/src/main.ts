import 'reflect-metadata';
import { runService } from '@va/service-kit';
import { outboundSchedulerService } from './outbound-scheduler.service';

void runService(outboundSchedulerService);
