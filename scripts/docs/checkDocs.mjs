// Type-checks the TypeScript code blocks of documents against the BUILT packages, resolved as an app
// that installed them would resolve them: `node_modules/@thryve-connect/*` → the package's `exports` →
// `dist/*.d.ts`. A renamed export, a removed prop or a misspelt entry point fails here, at the line of
// the document that shows it. TypeScript 7 has no compiler API, so this writes each block to a file
// and runs `tsc`.
//
// Conventions in a block's info string (GitHub and Storybook show only the first word, the language):
//   ```tsx                      checked on its own, as a module
//   ```ts continues             checked after the last block before it that does not continue (its
//                               setup): the names that one defines are in scope, as for a reader who
//                               read the page from the top
//   ```tsx file=app/page.tsx    written at that path (per document), so blocks that show several files
//                               can import each other ('./Devices')
//   ```ts ignore                not checked; keep these rare, and say in the prose why
// What the reader's own app supplies (their sign-in, their toast) is declared once, in the prelude
// files passed in (scripts/docs/readerApp.d.ts), never per block.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { extractCodeBlocks } from './extractCodeBlocks.mjs';

/** Info-string languages that are type-checked, and the file extension each is checked as. */
const CHECKED_LANGUAGES = new Map([
  ['ts', 'ts'],
  ['typescript', 'ts'],
  ['tsx', 'tsx'],
]);
const KNOWN_FLAGS = new Set(['ignore', 'continues']);
const KNOWN_ATTRIBUTES = new Set(['file']);
/** Side-effect imports TypeScript does not read (stylesheets): checked by resolving them as Node does. */
const ASSET_IMPORT = /^\s*import\s+(['"])(?<specifier>[^'"]+\.(?:css|scss|sass|less))\1/gm;

/**
 * @typedef {object} DocsProblem
 * @property {string} file the document (or prelude) with the problem, relative to `root`
 * @property {number} line 1-based
 * @property {number} column 1-based
 * @property {string} message TypeScript's (with its `TSnnnn` code) or the checker's own
 */

/**
 * @typedef {object} DocsCheckResult
 * @property {number} blocks TypeScript blocks found
 * @property {number} checked blocks type-checked
 * @property {string[]} ignored `doc:line` of every block marked `ignore`
 * @property {DocsProblem[]} problems empty when every checked block compiles
 */

/**
 * @param {{ root: string, docs: string[], outDir: string, preludes?: string[] }} options
 *   `docs` relative to `root`; `outDir` inside `root`, so `node_modules` resolution finds the
 *   workspace's packages and types; it is emptied first.
 * @returns {DocsCheckResult}
 */
export function checkDocs({ root, docs, outDir, preludes = [] }) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  /** @type {Map<string, { doc: string, line: number, indent: number }[]>} generated file → doc lines */
  const lineMaps = new Map();
  /** @type {DocsProblem[]} */
  const problems = [];
  /** @type {string[]} */
  const ignored = [];
  let blocks = 0;
  const requireFromRoot = createRequire(join(root, 'package.json'));

  for (const doc of docs) {
    const folder = join(outDir, doc.replace(/[^\w.-]+/g, '_'));
    /** @type {{ block: import('./extractCodeBlocks.mjs').CodeBlock, extension: string } | undefined} */
    let setup;
    for (const block of extractCodeBlocks(readFileSync(resolve(root, doc), 'utf8'))) {
      const extension = CHECKED_LANGUAGES.get(block.lang);
      if (!extension) continue;
      blocks += 1;
      const at = { file: doc, line: block.line - 1, column: block.indent + 1 };
      const unknown = [
        ...[...block.flags].filter((flag) => !KNOWN_FLAGS.has(flag)),
        ...[...block.attributes.keys()].filter((key) => !KNOWN_ATTRIBUTES.has(key)),
      ];
      if (unknown.length > 0) {
        // A misspelt `ignore` must not silently check (or skip) a block.
        problems.push({ ...at, message: `unknown info-string word(s): ${unknown.join(', ')}` });
        continue;
      }
      if (block.flags.has('ignore')) {
        ignored.push(`${doc}:${at.line}`);
        continue;
      }
      for (const match of block.code.matchAll(ASSET_IMPORT)) {
        const specifier = match.groups?.specifier ?? '';
        try {
          requireFromRoot.resolve(specifier);
        } catch {
          const before = block.code.slice(0, match.index).split('\n').length - 1;
          problems.push({
            file: doc,
            line: block.line + before,
            column: block.indent + 1,
            message: `cannot resolve '${specifier}' through the packages' exports`,
          });
        }
      }
      const parts = [];
      if (block.flags.has('continues')) {
        if (!setup) {
          problems.push({ ...at, message: '`continues` needs an earlier checked block in this document' });
          continue;
        }
        parts.push(setup);
      }
      parts.push({ block, extension });
      const kind = parts.some((part) => part.extension === 'tsx') ? 'tsx' : 'ts';
      const name = block.attributes.get('file') ?? `L${block.line}.${kind}`;
      if (!/\.tsx?$/.test(name)) {
        problems.push({ ...at, message: `file=${name} must end in .ts or .tsx` });
        continue;
      }
      const path = join(folder, name);
      if (lineMaps.has(path)) {
        problems.push({ ...at, message: `file=${name} is used by two blocks of this document` });
        continue;
      }
      const lines = [];
      const lineMap = [];
      for (const part of parts) {
        part.block.code.split('\n').forEach((text, index) => {
          lines.push(text);
          lineMap.push({ doc, line: part.block.line + index, indent: part.block.indent });
        });
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${lines.join('\n')}\n`);
      lineMaps.set(path, lineMap);
      if (!block.flags.has('continues')) setup = { block, extension };
    }
  }

  if (lineMaps.size > 0)
    problems.push(...typecheck(root, outDir, [...lineMaps.keys(), ...preludes], lineMaps));
  // A setup block's error shows once for it and once for each block that continues it.
  const unique = new Map(problems.map((problem) => [JSON.stringify(problem), problem]));
  return { blocks, checked: lineMaps.size, ignored, problems: [...unique.values()] };
}

/**
 * Runs `tsc` over the generated files and maps its diagnostics back to the documents' lines.
 * @param {string} root
 * @param {string} outDir
 * @param {string[]} files
 * @param {Map<string, { doc: string, line: number, indent: number }[]>} lineMaps
 * @returns {DocsProblem[]}
 */
function typecheck(root, outDir, files, lineMaps) {
  const tsconfig = join(outDir, 'tsconfig.json');
  // An app's settings, not ours: a bundler resolves through `exports` (types, import, default).
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'preserve',
    moduleResolution: 'bundler',
    moduleDetection: 'force',
    jsx: 'react-jsx',
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  };
  writeFileSync(tsconfig, `${JSON.stringify({ compilerOptions, files }, null, 2)}\n`);
  const result = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', tsconfig, '--pretty', 'false'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status === 0) return [];
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  /** @type {DocsProblem[]} */
  const problems = [];
  for (const text of output.split('\n')) {
    const diagnostic = /^(?<path>.+?)\((?<line>\d+),(?<column>\d+)\): error (?<message>TS\d+: .*)$/.exec(
      text,
    );
    if (!diagnostic?.groups) {
      const last = problems.at(-1);
      if (last && /^\s+\S/.test(text)) last.message += `\n${text}`;
      continue;
    }
    const { path, line, column, message } = diagnostic.groups;
    const lineMap = lineMaps.get(resolve(root, path));
    // Past the last line (an unclosed element) is reported at the block's last line.
    const source = lineMap?.[Math.min(Number(line), lineMap.length) - 1];
    problems.push(
      source
        ? { file: source.doc, line: source.line, column: Number(column) + source.indent, message }
        : { file: relative(root, resolve(root, path)), line: Number(line), column: Number(column), message },
    );
  }
  if (problems.length === 0)
    problems.push({ file: relative(root, tsconfig), line: 1, column: 1, message: output });
  return problems;
}
