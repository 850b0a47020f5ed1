import * as z from 'zod';
import { API_CONTRACT, TAGS, type Body, type RouteContract } from './api-contract.js';
import { meSchema, roleSchema, sessionAnswer, userSchema } from './schemas/auth.js';
import { problemSchema } from './schemas/common.js';
import { dashboardSchema } from './schemas/dashboard.js';
import { drawSnapshotSchema } from './schemas/draw-snapshot.js';
import { childSchema, householdAnswer } from './schemas/household.js';
import { catalogOfferSchema, offerDetailSchema, sessionSchema, unitSchema } from './schemas/offer.js';
import {
  drawReportAnswer,
  fairnessReportSchema,
  familyResultSchema,
  programmeDetailSchema,
  programmeSchema,
  unitCutoffSchema,
  wishesAnswer,
} from './schemas/programme.js';
import { participantSchema, providerOfferSchema } from './schemas/provider.js';
import { municipalitySchema, providerSchema, regionSchema } from './schemas/region.js';
import { familyExportSchema, familyRegistrationSchema, openingNoticeSchema, registrationSchema } from './schemas/registration.js';

/**
 * The answers' shapes that get a name in `components.schemas`: each is written once and referred
 * to by `$ref` wherever an answer holds it. Request bodies stay inline, as a client sends them
 * (defaults optional), which differs from what the server answers.
 */
const COMPONENTS = {
  Problem: problemSchema,
  Role: roleSchema,
  User: userSchema,
  Me: meSchema,
  Session: sessionAnswer,
  Region: regionSchema,
  Municipality: municipalitySchema,
  Provider: providerSchema,
  OfferSession: sessionSchema,
  Unit: unitSchema,
  CatalogOffer: catalogOfferSchema,
  OfferDetail: offerDetailSchema,
  ProviderOffer: providerOfferSchema,
  Child: childSchema,
  Household: householdAnswer,
  Registration: registrationSchema,
  FamilyRegistration: familyRegistrationSchema,
  FamilyExport: familyExportSchema,
  OpeningNotice: openingNoticeSchema,
  Participant: participantSchema,
  Dashboard: dashboardSchema,
  Programme: programmeSchema,
  ProgrammeDetail: programmeDetailSchema,
  FairnessReport: fairnessReportSchema,
  UnitCutoff: unitCutoffSchema,
  DrawReport: drawReportAnswer,
  Wishes: wishesAnswer,
  FamilyResult: familyResultSchema,
  DrawSnapshot: drawSnapshotSchema,
} satisfies Record<string, z.ZodType>;

type JsonSchema = Record<string, unknown>;
const COMPONENT_URI = (name: string) => `#/components/schemas/${name}`;
const PROBLEM_JSON = 'application/problem+json';

/**
 * Converts many schemas in one pass of zod's own converter, so that a named component inside any
 * of them becomes a `$ref`. The others get throw-away ids (`~0`, `~1`) and are taken out again.
 */
function convert(schemas: z.ZodType[], io: 'input' | 'output', components: Record<string, z.ZodType>) {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(components)) registry.add(schema, { id: name });
  schemas.forEach((schema, i) => {
    if (!registry.has(schema)) registry.add(schema, { id: `~${i}` });
  });
  const { schemas: out } = z.toJSONSchema(registry, { target: 'draft-2020-12', io, uri: COMPONENT_URI, unrepresentable: 'any' });
  const strip = ({ $schema: _, $id: __, ...rest }: JsonSchema) => rest;
  const named = Object.fromEntries(Object.keys(components).map((name) => [name, strip(out[name] as JsonSchema)]));
  const one = (schema: z.ZodType, i: number) => {
    const name = registry.get(schema)?.id ?? `~${i}`;
    return name in components ? { $ref: COMPONENT_URI(name) } : strip(out[name] as JsonSchema);
  };
  return { named, one: (i: number) => one(schemas[i] as z.ZodType, i) };
}

/** A path in OpenAPI's form: `/api/offers/{offerId}`. */
export const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)/g, '{$1}');

const problemAnswer = (description: string) => ({ description, content: { [PROBLEM_JSON]: { schema: { $ref: COMPONENT_URI('Problem') } } } });

/** The header a public read revalidates with; see `publicRead` in shared/api-contract.ts. */
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'ETag einer früheren Antwort; gleich → 304 / the ETag of an earlier answer; unchanged → 304',
  schema: { type: 'string' },
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Ungültige Eingabe / invalid input',
  401: 'Nicht angemeldet / not signed in',
  403: 'Keine Berechtigung / not allowed',
  404: 'Nicht gefunden / not found',
  409: 'Konflikt mit dem aktuellen Zustand / conflict with the current state',
  413: 'Anfrage zu groß / request too large',
  422: 'Fachlich nicht möglich / not possible',
  503: 'Nicht verfügbar / unavailable',
};

const audienceText = (audience: RouteContract['audience']) =>
  audience === 'anyone' ? 'alle / anyone' : audience === 'signed-in' ? 'angemeldet / signed in' : `Rollen / roles: ${audience.join(', ')}`;

/**
 * The OpenAPI 3.1 document of the published API (the local-only dev routes left out unless asked for), built from
 * the route contract and the zod schemas the routes validate with. Built at build time
 * (web/vite.config.ts), served as a static file; nothing of it runs in the API Lambda.
 */
export function openApiDocument({ withLocalOnly = false } = {}) {
  // The local-only routes only for the tests, which hold the local server's answers to the document too.
  const routes = API_CONTRACT.filter((r) => withLocalOnly || !r.localOnly);
  // Every schema a route names, in one list per direction, so components are shared by $ref.
  const requestSchemas: z.ZodType[] = [];
  const responseSchemas: z.ZodType[] = [];
  const at = (list: z.ZodType[], schema: z.ZodType) => list.push(schema) - 1;
  const plan = routes.map((r) => ({
    route: r,
    params: r.request?.params && at(requestSchemas, r.request.params),
    query: r.request?.query && at(requestSchemas, r.request.query),
    headers: r.request?.headers && at(requestSchemas, r.request.headers),
    body: r.request?.body && at(requestSchemas, r.request.body),
    responses: Object.entries(r.responses).map(([status, body]) => ({
      status,
      body,
      index: body && 'json' in body ? at(responseSchemas, body.json) : undefined,
    })),
  }));
  const input = convert(requestSchemas, 'input', {});
  const output = convert(responseSchemas, 'output', COMPONENTS);

  /** A parameter object per property of an object schema (path, query or header). */
  const parameters = (where: 'path' | 'query' | 'header', index: number | undefined) => {
    if (index === undefined) return [];
    const schema = input.one(index) as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || (schema.required ?? []).includes(name),
      schema: property,
    }));
  };
  const content = (body: Body, index: number | undefined) =>
    'json' in body ? { 'application/json': { schema: output.one(index as number) } } : { [body.file]: { schema: { type: 'string', format: 'binary' } } };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const p of plan) {
    const r = p.route;
    // 400 and 404 on every route: a domain check may refuse any input, and any id may be unknown.
    const errors = new Set<number>([400, 404, ...(p.body !== undefined ? [413] : []), ...(r.errors ?? [])]);
    if (r.audience !== 'anyone') errors.add(401);
    if (Array.isArray(r.audience)) errors.add(403);
    const responses: Record<string, unknown> = {};
    for (const { status, body, index } of p.responses)
      responses[status] = { description: `${r.summary.de} / ${r.summary.en}`, ...(body && { content: content(body, index) }) };
    if (r.publicRead) responses[304] = { description: 'Nicht geändert (If-None-Match traf das ETag) / not modified (If-None-Match matched the ETag)' };
    for (const status of [...errors].sort((a, b) => a - b)) responses[status] = problemAnswer(ERROR_TEXT[status] ?? 'Fehler / error');
    (paths[openApiPath(r.path)] ??= {})[r.method.toLowerCase()] = {
      operationId: `${r.method.toLowerCase()}${r.path.replace(/^\/api/, '').replace(/[^A-Za-z0-9]+(\w)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      summary: `${r.summary.de} / ${r.summary.en}`,
      description: `Wer / who: ${audienceText(r.audience)}`,
      tags: [r.tag],
      ...(r.audience !== 'anyone' && { security: [{ session: [] }, { bearer: [] }] }),
      'x-audience': r.audience,
      parameters: [
        ...parameters('path', p.params),
        ...parameters('query', p.query),
        ...parameters('header', p.headers),
        ...(r.publicRead ? [IF_NONE_MATCH] : []),
      ],
      ...(p.body !== undefined && { requestBody: { required: true, content: { 'application/json': { schema: input.one(p.body) } } } }),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'regiokurs API',
      version: '1',
      description:
        'Buchungsplattform der Region: Angebote, Familien, Anbieter, Gemeinden. Fehler als application/problem+json (RFC 9457). / The region’s booking platform: offers, families, providers, municipalities. Errors as application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/' }],
    tags: Object.entries(TAGS)
      .filter(([name]) => routes.some((r) => r.tag === name))
      .map(([name, { de, en }]) => ({ name, description: `${de} / ${en}` })),
    paths,
    components: {
      schemas: output.named,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'rk_session', description: 'Sitzungs-Cookie der Web-App / the web app’s session cookie' },
        bearer: { type: 'http', scheme: 'bearer', description: 'Token aus POST /api/auth/session / the token from POST /api/auth/session' },
      },
    },
  };
}
