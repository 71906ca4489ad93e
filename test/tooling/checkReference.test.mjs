import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReference, readReferenceTables } from '../../scripts/docs/checkReference.mjs';
import { REFERENCE_SUBJECTS } from '../../scripts/docs/referenceSubjects.mjs';

// The reference check reads the names from declarations with the TypeScript API and the rows from the
// pages. Here the declarations are a fixture, so these need no build; the last test reads the real
// dist/ and the real pages, and skips without a build unless `pnpm test` asked for one.
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = `.test-results/tooling-reference-${process.pid}`;

const declarations = `
interface Base { userKey: string | null; children?: unknown }
export type ProviderProps = Base & ({ fetcher: () => void; client?: undefined } | { client: object; fetcher?: undefined });
export interface ListOptions { include?: readonly number[] }
export interface PickerProps extends ListOptions { label?: string; onPicked?: (id: number) => void }
export type AppEvent = { type: 'OPENED'; at: number } | { type: 'CLOSED' };
export declare function usePrefetch(locale?: string): () => void;
`;

const page = [
  '# Fixture reference', // 1
  '', // 2
  '{/* reference: ProviderProps */}', // 3
  '| prop | meaning |', // 4
  '| --- | --- |', // 5
  '| `userKey` | who |', // 6
  '| `children` | what |', // 7
  '', // 8
  'Props of the second member, in a table of their own:', // 9
  '', // 10
  '{/* reference: ProviderProps */}', // 11
  '| prop | meaning |', // 12
  '| --- | --- |', // 13
  '| `fetcher` | how |', // 14
  '| `client` | or this |', // 15
  '', // 16
  '{/* reference: PickerProps */}', // 17
  '| prop | meaning |', // 18
  '| --- | --- |', // 19
  '| `label` | its name |', // 20
  '| `gone` | a prop that was removed |', // 21  stale
  '', // 22  `include` (inherited) and `onPicked` have no row
  '| `include` | a row of no marked table |', // 23  after a blank line: not the marked table
  '', // 24
  '{/* reference: AppEvent.type */}', // 25
  '| `type` | when |', // 26
  '| --- | --- |', // 27
  '| `OPENED` | opened |', // 28  `CLOSED` has no row
  '', // 29
  '{/* reference: usePrefetch */}', // 30
  '| parameter | meaning |', // 31
  '| --- | --- |', // 32
  '| `locale` | its language |', // 33
  '', // 34
  '{/* reference: Misspelt */}', // 35
  '| prop | meaning |', // 36
  '| --- | --- |', // 37
  '', // 38
  '{/* reference: fixture.css */}', // 39
  '| property | used for |', // 40
  '| --- | --- |', // 41
  '| `--thryve-text` | text |', // 42  `--thryve-accent` has no row
  '| `--thryve-old` | gone |', // 43  stale
].join('\n');

const stylesheet = `.root { color: var(--thryve-text, #000); background: var( --thryve-accent); --tc-gap: 1px; }`;

const module = join(root, dir, 'fixture');
const fixturePage = `${dir}/Reference.mdx`;
const subjects = [
  { page: fixturePage, module, type: 'ProviderProps' },
  { page: fixturePage, module, type: 'PickerProps' },
  { page: fixturePage, module, type: 'AppEvent', discriminant: 'type' },
  { page: fixturePage, module, function: 'usePrefetch' },
  { page: `${dir}/Missing.mdx`, module, type: 'ListOptions' },
  { page: fixturePage, module, type: 'NotExported' },
  { page: fixturePage, stylesheet: `${dir}/fixture.css` },
];
let result;

beforeAll(() => {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(`${module}.d.ts`, declarations);
  writeFileSync(join(root, fixturePage), page);
  writeFileSync(join(root, dir, 'fixture.css'), stylesheet);
  result = checkReference({ root, subjects, outDir: join(root, dir, 'out') });
}, 60_000);

afterAll(() => rmSync(join(root, dir), { recursive: true, force: true }));

const messages = (line) =>
  result.problems.filter((problem) => problem.line === line).map((problem) => problem.message);

describe('checkReference', () => {
  it('fails for a prop with no row, naming the prop, the type and the page', () => {
    const onPicked = result.problems.filter((problem) => problem.message.includes('`onPicked`'));
    expect(onPicked).toEqual([
      {
        file: fixturePage,
        line: 17,
        column: 1,
        message: expect.stringMatching(/^PickerProps has `onPicked`, which has no row: add \| `onPicked` \|/),
      },
    ]);
  });

  it('counts an inherited prop, and only rows of the marked table', () => {
    expect(messages(17)).toEqual([
      expect.stringContaining('`onPicked`, which has no row'),
      expect.stringContaining('`include`, which has no row'),
    ]);
  });

  it('takes every member of a union, documented across several marked tables', () => {
    expect(result.problems.filter((problem) => problem.message.includes('ProviderProps'))).toEqual([]);
  });

  it('fails for a row whose prop no longer exists, at its line', () => {
    expect(messages(21)).toEqual([
      expect.stringMatching(/^`gone` is documented, but PickerProps has no such/),
    ]);
  });

  it("checks a union's discriminant values and a function's parameters", () => {
    expect(messages(25)).toEqual([expect.stringContaining('`CLOSED`')]);
    expect(messages(30)).toEqual([]);
  });

  it('checks the custom properties a stylesheet reads', () => {
    expect(messages(39)).toEqual([expect.stringContaining('`--thryve-accent`, which has no row')]);
    expect(messages(43)).toEqual([expect.stringContaining('no such custom property')]);
  });

  it('fails for a marker of no subject, a missing page and a type the module does not export', () => {
    expect(messages(35)).toEqual([expect.stringContaining('Misspelt')]);
    expect(messages(1)).toEqual([
      expect.stringContaining(`no such page: it documents ListOptions`),
      expect.stringContaining('exports no `NotExported`'),
    ]);
  });

  it('counts the names it read', () => {
    // ProviderProps 4, PickerProps 3, AppEvent 2, usePrefetch 1, ListOptions 1 (its page is missing),
    // the stylesheet 2.
    expect(result.names).toBe(13);
    expect(result.problems).toHaveLength(9);
  });
});

describe('readReferenceTables', () => {
  it('reads the first backticked name of each row after a marker, skipping the header', () => {
    const { tables, markers } = readReferenceTables(page);
    expect([...(tables.get('PickerProps')?.keys() ?? [])]).toEqual(['label', 'gone']);
    expect(tables.get('AppEvent.type')).toEqual(new Map([['OPENED', 28]]));
    expect(markers.get('ProviderProps')).toBe(3);
  });
});

const built = existsSync(join(root, 'packages/react/dist/index.d.ts'));
if (!built && process.env.THRYVE_REQUIRE_DIST === '1')
  throw new Error('packages/react/dist is missing: run pnpm -r build.');

describe.skipIf(!built)('the real reference pages, against the built packages', () => {
  it('document every prop, option, event and custom property, and nothing that is gone', () => {
    const real = checkReference({
      root,
      subjects: REFERENCE_SUBJECTS,
      outDir: join(root, dir, 'real'),
    });
    expect(real.problems).toEqual([]);
    expect(real.names).toBeGreaterThan(60);
  }, 60_000);
});
