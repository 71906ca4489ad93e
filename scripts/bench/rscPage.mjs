// The JavaScript the server widget (`@thryve-connect/react/server`) adds to a Next.js page, from a
// production build of the Next consumer (test/consumers/next-app): `/server-widget` against
// `/server-widget-control`, the same page without the widget.
//
// Method: a route's JavaScript is what its HTML loads: Next's root chunks (`.next/build-manifest.json`
// `rootMainFiles`) plus every entry chunk of the route's segments (layout, page: `entryJSFiles` in
// `.next/server/app/<route>/page_client-reference-manifest.js`, the client references of its server
// graph). Each file counts once, by its gzip size (level 9). The figure is widget route − control route.
// The refresh code the island imports on a Reload/Retry is an async chunk, loaded by no route on load:
// reported apart (`onDemandBytes`: the chunks the added files' `import()`s load). In the consumer, which
// also has client-widget pages, Turbopack serves it from the chunk of core those pages share.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

/** The budget of the issue (#21): what our packages add to a Next page, gzip. */
export const RSC_PAGE_BUDGET_BYTES = 1500;

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function routeFiles(next, route) {
  const manifest = JSON.parse(readFileSync(join(next, 'build-manifest.json'), 'utf8'));
  const context = { globalThis: {} };
  context.globalThis = context;
  runInNewContext(
    readFileSync(join(next, 'server/app', route, 'page_client-reference-manifest.js'), 'utf8'),
    context,
  );
  const entry = context.__RSC_MANIFEST[`/${route}/page`];
  const files = new Set(manifest.rootMainFiles);
  for (const chunks of Object.values(entry.entryJSFiles)) for (const file of chunks) files.add(file);
  return files;
}

function sh(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')}: ${(result.stdout + result.stderr).slice(-2000)}`);
}

/** Packs our built packages, installs the Next consumer from the tarballs in a temporary folder, builds it. */
function buildConsumer() {
  const root = resolve(import.meta.dirname, '../..');
  const work = mkdtempSync(join(tmpdir(), 'thryve-rsc-bench-'));
  const packs = join(work, 'packs');
  mkdirSync(packs);
  const tarballs = {};
  for (const name of ['core', 'react', 'server']) {
    sh('pnpm', ['pack', '--pack-destination', packs], join(root, 'packages', name));
    tarballs[name] = join(
      packs,
      readdirSync(packs).find((file) => file.startsWith(`thryve-connect-${name}-`)),
    );
  }
  const dir = join(work, 'next-app');
  cpSync(join(root, 'test/consumers/next-app'), dir, { recursive: true });
  const file = join(dir, 'package.json');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace('TARBALL_CORE', tarballs.core)
      .replace('TARBALL_REACT', tarballs.react)
      .replace('TARBALL_SERVER', tarballs.server),
  );
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  sh('npx', ['next', 'build'], dir, {
    NODE_ENV: 'production',
    NEXT_PUBLIC_THRYVE_SANDBOX_URL: 'http://127.0.0.1:4010',
  });
  return dir;
}

/**
 * Measures a built Next consumer (`dir` holds its `.next`), or packs, installs and builds one first
 * (needs `pnpm -r build` and the npm registry). Returns gzip bytes.
 */
export function measureRscPage({ dir } = {}) {
  const app = dir ?? buildConsumer();
  const next = join(app, '.next');
  if (!existsSync(join(next, 'build-manifest.json'))) throw new Error(`${app} has no Next build`);
  const widget = routeFiles(next, 'server-widget');
  const control = routeFiles(next, 'server-widget-control');
  const sum = (files) => [...files].reduce((total, file) => total + gzip(join(next, file)), 0);
  // The chunks the added files load on demand: Turbopack writes each `import()` as a literal list.
  const onDemand = new Set();
  for (const file of widget) {
    if (control.has(file)) continue;
    for (const [, list] of readFileSync(join(next, file), 'utf8').matchAll(
      /Promise\.all\(\[((?:"[^"]+",?)+)\]/g,
    ))
      for (const chunk of JSON.parse(`[${list}]`)) if (!widget.has(chunk)) onDemand.add(chunk);
  }
  return {
    widgetPageBytes: sum(widget),
    controlPageBytes: sum(control),
    addedBytes: sum(widget) - sum(control),
    addedFiles: [...widget].filter((file) => !control.has(file)),
    onDemandBytes: sum(onDemand),
    budgetBytes: RSC_PAGE_BUDGET_BYTES,
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(measureRscPage({ dir: process.argv[2] })));
