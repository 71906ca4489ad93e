#!/usr/bin/env node
// `pnpm docs:check` (a step of `pnpm test`): every TypeScript block of the READMEs and the MDX guides
// compiles against the built packages, so a renamed export or prop cannot linger in the docs.
// Conventions for blocks (`continues`, `file=`, `ignore`) are in scripts/docs/checkDocs.mjs. Then every
// public prop, option, event and custom property has a row on its reference page
// (scripts/docs/checkReference.mjs; which page documents what: scripts/docs/referenceSubjects.mjs).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocs } from './docs/checkDocs.mjs';
import { checkReference } from './docs/checkReference.mjs';
import { REFERENCE_SUBJECTS } from './docs/referenceSubjects.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = readdirSync(join(root, 'packages')).filter((name) =>
  existsSync(join(root, 'packages', name, 'package.json')),
);
const unbuilt = packages.filter((name) => !existsSync(join(root, 'packages', name, 'dist/index.d.ts')));
if (unbuilt.length > 0) {
  console.error(
    `The docs are checked against dist/: build first (pnpm build). Unbuilt: ${unbuilt.join(', ')}`,
  );
  process.exit(1);
}

const docs = [
  'README.md',
  ...packages.map((name) => `packages/${name}/README.md`).filter((path) => existsSync(join(root, path))),
  ...readdirSync(join(root, 'stories'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.mdx'))
    .map((path) => `stories/${path}`)
    .sort(),
];
const { blocks, checked, ignored, problems } = checkDocs({
  root,
  docs,
  outDir: join(root, '.test-results/docs-check'),
  preludes: [join(root, 'scripts/docs/readerApp.d.ts')],
});

const reference = checkReference({
  root,
  subjects: REFERENCE_SUBJECTS,
  outDir: join(root, '.test-results/docs-reference'),
});

const plural = (count, noun) => `${count} ${noun}${count === 1 ? '' : 's'}`;
for (const { file, line, column, message } of [...problems, ...reference.problems])
  console.error(`${file}:${line}:${column} ${message}`);
console.log(
  `docs: ${blocks} TypeScript blocks in ${docs.length} documents, ${checked} checked, ${ignored.length} ignored` +
    (ignored.length > 0 ? ` (${ignored.join(', ')})` : '') +
    `, ${plural(problems.length, 'problem')}`,
);
const pages = new Set(REFERENCE_SUBJECTS.map((subject) => subject.page)).size;
console.log(
  `reference: ${reference.names} props, options, events and custom properties on ${pages} pages, ` +
    plural(reference.problems.length, 'problem'),
);
process.exit(problems.length + reference.problems.length === 0 ? 0 : 1);
