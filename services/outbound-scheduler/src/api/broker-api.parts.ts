import type { Provider, Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { fieldCipherFromConfig, fieldKeyringShape, type FieldKeyringVariables } from '@va/data';
import { SERVICE_CONFIG } from '@va/service-kit';
import { AppointmentsController } from './appointments/appointments.controller';
import { AuditLogController } from './audit/audit-log.controller';
import { ApiKeyGuard } from './auth/api-key.guard';
import { API_FIELD_CIPHER } from './broker-api.tokens';
import { CallsController } from './calls/calls.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { ClientsController } from './clients/clients.controller';
import { ConsentsController } from './consents/consents.controller';
import { MAX_IMPORT_BODY_BYTES } from './clients/client.schemas';
import { DncController } from './dnc/dnc.controller';
import { ApiErrorFilter } from './http/api-error.filter';
import { TenantWork } from './idempotency/tenant.work';
import { OpenApiController } from './openapi/openapi.controller';

/** The broker REST API's Nest parts and config; the service module lists them. */
export const brokerApiProviders: Provider[] = [
  TenantWork,
  ApiKeyGuard,
  { provide: APP_FILTER, useClass: ApiErrorFilter },
  { provide: API_FIELD_CIPHER, useFactory: (config: FieldKeyringVariables) => fieldCipherFromConfig(config), inject: [SERVICE_CONFIG] },
];

export const brokerApiControllers: Type[] = [
  CampaignsController,
  CallsController,
  AppointmentsController,
  ConsentsController,
  DncController,
  ClientsController,
  AuditLogController,
  OpenApiController,
];

/** Clients' dates of birth and member IDs are sealed under the field keyring. */
export const brokerApiConfigShape = { ...fieldKeyringShape };

/** The service's JSON body limit (ServiceDefinition.jsonBodyLimitBytes): a 5 000-row JSON client import fits. */
export const BROKER_API_JSON_BODY_LIMIT_BYTES = MAX_IMPORT_BODY_BYTES;
