import { z } from 'zod';
import { ROLE_POLICY } from '../auth/role.policy';
import { type ApiRoute, API_ROUTES } from './api.routes';

type JsonObject = Record<string, unknown>;

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    fields: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
};

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Invalid input; `fields` names each invalid field',
  '401': 'Missing or unknown API key',
  '403': 'The caller’s role may not take this action',
  '404': 'Unknown id, or one outside the caller’s tenant or scope',
};

function schemaOf(schema: z.ZodType): JsonObject {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  return json;
}

function parametersOf(route: ApiRoute): JsonObject[] {
  const pathParams = (route.pathParams ?? []).map((param) => ({ name: param.name, in: 'path', required: true, description: param.description, schema: { type: 'string' } }));
  const query = route.query === undefined ? { properties: {}, required: [] } : (schemaOf(route.query) as { properties?: Record<string, unknown>; required?: string[] });
  const queryParams = Object.entries(query.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: (query.required ?? []).includes(name), schema }));
  const idempotency = route.method === 'post' ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Repeats with the same key return the first result', schema: { type: 'string', maxLength: 200 } }] : [];
  return [...pathParams, ...queryParams, ...idempotency];
}

function operationOf(route: ApiRoute): JsonObject {
  const errors = Object.fromEntries(
    Object.entries({ ...ERROR_RESPONSES, ...(route.method === 'post' ? { '409': 'The state does not allow it', '422': 'Idempotency-Key reused with a different request' } : {}) }).map(([status, description]) => [
      status,
      { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );
  const body =
    route.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: route.csvBody === true ? { type: 'array', maxItems: 5000, items: schemaOf(route.body) } : schemaOf(route.body) },
              ...(route.csvBody === true ? { 'text/csv': { schema: { type: 'string', description: 'A header row naming the JSON fields; coverageGaps separated by ";"' } } } : {}),
            },
          },
        };
  return {
    summary: route.summary,
    description: `Roles: ${ROLE_POLICY[route.action].join(', ')}.`,
    operationId: `${route.method}${route.path.replace(/[{}]/g, '').split('/').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')}`,
    security: [{ apiKey: [] }],
    parameters: parametersOf(route),
    ...body,
    responses: { [String(route.successStatus)]: { description: 'Success', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors },
  };
}

/** The OpenAPI 3.1 document of the broker API, built from the routes' own zod schemas. */
export function buildOpenApiDocument(): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method] = operationOf(route);
  return {
    openapi: '3.1.0',
    info: { title: 'Voice agent broker API', version: '1.0.0', description: 'Campaigns, calls, appointments, consents, do-not-call list and clients of one tenant.' },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <API key>' } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
