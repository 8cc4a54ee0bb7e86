import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { createKafkaBus, type KafkaBus } from '@va/bus';
import { createPostgresDatabase, migrate, type FieldCipher, type SqlDatabase, type SqlSession } from '@va/data';
import { testFieldKeyring } from '@va/data/testing';
import { createLogger } from '@va/observability';
import { startSandbox, type Sandbox, type SandboxOptions } from '@va/sandbox';
import { deleteTopicsWithPrefix, ServiceProcess, waitUntilReady } from '@va/service-kit/testing';
import { createTestDatabase, freePort, testInfra, uniqueTopicPrefix, type TestDatabase } from '@va/testing';

/** The compiled entry of a service package. */
type VoiceService = 'media-gateway' | 'stt' | 'tts' | 'dialog-manager' | 'tool-executor';

function entryOf(service: VoiceService): string {
  return join(dirname(require.resolve(`@va/${service}/package.json`)), 'dist', 'main.js');
}

export interface VoiceStackOptions {
  readonly label: string;
  /** Media-gateway replicas; each gets its own incoming number. */
  readonly gateways?: number;
  /** stt replicas (one consumer group: a call's audio goes to one of them). */
  readonly stt?: number;
  readonly sandbox?: SandboxOptions;
  /** Extra variables for every service process (budgets, log level). */
  readonly env?: Readonly<Record<string, string>>;
  /** Also run the dialog-manager and the tool-executor (instead of a test standing in for them). */
  readonly dialog?: boolean;
  /** dialog-manager replicas when `dialog` is on (sessions in Redis: any of them can carry a call on). */
  readonly dialogReplicas?: number;
  /** The dialog-manager's LLM is the OpenAI stand-in (its script and faults are the test's); off: no LLM at all. */
  readonly llm?: boolean;
  /** The tenant's kind (its flows): a clinic unless said otherwise. */
  readonly tenantKind?: 'clinic' | 'brokerage';
  /** More rows for the tenant (as the owner), e.g. its knowledge base; `cipher` seals what the tool-executor opens. */
  readonly seed?: (session: SqlSession, tenantId: string, cipher: FieldCipher) => Promise<void>;
}

export interface GatewayInstance {
  readonly instanceId: string;
  readonly baseUrl: string;
  /** The number that rings this replica. */
  readonly phoneNumber: string;
  readonly process: ServiceProcess;
}

/**
 * The live voice path as it runs in production, on the test machine: the sandbox as the
 * vendors and the phone network, real Kafka, Postgres and Redis, and media-gateway (one or more
 * replicas), stt and tts as separate service processes. A tenant owns one incoming number per
 * gateway replica. The caller of `start` plays the dialog-manager on `bus`.
 */
export class VoiceStack {
  readonly topicPrefix: string;
  readonly gateways: GatewayInstance[] = [];
  /** The stt replicas, with the base URL of each one's HTTP endpoints. */
  readonly stt: { readonly baseUrl: string; readonly process: ServiceProcess }[] = [];
  readonly dialogManagers: ServiceProcess[] = [];
  readonly processes: ServiceProcess[] = [];
  readonly tenantId = randomUUID();
  /** The field keyring the tool-executor runs with. */
  readonly keyring = testFieldKeyring();
  sandbox!: Sandbox;
  bus!: KafkaBus;
  private testDatabase: TestDatabase | undefined;
  private db: SqlDatabase | undefined;

  constructor(private readonly options: VoiceStackOptions) {
    this.topicPrefix = uniqueTopicPrefix(options.label);
  }

  async start(): Promise<void> {
    this.sandbox = await startSandbox(this.options.sandbox ?? { latency: 'none' });
    const database = await createTestDatabase(`voice_${this.options.label}`);
    this.testDatabase = database;
    this.db = createPostgresDatabase({ connectionString: database.url, max: 2 });
    await migrate(this.db);
    const gatewayCount = this.options.gateways ?? 1;
    const numbers = Array.from({ length: gatewayCount }, (_, index) => `+1555088${String(index).padStart(4, '0')}`);
    await this.db.asOwner(async (session) => {
      const kind = this.options.tenantKind ?? 'clinic';
      await session.query(`INSERT INTO tenants (id, name, kind, time_zone) VALUES ($1, $2, $3, 'America/Chicago')`, [this.tenantId, kind === 'clinic' ? 'Voice path clinic' : 'Bright Insurance', kind]);
      for (const number of numbers) {
        await session.query(`INSERT INTO tenant_phone_numbers (e164, tenant_id, purpose) VALUES ($1, $2, 'both')`, [number, this.tenantId]);
      }
      await this.options.seed?.(session, this.tenantId, this.keyring.cipher);
    });
    this.bus = createKafkaBus({ logger: createLogger({ service: 'voice-stack', level: 'error' }), brokers: testInfra.kafkaBrokers, clientId: 'voice-stack', topicPrefix: this.topicPrefix });
    await this.bus.ensureTopics();

    const starting: Promise<void>[] = [this.startService('tts', {})];
    for (let index = 0; index < (this.options.stt ?? 1); index += 1) starting.push(this.startService('stt', {}));
    if (this.options.dialog === true) {
      const stores = { DATABASE_URL: database.url, REDIS_URL: testInfra.redisUrl };
      for (let index = 0; index < (this.options.dialogReplicas ?? 1); index += 1) starting.push(this.startService('dialog-manager', stores));
      starting.push(this.startService('tool-executor', { ...stores, ...this.keyring.env }));
    }
    for (const phoneNumber of numbers) starting.push(this.startGateway(phoneNumber));
    await Promise.all(starting);
  }

  /** The stack's database (for tests to check what the services wrote). */
  get database(): SqlDatabase {
    if (this.db === undefined) throw new Error('the voice stack is not started');
    return this.db;
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((child) => child.stop()));
    await this.bus?.close();
    await this.sandbox?.close();
    await this.db?.close();
    await this.testDatabase?.drop();
    await deleteTopicsWithPrefix(this.topicPrefix);
  }

  /** The variables every service process shares: infrastructure and the sandbox as the vendors. */
  private commonEnv(): Record<string, string> {
    const { credentials } = this.sandbox;
    return {
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: '5000',
      KAFKA_BROKERS: testInfra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      DEEPGRAM_API_KEY: credentials.deepgramApiKey,
      DEEPGRAM_BASE_URL: this.sandbox.deepgram.url,
      DEEPGRAM_WS_URL: this.sandbox.deepgram.wsUrl,
      OPENAI_API_KEY: credentials.openAiApiKey,
      OPENAI_BASE_URL: this.sandbox.openai.url,
      ELEVENLABS_API_KEY: credentials.elevenLabsApiKey,
      ELEVENLABS_BASE_URL: this.sandbox.elevenlabs.url,
      ...this.options.env,
    };
  }

  private async startService(service: Exclude<VoiceService, 'media-gateway'>, env: Record<string, string>): Promise<void> {
    const port = await freePort();
    const common = this.commonEnv();
    // Without `llm` the dialog-manager has no model configured: every turn is the flow engine's.
    if (service === 'dialog-manager' && this.options.llm !== true) delete common['OPENAI_API_KEY'];
    const child = ServiceProcess.start(entryOf(service), { ...common, HTTP_PORT: String(port), ...env });
    this.processes.push(child);
    const baseUrl = `http://127.0.0.1:${port}`;
    if (service === 'stt') this.stt.push({ baseUrl, process: child });
    if (service === 'dialog-manager') this.dialogManagers.push(child);
    await waitUntilReady(child, baseUrl);
  }

  private async startGateway(phoneNumber: string): Promise<void> {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const instanceId = `gw-${this.gateways.length + 1}-${randomUUID().slice(0, 6)}`;
    const { credentials } = this.sandbox;
    const child = ServiceProcess.start(entryOf('media-gateway'), {
      ...this.commonEnv(),
      HTTP_PORT: String(port),
      DATABASE_URL: this.testDatabase?.url ?? '',
      REDIS_URL: testInfra.redisUrl,
      PUBLIC_BASE_URL: baseUrl,
      GATEWAY_INSTANCE_ID: instanceId,
      TWILIO_ACCOUNT_SID: credentials.twilioAccountSid,
      TWILIO_AUTH_TOKEN: credentials.twilioAuthToken,
      TWILIO_API_BASE_URL: this.sandbox.twilio.url,
    });
    this.processes.push(child);
    this.gateways.push({ instanceId, baseUrl, phoneNumber, process: child });
    await waitUntilReady(child, baseUrl);
    this.sandbox.twilio.addIncomingNumber(phoneNumber, { voiceUrl: `${baseUrl}/twilio/voice`, statusCallback: `${baseUrl}/twilio/status` });
  }
}

