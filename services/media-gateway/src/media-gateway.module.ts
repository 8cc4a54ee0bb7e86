import { type DynamicModule, Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@va/service-kit';
import { CallsRepository } from './calls/calls.repository';
import type { GatewayConfig } from './config/gateway.config';
import { GATEWAY_INSTANCE_ID, gatewayInstanceId } from './config/gateway-instance.id';
import { AgentAudioConsumer } from './consumers/agent-audio.consumer';
import { CallControlConsumer } from './consumers/call-control.consumer';
import { SpeechCancelConsumer } from './consumers/speech-cancel.consumer';
import { MediaDrainLifecycle } from './lifecycle/media-drain.lifecycle';
import { CallEventsPublisher } from './media/call-events.publisher';
import { LiveCallRegistry } from './media/live-call.registry';
import { LiveCallTerminator } from './media/live-call.terminator';
import { MediaSocketServer } from './media/media-socket.server';
import { StreamAdmission } from './media/stream.admission';
import { GatewayMetrics } from './metrics/gateway.metrics';
import { callSessionStoreProvider } from './sessions/call-session-store.provider';
import { callControlProvider } from './telephony/call-control.provider';
import { CallStatusRecorder } from './webhooks/call-status.recorder';
import { VoiceCallAnswerer } from './webhooks/inbound-call.answerer';
import { PublicUrls } from './webhooks/public.urls';
import { TwilioSignatureVerifier } from './webhooks/twilio-signature.verifier';
import { TwilioWebhookController } from './webhooks/twilio-webhook.controller';

/**
 * The media-gateway: Twilio webhooks and TwiML, the Media Streams socket of each live call,
 * 20 ms playback pacing with marks and clear, DTMF and call control, drain on shutdown.
 */
@Module({})
export class MediaGatewayModule {
  static register(): DynamicModule {
    return {
      module: MediaGatewayModule,
      controllers: [TwilioWebhookController],
      providers: [
        { provide: GATEWAY_INSTANCE_ID, inject: [SERVICE_CONFIG], useFactory: (config: GatewayConfig) => gatewayInstanceId(config.GATEWAY_INSTANCE_ID) },
        GatewayMetrics,
        callSessionStoreProvider,
        callControlProvider,
        CallsRepository,
        PublicUrls,
        TwilioSignatureVerifier,
        VoiceCallAnswerer,
        CallStatusRecorder,
        CallEventsPublisher,
        LiveCallRegistry,
        LiveCallTerminator,
        StreamAdmission,
        MediaSocketServer,
        AgentAudioConsumer,
        SpeechCancelConsumer,
        CallControlConsumer,
        MediaDrainLifecycle,
      ],
    };
  }
}
