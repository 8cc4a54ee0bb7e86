type JsonObject = Record<string, unknown>;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A self-contained HTML page (no scripts, no external assets) rendering an OpenAPI document. */
export function renderDocsPage(document: JsonObject): string {
  const info = document['info'] as { title: string; description: string; version: string };
  const paths = document['paths'] as Record<string, Record<string, JsonObject>>;
  const operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const responses = Object.entries(operation['responses'] as Record<string, { description: string }>)
        .map(([status, response]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(response.description)}</li>`)
        .join('');
      const details = { parameters: operation['parameters'], requestBody: operation['requestBody'] };
      return `<section><h2><span class="m ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(String(operation['summary']))}. ${escapeHtml(String(operation['description']))}</p><ul>${responses}</ul>
<details><summary>Parameters and body</summary><pre>${escapeHtml(JSON.stringify(details, null, 2))}</pre></details></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}section{border-top:1px solid #ddd;padding:.5rem 0}
.m{display:inline-block;min-width:4.5rem;color:#fff;border-radius:4px;text-align:center;font-size:.8em;padding:2px 6px}.get{background:#2a7}.post{background:#27c}.delete{background:#c33}
pre{background:#f6f6f6;padding:.75rem;overflow:auto}</style></head><body>
<h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1><p>${escapeHtml(info.description)}</p>
<p>Authenticate with <code>Authorization: Bearer &lt;API key&gt;</code>. The machine-readable document is at <a href="/openapi.json">/openapi.json</a>.</p>
${operations.join('\n')}</body></html>`;
}
