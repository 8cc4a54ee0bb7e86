import { dialogManagerService } from '@va/dialog-manager';
import { mediaGatewayService } from '@va/media-gateway';
import { outboundSchedulerService } from '@va/outbound-scheduler';
import type { ServiceDefinition } from '@va/service-kit';
import { sttService } from '@va/stt';
import { toolExecutorService } from '@va/tool-executor';
import { ttsService } from '@va/tts';

/** Every service of the platform, in port order (HTTP_BASE_PORT + index). */
export const PLATFORM_SERVICES: readonly ServiceDefinition[] = Object.freeze([
  mediaGatewayService,
  sttService,
  dialogManagerService,
  ttsService,
  toolExecutorService,
  outboundSchedulerService,
]);
