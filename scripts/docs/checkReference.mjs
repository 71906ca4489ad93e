// Every public prop, option, event and custom property has a row on its reference page. The names come
// from what an app that installed the packages gets: the BUILT declarations (`dist/*.d.ts`), read with
// the TypeScript 7 API (`typescript/unstable/sync`, which drives the same compiler `tsc` runs), and the
// built stylesheet; the rows from the pages' Markdown tables.
//
// A page marks each table it holds for a subject with an MDX comment on the line before the table:
//
//   {/* reference: DataSourcePickerProps */}
//   | prop | type | default | meaning |
//   | --- | --- | --- | --- |
//   | `redirectUri` | `string` | none | where Thryve sends the user back |
//
// A row documents the name in the first backticked span of its first cell. A subject may have several
// marked tables (props and callbacks apart); its rows are their union. Fails for a name with no row,
// and for a row whose name the type no longer has.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { API, SignatureKind, SymbolFlags } from 'typescript/unstable/sync';

/**
 * What a page must document:
 * - `{ type }`: every property of the exported type, of every member when it is a union;
 * - `{ type, discriminant }`: every value of that property across the union's members (`ThryveEvent`'s
 *   `type`);
 * - `{ function }`: every parameter of the exported function;
 * - `{ stylesheet }` (no `module`): every custom property the stylesheet reads (`var(--thryve-…)`), marked
 *   with the stylesheet's file name.
 * @typedef {object} ReferenceSubject
 * @property {string} page the page, relative to the root
 * @property {string} [module] a package name, or an absolute path to a `.d.ts` without its extension
 * @property {string} [type]
 * @property {string} [discriminant]
 * @property {string} [function]
 * @property {string} [stylesheet] relative to the root
 */

/** @typedef {import('./checkDocs.mjs').DocsProblem} DocsProblem */

const MARKER = /^\s*\{\/\*\s*reference:\s*(?<subject>[\w.$]+)\s*\*\/\}\s*$/;

/** The name a subject is marked with on its page. */
export const subjectName = (/** @type {ReferenceSubject} */ subject) =>
  (subject.stylesheet && basename(subject.stylesheet)) ??
  subject.function ??
  (subject.discriminant ? `${subject.type}.${subject.discriminant}` : (subject.type ?? ''));

/**
 * The rows of the tables marked on a page: `subject → name → line`.
 * @param {string} text
 * @returns {{ tables: Map<string, Map<string, number>>, markers: Map<string, number> }}
 */
export function readReferenceTables(text) {
  /** @type {Map<string, Map<string, number>>} */
  const tables = new Map();
  /** @type {Map<string, number>} */
  const markers = new Map();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const marker = MARKER.exec(lines[index] ?? '');
    if (!marker?.groups) continue;
    const subject = marker.groups.subject ?? '';
    if (!markers.has(subject)) markers.set(subject, index + 1);
    const rows = tables.get(subject) ?? new Map();
    tables.set(subject, rows);
    let row = index + 1;
    while (row < lines.length && (lines[row] ?? '').trim() === '') row += 1;
    // The header and the `| --- |` line name no subject.
    for (row += 2; row < lines.length && (lines[row] ?? '').trimStart().startsWith('|'); row += 1) {
      const firstCell = (lines[row] ?? '').trim().slice(1).split('|')[0] ?? '';
      const name = /`(?<name>[^`]+)`/.exec(firstCell)?.groups?.name;
      if (name && !rows.has(name)) rows.set(name, row + 1);
    }
  }
  return { tables, markers };
}

/**
 * @param {{ root: string, subjects: ReferenceSubject[], outDir: string }} options
 *   `subjects[].page` relative to `root`; `subjects[].module` a package name resolved from `outDir` (inside
 *   `root`, so it finds the workspace's packages), or an absolute path to a `.d.ts` without extension.
 *   `outDir` is emptied first.
 * @returns {{ names: number, problems: DocsProblem[] }}
 */
export function checkReference({ root, subjects, outDir }) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const modules = [...new Set(subjects.flatMap((subject) => subject.module ?? []))];
  const files = modules.map((specifier, index) => {
    const file = join(outDir, `module${index}.ts`);
    const from = isAbsolute(specifier) ? `./${relative(outDir, specifier).replaceAll('\\', '/')}` : specifier;
    writeFileSync(file, `export type * from '${from}';\n`);
    return file;
  });
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'preserve',
    moduleResolution: 'bundler',
    jsx: 'react-jsx',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const tsconfig = join(outDir, 'tsconfig.json');
  writeFileSync(tsconfig, `${JSON.stringify({ compilerOptions, files }, null, 2)}\n`);

  /** @type {Map<string, Set<string> | string>} subject name → its names, or why they could not be read */
  const declared = new Map();
  const api = new API({ cwd: root });
  try {
    const project = api.updateSnapshot({ openProjects: [tsconfig] }).getProject(tsconfig);
    if (!project) throw new Error(`the TypeScript API opened no project for ${tsconfig}`);
    const { checker, program } = project;
    const exportsOf = files.map((file) => {
      const statement = program.getSourceFile(file)?.statements[0];
      const moduleSymbol =
        statement && 'moduleSpecifier' in statement && statement.moduleSpecifier
          ? checker.getSymbolAtLocation(/** @type {any} */ (statement.moduleSpecifier))
          : undefined;
      if (!moduleSymbol) return undefined;
      return new Map(
        checker
          .getExportsOfModule(moduleSymbol)
          .map((symbol) => [
            symbol.name,
            symbol.flags & SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol,
          ]),
      );
    });
    for (const subject of subjects) {
      const name = subjectName(subject);
      if (subject.stylesheet) {
        const path = resolve(root, subject.stylesheet);
        declared.set(
          name,
          existsSync(path)
            ? new Set(
                [...readFileSync(path, 'utf8').matchAll(/var\(\s*(--thryve-[\w-]+)/g)].map(
                  (match) => match[1] ?? '',
                ),
              )
            : `no such stylesheet: ${subject.stylesheet} (build first, pnpm build)`,
        );
        continue;
      }
      const exports = exportsOf[modules.indexOf(subject.module ?? '')];
      if (!exports) {
        declared.set(name, `cannot resolve ${subject.module} (for a package: build it first, pnpm build)`);
        continue;
      }
      const exported = exports.get(subject.function ?? subject.type ?? '');
      if (!exported) {
        declared.set(name, `${subject.module} exports no \`${subject.function ?? subject.type}\``);
        continue;
      }
      /** @type {Set<string>} */
      const names = new Set();
      if (subject.function) {
        const type = checker.getTypeOfSymbol(exported);
        for (const signature of type ? checker.getSignaturesOfType(type, SignatureKind.Call) : [])
          for (const parameter of signature.getParameters()) names.add(parameter.name);
      } else {
        const type = checker.getDeclaredTypeOfSymbol(exported);
        const members = type.isUnionType() ? (type.getTypes() ?? []) : [type];
        for (const member of members) {
          if (!subject.discriminant) {
            for (const property of checker.getPropertiesOfType(member)) names.add(property.name);
            continue;
          }
          const property = checker.getPropertyOfType(member, subject.discriminant);
          const value = property ? checker.getTypeOfSymbol(property) : undefined;
          for (const literal of value?.isUnionType() ? (value.getTypes() ?? []) : value ? [value] : [])
            if (literal.isStringLiteralType()) names.add(String(literal.value));
        }
      }
      declared.set(name, names);
    }
  } finally {
    api.close();
  }

  /** @type {DocsProblem[]} */
  const problems = [];
  /** @type {Map<string, ReturnType<typeof readReferenceTables>>} */
  const pages = new Map();
  let count = 0;
  for (const subject of subjects) {
    const name = subjectName(subject);
    const names = declared.get(name);
    if (typeof names === 'string' || names === undefined) {
      problems.push({ file: subject.page, line: 1, column: 1, message: names ?? `${name}: not read` });
      continue;
    }
    count += names.size;
    let page = pages.get(subject.page);
    if (!page && !existsSync(resolve(root, subject.page))) {
      problems.push({
        file: subject.page,
        line: 1,
        column: 1,
        message: `no such page: it documents ${name}`,
      });
      continue;
    }
    if (!page) {
      page = readReferenceTables(readFileSync(resolve(root, subject.page), 'utf8'));
      pages.set(subject.page, page);
    }
    const marker = `{/* reference: ${name} */}`;
    const rows = page.tables.get(name);
    const at = page.markers.get(name) ?? 1;
    if (!rows) {
      problems.push({
        file: subject.page,
        line: 1,
        column: 1,
        message: `no table of ${name}: put ${marker} on the line before the table that documents it`,
      });
      continue;
    }
    for (const missing of [...names].filter((documented) => !rows.has(documented)))
      problems.push({
        file: subject.page,
        line: at,
        column: 1,
        message: `${name} has \`${missing}\`, which has no row: add | \`${missing}\` | … | to the table after ${marker}`,
      });
    for (const [stale, line] of rows)
      if (!names.has(stale))
        problems.push({
          file: subject.page,
          line,
          column: 1,
          message: `\`${stale}\` is documented, but ${name} has no such ${subject.discriminant ? 'value' : subject.function ? 'parameter' : subject.stylesheet ? 'custom property' : 'property'}: remove the row or fix the name`,
        });
  }
  for (const [page, { markers }] of pages)
    for (const [name, line] of markers)
      if (!subjects.some((subject) => subject.page === page && subjectName(subject) === name))
        problems.push({
          file: page,
          line,
          column: 1,
          message: `{/* reference: ${name} */} marks no subject of this page (scripts/docs/referenceSubjects.mjs)`,
        });
  return { names: count, problems };
}
