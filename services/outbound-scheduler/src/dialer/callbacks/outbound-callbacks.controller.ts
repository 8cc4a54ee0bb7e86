import { Body, Controller, ForbiddenException, BadRequestException, Header, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import { DialerRuntime } from '../dialer.runtime';
import type { CallbackStatus } from './outbound.callbacks';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

function answer(status: CallbackStatus): string {
  if (status === 403) throw new ForbiddenException('bad signature');
  if (status === 400) throw new BadRequestException('not a Twilio callback for one of our calls');
  return EMPTY_TWIML;
}

/** Twilio's call-progress and answering-machine callbacks for calls the dialer placed. */
@Controller('twilio')
export class OutboundCallbacksController {
  constructor(private readonly runtime: DialerRuntime) {}

  @Post('outbound-status')
  @HttpCode(200)
  @Header('content-type', 'text/xml')
  async status(
    @Req() request: { readonly originalUrl: string },
    @Headers('x-twilio-signature') signature: string | undefined,
    @Body() body: unknown,
    @Query('callId') callId: unknown,
  ): Promise<string> {
    return answer(await this.runtime.callbacks.status({ url: `${this.runtime.publicBaseUrl()}${request.originalUrl}`, signature, body, callId }));
  }

  @Post('outbound-amd')
  @HttpCode(200)
  @Header('content-type', 'text/xml')
  async answeringMachine(
    @Req() request: { readonly originalUrl: string },
    @Headers('x-twilio-signature') signature: string | undefined,
    @Body() body: unknown,
    @Query('callId') callId: unknown,
  ): Promise<string> {
    return answer(await this.runtime.callbacks.answeringMachine({ url: `${this.runtime.publicBaseUrl()}${request.originalUrl}`, signature, body, callId }));
  }
}
