import type { FactoryProvider } from '@nestjs/common';
import type { Logger } from '@va/observability';
import { LOGGER, SERVICE_CONFIG } from '@va/service-kit';
import type { GatewayConfig } from '../config/gateway.config';
import { CALL_CONTROL, type CallControlPort } from './call-control.port';
import { TwilioCallControl, UnavailableCallControl } from './twilio.call-control';

export const callControlProvider: FactoryProvider<CallControlPort> = {
  provide: CALL_CONTROL,
  inject: [SERVICE_CONFIG, LOGGER],
  useFactory: (config: GatewayConfig, logger: Logger): CallControlPort => {
    const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken } = config;
    if (accountSid !== undefined && authToken !== undefined) return new TwilioCallControl({ accountSid, authToken, apiBaseUrl: config.TWILIO_API_BASE_URL });
    if (authToken === undefined) logger.warn('telephony not configured: TWILIO_AUTH_TOKEN is unset, the voice webhooks answer 503');
    else logger.warn('call control not configured: TWILIO_ACCOUNT_SID is unset, hang-up and transfer requests fail');
    return new UnavailableCallControl();
  },
};
