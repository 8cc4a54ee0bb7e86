import type { z } from 'zod';
import { listAppointmentsQuerySchema } from '../appointments/appointment.queries';
import { listAuditQuerySchema } from '../audit/audit-log.queries';
import type { ApiAction } from '../auth/role.policy';
import { listCallsQuerySchema } from '../calls/call.schemas';
import { createCampaignSchema, listCampaignsQuerySchema } from '../campaigns/campaign.schemas';
import { clientInputSchema, listClientsQuerySchema } from '../clients/client.schemas';
import { listConsentsQuerySchema } from '../consents/consent.queries';
import { addDncSchema, listDncQuerySchema } from '../dnc/dnc.schemas';

/** One operation of the API as the OpenAPI document describes it. */
export interface ApiRoute {
  readonly method: 'get' | 'post' | 'delete';
  /** OpenAPI path template ({id}). */
  readonly path: string;
  readonly summary: string;
  /** The role-policy action; its roles are listed in the description. */
  readonly action: ApiAction;
  readonly body?: z.ZodType;
  /** Extra body media types beyond application/json (the import takes CSV too). */
  readonly csvBody?: boolean;
  readonly query?: z.ZodType;
  readonly pathParams?: readonly { readonly name: string; readonly description: string }[];
  readonly successStatus: 200 | 201;
}

const ID = [{ name: 'id', description: 'UUID of the resource' }];

/** Every route of the broker API; the controllers implement exactly these (a test checks it). */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'post', path: '/v1/campaigns', summary: 'Create a draft campaign and its first attempts', action: 'manageCampaigns', body: createCampaignSchema, successStatus: 201 },
  { method: 'get', path: '/v1/campaigns', summary: 'List campaigns', action: 'readCampaigns', query: listCampaignsQuerySchema, successStatus: 200 },
  { method: 'get', path: '/v1/campaigns/{id}', summary: 'Read a campaign', action: 'readCampaigns', pathParams: ID, successStatus: 200 },
  { method: 'get', path: '/v1/campaigns/{id}/progress', summary: 'Attempts by status and outcome, consents, bookings, opt-outs', action: 'readCampaigns', pathParams: ID, successStatus: 200 },
  { method: 'post', path: '/v1/campaigns/{id}/start', summary: 'Start a draft campaign', action: 'manageCampaigns', pathParams: ID, successStatus: 200 },
  { method: 'post', path: '/v1/campaigns/{id}/pause', summary: 'Pause a running campaign', action: 'manageCampaigns', pathParams: ID, successStatus: 200 },
  { method: 'post', path: '/v1/campaigns/{id}/resume', summary: 'Resume a paused campaign', action: 'manageCampaigns', pathParams: ID, successStatus: 200 },
  { method: 'post', path: '/v1/campaigns/{id}/cancel', summary: 'Cancel a campaign; its pending attempts are skipped', action: 'manageCampaigns', pathParams: ID, successStatus: 200 },
  { method: 'get', path: '/v1/calls', summary: 'List calls', action: 'readCalls', query: listCallsQuerySchema, successStatus: 200 },
  { method: 'get', path: '/v1/calls/{id}', summary: 'Read a call with its transcript (redacted for auditors)', action: 'readCalls', pathParams: [{ name: 'id', description: 'call id' }], successStatus: 200 },
  { method: 'get', path: '/v1/appointments', summary: 'List appointments', action: 'readAppointments', query: listAppointmentsQuerySchema, successStatus: 200 },
  { method: 'get', path: '/v1/appointments/{id}', summary: 'Read an appointment', action: 'readAppointments', pathParams: ID, successStatus: 200 },
  { method: 'get', path: '/v1/consents', summary: 'List consents', action: 'readConsents', query: listConsentsQuerySchema, successStatus: 200 },
  { method: 'post', path: '/v1/dnc', summary: 'Add a number to the do-not-call list', action: 'addDnc', body: addDncSchema, successStatus: 201 },
  { method: 'get', path: '/v1/dnc', summary: 'List the do-not-call list', action: 'readDnc', query: listDncQuerySchema, successStatus: 200 },
  { method: 'delete', path: '/v1/dnc/{phone}', summary: 'Remove a number from the do-not-call list', action: 'removeDnc', pathParams: [{ name: 'phone', description: 'E.164 number, + encoded as %2B' }], successStatus: 200 },
  { method: 'post', path: '/v1/clients', summary: 'Create a client', action: 'manageClients', body: clientInputSchema, successStatus: 201 },
  { method: 'post', path: '/v1/clients/import', summary: 'Import up to 5 000 clients from CSV or a JSON array, with per-row errors', action: 'manageClients', body: clientInputSchema, csvBody: true, successStatus: 200 },
  { method: 'get', path: '/v1/clients', summary: 'List clients (never date of birth or member ID)', action: 'readClients', query: listClientsQuerySchema, successStatus: 200 },
  { method: 'get', path: '/v1/clients/{id}', summary: 'Read a client', action: 'readClients', pathParams: ID, successStatus: 200 },
  { method: 'get', path: '/v1/audit-log', summary: "Read the tenant's audit log", action: 'readAuditLog', query: listAuditQuerySchema, successStatus: 200 },
];
