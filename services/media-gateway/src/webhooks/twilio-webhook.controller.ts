import { BadRequestException, Body, Controller, ForbiddenException, Header, Headers, HttpCode, Post, Query, Req, ServiceUnavailableException } from '@nestjs/common';
import { CallStatusRecorder } from './call-status.recorder';
import { VoiceCallAnswerer } from './inbound-call.answerer';
import { PublicUrls } from './public.urls';
import { type SignedParams, TwilioSignatureVerifier } from './twilio-signature.verifier';
import { callIdQuerySchema, type VoiceWebhookParams, voiceWebhookSchema } from './voice-webhook.params';
import { VoiceTwiml } from './voice.twiml';

/** Only flat string fields (and repeated keys) can be signed by Twilio; anything nested is dropped. */
function formParams(body: unknown): SignedParams {
  if (typeof body !== 'object' || body === null) return {};
  const entries = Object.entries(body as Record<string, unknown>).filter(
    (entry): entry is [string, string | string[]] => typeof entry[1] === 'string' || (Array.isArray(entry[1]) && entry[1].every((item) => typeof item === 'string')),
  );
  return Object.fromEntries(entries);
}

/** Twilio's voice and status webhooks (form POSTs, X-Twilio-Signature checked, TwiML answers). */
@Controller('twilio')
export class TwilioWebhookController {
  constructor(
    private readonly verifier: TwilioSignatureVerifier,
    private readonly urls: PublicUrls,
    private readonly answerer: VoiceCallAnswerer,
    private readonly statuses: CallStatusRecorder,
  ) {}

  @Post('voice')
  @HttpCode(200)
  @Header('content-type', 'text/xml')
  async voice(
    @Req() request: { readonly originalUrl: string },
    @Headers('x-twilio-signature') signature: string | undefined,
    @Body() body: unknown,
    @Query('callId') callId: unknown,
  ): Promise<string> {
    const params = this.verified(request.originalUrl, signature, body);
    return this.answerer.answer(params, this.callIdOf(callId));
  }

  @Post('status')
  @HttpCode(200)
  @Header('content-type', 'text/xml')
  async status(
    @Req() request: { readonly originalUrl: string },
    @Headers('x-twilio-signature') signature: string | undefined,
    @Body() body: unknown,
    @Query('callId') callId: unknown,
  ): Promise<string> {
    const params = this.verified(request.originalUrl, signature, body);
    await this.statuses.record(params, this.callIdOf(callId));
    return VoiceTwiml.empty();
  }

  private verified(originalUrl: string, signature: string | undefined, body: unknown): VoiceWebhookParams {
    if (!this.verifier.configured) throw new ServiceUnavailableException('telephony not configured');
    const signed = formParams(body);
    if (!this.verifier.verify(`${this.urls.httpBase()}${originalUrl}`, signature, signed)) throw new ForbiddenException('bad signature');
    const parsed = voiceWebhookSchema.safeParse(signed);
    if (!parsed.success) throw new BadRequestException('not a Twilio voice webhook');
    return parsed.data;
  }

  private callIdOf(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    const parsed = callIdQuerySchema.safeParse(value);
    if (!parsed.success) throw new BadRequestException('bad callId');
    return parsed.data;
  }
}
