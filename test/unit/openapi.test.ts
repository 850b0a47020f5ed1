import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { API_CONTRACT } from '../../shared/api-contract.js';
import { openApiDocument, openApiPath } from '../../shared/openapi.js';
import { referencePage } from '../../shared/openapi-reference.js';

/** Every `$ref` anywhere in a JSON value. */
const refsIn = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(refsIn)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, v]) => (key === '$ref' && typeof v === 'string' ? [v] : refsIn(v)))
      : [];

describe('the OpenAPI document', () => {
  const doc = openApiDocument();

  it('is valid OpenAPI 3.1 by an independent validator', async () => {
    // Act: through JSON, as the built file is read.
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));

    // Assess
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('refers to shared shapes by $ref, and every $ref names a component that exists', () => {
    // Act
    const refs = refsIn(doc);

    // Assess
    expect(refs).toContain('#/components/schemas/OfferDetail');
    expect(refs).toContain('#/components/schemas/Problem');
    for (const ref of new Set(refs)) {
      expect(ref, ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas, ref).toHaveProperty([ref.split('/').pop() as string]);
    }
    // A component inside another is a $ref too, not a copy: the catalog offer's sessions.
    expect(refsIn(doc.components.schemas.CatalogOffer)).toContain('#/components/schemas/OfferSession');
  });

  it('has every published route of the contract, and no local-only one', () => {
    // Act
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));

    // Assess
    const published = API_CONTRACT.filter((r) => !r.localOnly).map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(documented.sort()).toEqual(published.sort());
    expect(documented.filter((key) => key.includes('/api/dev/'))).toEqual([]);
  });

  it('names each operation uniquely, as OpenAPI requires', () => {
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => (op as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names who may call each route, and answers 401/403 as problems where not anyone may', () => {
    const op = doc.paths['/api/family/children/{childId}']?.patch as {
      'x-audience': unknown;
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(op['x-audience']).toEqual(['family']);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
    expect(op.responses['403']?.content).toHaveProperty(['application/problem+json']);
  });

  it('describes files by their media type', () => {
    const calendar = doc.paths['/api/calendar.ics']?.get as { responses: Record<string, { content: Record<string, unknown> }> };
    const pdf = doc.paths['/api/provider/offers/{id}/attendance.pdf']?.get as typeof calendar;
    expect(Object.keys(calendar.responses['200']?.content ?? {})).toEqual(['text/calendar']);
    expect(Object.keys(pdf.responses['200']?.content ?? {})).toEqual(['application/pdf']);
  });

  it('documents a request as the client sends it: a field with a default is optional', () => {
    // municipalitySchema's postalCodes defaults to []: a client may leave it out.
    const body = (doc.paths['/api/admin/municipalities']?.post as { requestBody: { content: Record<string, { schema: { required?: string[] } }> } })
      .requestBody;
    expect(body.content['application/json']?.schema.required).not.toContain('postalCodes');
  });
});

describe('the reference page', () => {
  const doc = openApiDocument();
  const html = referencePage(doc);

  it('names every route and runs no script (the CSP allows only the site’s own)', () => {
    for (const r of API_CONTRACT.filter((r) => !r.localOnly)) expect(html).toContain(`${r.method} ${openApiPath(r.path)}`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('href="/api/openapi.json"');
  });
});
