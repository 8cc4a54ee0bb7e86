export { outboundSchedulerService } from './outbound-scheduler.service';
export { OutboundSchedulerModule } from './outbound-scheduler.module';
