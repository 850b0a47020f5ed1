import type { openApiDocument } from './openapi.js';

type Document = ReturnType<typeof openApiDocument>;
type Operation = {
  summary: string;
  description: string;
  tags: string[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
};

const escapeHtml = (s: string) => s.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** A schema as a reader needs it in a list: the component it names, else "inline". */
const schemaName = (schema: unknown) => {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref ? `<a href="#schema-${escapeHtml(ref.split('/').pop() ?? '')}">${escapeHtml(ref.split('/').pop() ?? '')}</a>` : '';
};

const operationHtml = (path: string, method: string, op: Operation) => {
  const anchor = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
  const params = op.parameters.map((p) => `<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ', Pflicht / required' : ''})</li>`).join('');
  const body = op.requestBody
    ? `<details><summary>Anfrage / request body (JSON Schema)</summary><pre>${escapeHtml(JSON.stringify(op.requestBody.content['application/json']?.schema, null, 2))}</pre></details>`
    : '';
  const answers = Object.entries(op.responses)
    .map(([status, r]) => {
      const types = Object.entries(r.content ?? {})
        .map(([type, { schema }]) => `<code>${escapeHtml(type)}</code> ${schemaName(schema)}`)
        .join(', ');
      return `<li><strong>${status}</strong> ${escapeHtml(r.description)}${types ? `: ${types}` : ''}</li>`;
    })
    .join('');
  return `<section id="${anchor}" aria-labelledby="${anchor}-h">
<h3 id="${anchor}-h"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary)}</p><p>${escapeHtml(op.description)}</p>
${params ? `<h4>Parameter / parameters</h4><ul>${params}</ul>` : ''}${body}
<h4>Antworten / responses</h4><ul>${answers}</ul>
</section>`;
};

/**
 * The API reference as one static page, generated at build time from the OpenAPI document: no
 * script (the site's CSP allows only its own), inline styles only (which it allows). Grouped by
 * tag, every route with its audience, parameters, request and answers, every component schema.
 */
export function referencePage(doc: Document): string {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })),
  );
  const sections = doc.tags
    .map(({ name, description }) => {
      const ops = operations.filter(({ op }) => op.tags.includes(name));
      return `<section aria-labelledby="tag-${name}"><h2 id="tag-${name}">${escapeHtml(description)}</h2>${ops.map(({ path, method, op }) => operationHtml(path, method, op)).join('\n')}</section>`;
    })
    .join('\n');
  const schemas = Object.entries(doc.components.schemas)
    .map(
      ([name, schema]) =>
        `<section id="schema-${name}" aria-labelledby="schema-${name}-h"><h3 id="schema-${name}-h">${name}</h3><details><summary>JSON Schema</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details></section>`,
    )
    .join('\n');
  const toc = doc.tags.map(({ name, description }) => `<li><a href="#tag-${name}">${escapeHtml(description)}</a></li>`).join('');
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API-Referenz / API reference – regiokurs</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; background: #fff; }
code, pre { font-family: ui-monospace, monospace; }
pre { background: #f4f4f4; padding: 0.75rem; overflow-x: auto; }
h3 { margin-top: 2rem; border-top: 1px solid #ccc; padding-top: 1rem; }
a { color: #0b57a4; }
a:focus-visible, summary:focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
</style>
</head>
<body>
<header>
<h1>regiokurs API-Referenz <span lang="en">/ API reference</span></h1>
<p>OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a>. ${escapeHtml(doc.info.description)}</p>
<nav aria-label="Inhalt / contents"><ul>${toc}<li><a href="#schemas">Schemas</a></li></ul></nav>
</header>
<main>
${sections}
<section aria-labelledby="schemas"><h2 id="schemas">Schemas</h2>${schemas}</section>
</main>
</body>
</html>
`;
}
