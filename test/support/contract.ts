import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { API_CONTRACT, type RouteContract } from '../../shared/api-contract.js';
import { openApiDocument, openApiPath } from '../../shared/openapi.js';

/**
 * Holds every answer an integration test sees to the published OpenAPI document: the status is
 * one the route documents, the media type too, and a JSON body fits the documented JSON Schema,
 * checked by an independent validator (ajv) against the document itself, not the zod schemas it
 * came from, so a field the server sends but the document leaves out fails (the documented
 * objects allow no others). The local-only dev routes are held to it too; undocumented paths (the
 * site's files, static files) pass unchecked; a server fault (5xx) need only be a problem.
 */

type Answer = { description: string; content?: Record<string, { schema: object }> };
type Operation = { responses: Record<string, Answer> };

const doc = openApiDocument({ withLocalOnly: true });
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
// The document's components, so that each answer's `$ref: '#/components/…'` resolves.
ajv.addSchema({ $id: 'regiokurs-openapi', components: doc.components });
const compiled = new Map<string, ValidateFunction>();

const routesByPattern = API_CONTRACT.map((r) => ({
  route: r,
  pattern: new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`),
}));

/** The contract entry a request names, if any. */
export const documentedRoute = (method: string, path: string): RouteContract | undefined =>
  routesByPattern.find(({ route, pattern }) => route.method === method && pattern.test(path))?.route;

const validatorFor = (key: string, schema: object) => {
  let validate = compiled.get(key);
  if (!validate) {
    const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"regiokurs-openapi#/components/')) as object;
    validate = ajv.compile(rebased);
    compiled.set(key, validate);
  }
  return validate;
};

/** Throws, naming the route and what differs, where the answer leaves the document. */
async function checkAgainstContract(method: string, url: string, res: Response): Promise<void> {
  const path = new URL(url, 'http://test').pathname;
  const route = documentedRoute(method, path);
  if (!route) return;
  const what = `${method} ${path} answered ${res.status}`;
  const type = res.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  if (res.status >= 500) {
    if (type !== 'application/problem+json') throw new Error(`${what} as ${type}, not a problem`);
    return;
  }
  const operation = (doc.paths[openApiPath(route.path)] as Record<string, Operation>)[method.toLowerCase()];
  const answer = operation?.responses[String(res.status)];
  if (!answer) throw new Error(`${what}, a status the OpenAPI document does not name for it`);
  if (!answer.content) {
    const body = await res.clone().text();
    if (body !== '') throw new Error(`${what} with a body, where the document names none`);
    return;
  }
  const media = answer.content[type];
  if (!media) throw new Error(`${what} as ${type || 'no type'}, not ${Object.keys(answer.content).join(' or ')}`);
  if (!type.endsWith('json')) return;
  const body: unknown = await res.clone().json();
  const validate = validatorFor(`${method} ${route.path} ${res.status} ${type}`, media.schema);
  if (!validate(body)) {
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    throw new Error(`${what}, not as documented:\n  ${errors.join('\n  ')}`);
  }
}

type Requests = { request(input: RequestInfo | URL, init?: RequestInit, ...rest: never[]): Response | Promise<Response> };

/** An app whose `request` checks every answer against the contract before the test sees it. */
export function checkedApp<App extends Requests>(app: App): App {
  const request = async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await app.request(input, init);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    await checkAgainstContract(method.toUpperCase(), input instanceof Request ? input.url : String(input), res);
    return res;
  };
  return new Proxy(app, { get: (target, key, receiver) => (key === 'request' ? request : Reflect.get(target, key, receiver)) });
}
