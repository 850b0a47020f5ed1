import vm from 'node:vm';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPageRoute } from '../../shared/page-routes.js';
import { API_REFERENCE_FILES, CRAWLER_FILES, OFFER_PAGE_PATHS, PAGE_ROUTES } from '../../shared/page-routes.js';
import { SYNTH_TIMEOUT_MS, synthRegion } from './support/region.js';

/** The shapes of CloudFront Functions' event (functions-event-structure in the CloudFront guide), as far as these functions read them. */
type EdgeHeaders = Record<string, { value: string }>;
type EdgeRequest = { method: string; uri: string; querystring: Record<string, never>; headers: EdgeHeaders; cookies: Record<string, never> };
type EdgeResponse = { statusCode: number; statusDescription: string; headers: EdgeHeaders; cookies: Record<string, never> };
type EdgeFunction = (event: {
  version: '1.0';
  context: { eventType: string };
  viewer: { ip: string };
  request: EdgeRequest;
  response?: EdgeResponse;
}) => unknown;

type Behaviour = {
  PathPattern?: string;
  TargetOriginId: string;
  ViewerProtocolPolicy: string;
  AllowedMethods?: string[];
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  FunctionAssociations?: { EventType: string; FunctionARN: { 'Fn::GetAtt': [string, string] } }[];
};
type DistributionConfig = {
  DefaultCacheBehavior: Behaviour;
  CacheBehaviors: Behaviour[];
  Origins: { Id: string; DomainName: unknown; S3OriginConfig?: unknown; CustomOriginConfig?: unknown }[];
  CustomErrorResponses?: unknown;
};

/** Which of the two origins a behaviour sends to: the site bucket or the HTTP API. */
type OriginName = 'bucket' | 'api';

/** What the viewer gets for a GET of a path, the origin answering 200 whatever it is asked. */
type EdgeAnswer = { origin: OriginName; uri: string; status: number };

/**
 * Which request CloudFront hands the viewer-response function: AWS's event-structure page calls it
 * "the actual request that CloudFront received from the viewer", reports from the field say it is
 * the one the viewer-request function returned (rewritten path, added headers). The answer must
 * not depend on which.
 */
type ResponseSees = 'the rewritten request' | "the viewer's request";

/** CloudFront's path patterns: case-sensitive, `*` any characters, `?` one character. */
const patternMatches = (pattern: string, path: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(path);

/** The site's distribution, with its CloudFront Functions compiled in a fresh context each, as the edge runs them. */
function edgeOf(web: Template) {
  const [distribution] = Object.values(web.findResources('AWS::CloudFront::Distribution'));
  const config = distribution?.Properties.DistributionConfig as DistributionConfig;
  const functions = web.findResources('AWS::CloudFront::Function');
  const compile = (logicalId: string) => {
    const code = functions[logicalId]?.Properties.FunctionCode as string;
    return vm.runInNewContext(`${code}\n;handler`, {}, { filename: `${logicalId}.js` }) as EdgeFunction;
  };
  const functionOf = (behaviour: Behaviour, eventType: 'viewer-request' | 'viewer-response') => {
    const association = behaviour.FunctionAssociations?.find((a) => a.EventType === eventType);
    return association && compile(association.FunctionARN['Fn::GetAtt'][0]);
  };
  const behaviourFor = (path: string) => config.CacheBehaviors.find((b) => patternMatches(b.PathPattern ?? '', path)) ?? config.DefaultCacheBehavior;
  const originName = (behaviour: Behaviour): OriginName => {
    const origin = config.Origins.find((o) => o.Id === behaviour.TargetOriginId);
    if (origin?.S3OriginConfig) return 'bucket';
    if (JSON.stringify(origin?.DomainName).includes('execute-api')) return 'api';
    throw new Error(`origin ${behaviour.TargetOriginId} is neither the bucket nor the API`);
  };

  const host: EdgeHeaders = { host: { value: 'kurse.testtal.example' } };
  const event = (eventType: string, request: EdgeRequest) => ({ version: '1.0' as const, context: { eventType }, viewer: { ip: '198.51.100.7' }, request });

  /** The request as the viewer sent it, and as the viewer-request function of its behaviour passes it on. */
  function viewerRequest(path: string, headers: EdgeHeaders = {}) {
    const behaviour = behaviourFor(path);
    const sent: EdgeRequest = { method: 'GET', uri: path, querystring: {}, headers: { ...host, ...headers }, cookies: {} };
    const onRequest = functionOf(behaviour, 'viewer-request');
    return { behaviour, sent, passed: onRequest ? (onRequest(event('viewer-request', structuredClone(sent))) as EdgeRequest) : sent };
  }

  /** One GET through the distribution: the behaviour its path picks, that behaviour's functions, its origin. */
  function get(path: string, options: { headers?: EdgeHeaders; responseSees?: ResponseSees } = {}): EdgeAnswer {
    const { behaviour, sent, passed } = viewerRequest(path, options.headers);
    const fromOrigin: EdgeResponse = { statusCode: 200, statusDescription: 'OK', headers: {}, cookies: {} };
    const onResponse = functionOf(behaviour, 'viewer-response');
    const seen = options.responseSees === "the viewer's request" ? sent : passed;
    const response = onResponse ? (onResponse({ ...event('viewer-response', structuredClone(seen)), response: fromOrigin }) as EdgeResponse) : fromOrigin;
    return { origin: originName(behaviour), uri: passed.uri, status: response.statusCode };
  }

  /** The headers the edge adds to the request for `path` on its way to the origin. */
  const headersAdded = (path: string) => Object.fromEntries(Object.entries(viewerRequest(path).passed.headers).filter(([name]) => !(name in host)));

  return { config, get, behaviourFor, headersAdded };
}

/** A route of the app with each parameter filled in, as a link would name it. */
const pathOf = (route: string) => route.replace(/:\w+/g, 'kinderturnen-kirchau');

/** Offer pages are the API's (functions/api/offer-page.ts); the bucket serves every other page. */
const isOfferPath = (path: string) => patternMatches(OFFER_PAGE_PATHS, path);

let edge: ReturnType<typeof edgeOf>;
beforeAll(() => {
  edge = edgeOf(synthRegion().templates.web);
}, SYNTH_TIMEOUT_MS);

describe.each<ResponseSees>(['the rewritten request', "the viewer's request"])(
  'the site at the edge (the viewer-response function seeing %s)',
  (responseSees) => {
    const get = (path: string, headers?: EdgeHeaders) => edge.get(path, { headers, responseSees });

    it('serves the app for its pages with 200', () => {
      for (const path of ['/', '/bookings', '/provider/offers/o1/edit', '/programmes/sommer-2027/leichte-sprache', '/datenschutz']) {
        expect(get(path), path).toEqual({ origin: 'bucket', uri: '/index.html', status: 200 });
      }
    });

    it('serves every page the app routes with 200, as the router matches them (any case, one trailing slash)', () => {
      for (const path of [...PAGE_ROUTES.map(pathOf).filter((p) => !isOfferPath(p)), '/family/', '/Bookings', '/Offers/x1']) {
        expect(get(path), path).toEqual({ origin: 'bucket', uri: '/index.html', status: 200 });
      }
    });

    it("answers an unknown page path 404 with the app's index.html, which shows the not-found page", () => {
      for (const path of ['/gibtsnicht/xyz', '/gibtsnicht', '/offers', '/family//', '/admin', '/programmes/p/x', '/api']) {
        expect(get(path), path).toEqual({ origin: 'bucket', uri: '/index.html', status: 404 });
      }
    });

    it('decides as the local server does: 200 where it serves a page, 404 where it does not', () => {
      const paths = [...PAGE_ROUTES.map(pathOf), '/family/', '/FAMILY', '/family//', '/offers', '/nope', '/sign-in/x', '/embed/x'];
      for (const path of paths.filter((p) => !isOfferPath(p))) expect(get(path).status, path).toBe(isPageRoute(path) ? 200 : 404);
    });

    it('passes files to the bucket as they are', () => {
      for (const path of ['/index.html', '/assets/index-3f2a1c.js', '/favicon.svg']) {
        expect(get(path), path).toEqual({ origin: 'bucket', uri: path, status: 200 });
      }
    });

    it('sends robots.txt and sitemap.xml to the API as they are (test/int/site.test.ts: the API answers them)', () => {
      for (const path of Object.values(CRAWLER_FILES)) expect(get(path), path).toEqual({ origin: 'api', uri: path, status: 200 });
    });

    it('sends every path under /offers/ to the API, which answers the page with the offer in its head (test/e2e/offer-page-head.test.ts)', () => {
      for (const path of [pathOf('/offers/:id'), '/offers/x1/', '/offers/a/b']) expect(get(path), path).toEqual({ origin: 'api', uri: path, status: 200 });
    });

    it("leaves the API's answers alone", () => {
      expect(get('/api/offers/no-such-offer')).toEqual({ origin: 'api', uri: '/api/offers/no-such-offer', status: 200 });
    });

    it('lets no header a viewer sends turn a page into a 404', () => {
      // Prepare: the headers the edge adds for an unknown path, sent by the viewer for a page.
      const added = edge.headersAdded('/gibtsnicht');

      // Act
      const answer = get('/bookings', added);

      // Assess
      expect(answer.status).toBe(200);
    });
  },
);

describe('the distribution', () => {
  it('routes robots.txt, sitemap.xml and offer pages to the API origin, uncached, like /api/*, over HTTPS', () => {
    const api = edge.behaviourFor('/api/x');
    expect(api.PathPattern).toBe('/api/*');
    for (const path of [...Object.values(CRAWLER_FILES), OFFER_PAGE_PATHS]) {
      const behaviour = edge.config.CacheBehaviors.find((b) => b.PathPattern === path);
      expect(behaviour, path).toMatchObject({
        TargetOriginId: api.TargetOriginId,
        ViewerProtocolPolicy: 'redirect-to-https',
        CachePolicyId: api.CachePolicyId,
        OriginRequestPolicyId: api.OriginRequestPolicyId,
      });
      // Left out of the template, AllowedMethods is CloudFormation's default: GET and HEAD only.
      expect(behaviour?.AllowedMethods ?? ['GET', 'HEAD'], path).toEqual(['GET', 'HEAD']);
      expect(behaviour?.FunctionAssociations ?? [], path).toEqual([]);
    }
  });

  it('serves the OpenAPI document and the reference page from the bucket (the build made them), not the API, and every other /api/ path from the API', () => {
    const answer = (path: string) => edge.get(path, { responseSees: 'the rewritten request' });
    for (const path of Object.values(API_REFERENCE_FILES)) {
      expect(answer(path), path).toEqual({ origin: 'bucket', uri: path, status: 200 });
      expect(edge.behaviourFor(path).ViewerProtocolPolicy, path).toBe('redirect-to-https');
    }
    expect(answer('/api/openapi.yaml').origin).toBe('api');
  });
});
