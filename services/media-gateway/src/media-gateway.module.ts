import { type DynamicModule, Module } from '@nestjs/common';

/**
 * The media-gateway service's own providers and controllers; none yet. What lands here:
 * Twilio webhooks and TwiML, the Media Streams socket of each live call, 20 ms playback pacing, marks/clear, DTMF and call control (issue: live voice path).
 */
@Module({})
export class MediaGatewayModule {
  static register(): DynamicModule {
    return { module: MediaGatewayModule, providers: [], controllers: [] };
  }
}
