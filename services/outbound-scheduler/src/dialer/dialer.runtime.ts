import type { AddressInfo } from 'node:net';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Bus } from '@va/bus';
import type { SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import { ProviderBreaker, breakerOptionsFromConfig } from '@va/resilience';
import { BUS, LOGGER, METRICS_REGISTRY, SERVICE_CONFIG, SQL_DATABASE } from '@va/service-kit';
import type { Registry } from 'prom-client';
import { AmdResultHandler } from './callbacks/amd-result.handler';
import { CallbackMetrics } from './callbacks/callback.metrics';
import { CallStatusRecorder } from './callbacks/call-status.recorder';
import { OutboundCallbacks } from './callbacks/outbound.callbacks';
import { TwilioSignatureVerifier } from './callbacks/twilio-signature.verifier';
import { CLOCK, type Clock } from '../clock';
import type { DialerConfig } from './dialer.config';
import { newDialerInstanceId } from './dialer.instance-id';
import { DIALER_POLICY } from './dialer.policy';
import { AttemptProcessor } from './loop/attempt.processor';
import { DialerLoop } from './loop/dialer.loop';
import { dialerUrls } from './loop/dialer.urls';
import { createStuckCallChecker } from './recovery/stuck-call-checker.factory';
import { TokenBucket } from './rules/token.bucket';
import { CallPlacer } from './telephony/call.placer';
import { TwilioOutboundTelephony } from './telephony/twilio.outbound-telephony';

/**
 * The dialer assembled from config: the loop (when Twilio and the media-gateway URL are
 * configured) and the callback endpoints' logic. Starts the loop once the app listens (the
 * callback URLs may be its listening address) and stops it on shutdown.
 */
@Injectable()
export class DialerRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  readonly callbacks: OutboundCallbacks;
  private readonly loop: DialerLoop | undefined;
  private readonly placer: CallPlacer | undefined;
  private readonly owner: string | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: DialerConfig,
    @Inject(SQL_DATABASE) db: SqlDatabase,
    @Inject(BUS) bus: Bus,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(CLOCK) clock: Clock,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, MEDIA_GATEWAY_PUBLIC_URL: gatewayUrl } = config;
    const telephony =
      accountSid === undefined || authToken === undefined
        ? undefined
        : new TwilioOutboundTelephony({ accountSid, authToken, apiBaseUrl: config.TWILIO_API_BASE_URL, requestTimeoutMs: DIALER_POLICY.placeCallBudgetMs });
    const unconfigured = () => Promise.reject(new Error('telephony not configured'));
    const hangUpless = { placeCall: unconfigured, hangUp: unconfigured, fetchCall: unconfigured };
    const recorder = new CallStatusRecorder(db, clock);
    this.callbacks = new OutboundCallbacks(
      new TwilioSignatureVerifier(authToken),
      recorder,
      new AmdResultHandler({ db, bus, clock, telephony: telephony ?? hangUpless, logger }),
      CallbackMetrics.of(registry),
    );
    if (telephony === undefined || gatewayUrl === undefined) return;
    this.owner = newDialerInstanceId();
    const owner = this.owner;
    this.placer = new CallPlacer(telephony, new ProviderBreaker('telephony', 'twilio', registry, breakerOptionsFromConfig(config)), DIALER_POLICY.placeCallBudgetMs);
    const processor = new AttemptProcessor({
      db,
      clock,
      owner,
      dialLeaseMs: Math.max(config.DIALER_LEASE_MS, DIALER_POLICY.placeCallBudgetMs + DIALER_POLICY.dialLeaseMarginMs),
      placer: this.placer,
      bucket: new TokenBucket(config.OUTBOUND_CALLS_PER_SECOND),
      urls: dialerUrls(gatewayUrl, () => this.publicBaseUrl()),
      logger,
    });
    const placer = this.placer;
    const stuckCalls = createStuckCallChecker({ db, clock, telephony, recorder, stuckMs: config.DIALER_STUCK_CALL_MS, logger });
    this.loop = new DialerLoop({ db, clock, owner, leaseMs: config.DIALER_LEASE_MS, pollIntervalMs: config.DIALER_POLL_INTERVAL_MS, processor, stuckCalls, canDial: () => placer.available, logger });
  }

  onApplicationBootstrap(): void {
    if (this.loop === undefined) {
      this.logger.warn('dialer not configured: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and MEDIA_GATEWAY_PUBLIC_URL are needed to place calls');
      return;
    }
    this.loop.start();
    this.logger.info('dialer started', { callsPerSecond: this.config.OUTBOUND_CALLS_PER_SECOND, leaseOwner: this.owner });
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
    this.placer?.shutdown();
  }

  /** PUBLIC_BASE_URL, else the address this instance listens on. */
  publicBaseUrl(): string {
    if (this.config.PUBLIC_BASE_URL !== undefined) return this.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
    const address = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo | null;
    return `http://127.0.0.1:${address?.port ?? 0}`;
  }
}
