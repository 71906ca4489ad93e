/** Escapes a value for HTML text and double-quoted attributes: every reflected value goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A complete HTML document; `body` must already be escaped markup. */
export function htmlDocument(options: { lang: string; title: string; body: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.25rem; margin: 0 0 0.75rem; }
ul { list-style: none; padding: 0; margin: 0; }
li { display: flex; align-items: center; gap: 0.75rem; padding: 0.5rem 0; border-bottom: 1px solid #e5e5e5; }
.name { flex: 1; font-weight: 600; }
.status { font-size: 0.875rem; color: #555; }
.status.connected { color: #0a7a2f; }
form { margin: 0; }
button { font: inherit; padding: 0.375rem 0.75rem; border-radius: 0.375rem; border: 1px solid #444; cursor: pointer; }
button.primary { background: #1b4dd8; color: #fff; border-color: #1b4dd8; }
.actions { display: flex; gap: 0.5rem; }
[role="status"] { padding: 0.5rem; background: #eef4ff; margin-bottom: 0.75rem; }
</style>
</head>
<body>
<main>
${options.body}
</main>
</body>
</html>
`;
}

/** The error page every HTML route shows: a heading and one readable reason. */
export function errorPage(title: string, message: string): string {
  return htmlDocument({
    lang: 'en',
    title,
    body: `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(message)}</p>`,
  });
}
