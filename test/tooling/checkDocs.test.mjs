import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocs } from '../../scripts/docs/checkDocs.mjs';

// The docs check runs tsc on a document's blocks and points at the document's own lines. These use
// Node's types only (not our dist/), so they need no build.
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = `.test-results/tooling-${process.pid}`;
let result;

const doc = [
  '# A guide', // 1
  '', // 2
  '```ts', // 3
  "import { join } from 'node:path';", // 4
  "const base = join('a', 'b');", // 5
  '```', // 6
  '', // 7
  '```ts continues', // 8
  "export const full = base + '/c';", // 9
  '```', // 10
  '', // 11
  '- A list item:', // 12
  '', // 13
  '  ```ts', // 14
  "  import { joinPaths } from 'node:path';", // 15  the documented name does not exist
  '  ```', // 16
  '', // 17
  '```ts ignore', // 18
  'this is not TypeScript at all', // 19
  '```', // 20
  '', // 21
  '```ts file=lib/answer.ts', // 22
  'export const answer: number = 42;', // 23
  '```', // 24
  '', // 25
  '```ts file=main.ts', // 26
  "import { answer } from './lib/answer';", // 27
  'const text: string = answer;', // 28  a number is not a string
  '```', // 29
  '', // 30
  '```ts ignored', // 31  a misspelt flag
  'const z = 1;', // 32
  '```', // 33
  '', // 34
  '```ts', // 35
  "import '@thryve-connect/react/style.css';", // 36  not an entry of the package
  '```', // 37
].join('\n');

beforeAll(() => {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, 'guide.md'), doc);
  result = checkDocs({
    root,
    docs: [`${dir}/guide.md`],
    outDir: join(root, dir, 'out'),
    // As the real check: a stylesheet import is then left to the checker's own resolution.
    preludes: [join(root, 'scripts/docs/readerApp.d.ts')],
  });
}, 60_000);

afterAll(() => rmSync(join(root, dir), { recursive: true, force: true }));

const at = (line) => result.problems.filter((problem) => problem.line === line);

describe('checkDocs', () => {
  it('fails on a documented name that does not exist, at its line and column in the document', () => {
    expect(at(15)).toEqual([
      expect.objectContaining({
        file: `${dir}/guide.md`,
        column: 12,
        message: expect.stringMatching(/^TS\d+: .*joinPaths/),
      }),
    ]);
  });

  it('gives a continuing block the names of the block before it, and reports nothing for either', () => {
    expect(at(5)).toEqual([]);
    expect(at(9)).toEqual([]);
  });

  it('lets blocks written as files import each other, and still checks their types', () => {
    expect(at(27)).toEqual([]);
    expect(at(28)).toEqual([expect.objectContaining({ message: expect.stringMatching(/^TS2322: /) })]);
  });

  it('skips a block marked ignore, and says so', () => {
    expect(at(19)).toEqual([]);
    expect(result.ignored).toEqual([`${dir}/guide.md:18`]);
  });

  it('refuses an unknown info-string word rather than guess what it meant', () => {
    expect(at(31)).toEqual([expect.objectContaining({ message: expect.stringContaining('ignored') })]);
  });

  it('resolves a stylesheet import through the package exports', () => {
    expect(at(36)).toEqual([expect.objectContaining({ message: expect.stringContaining('style.css') })]);
  });

  it('counts what it found', () => {
    expect(result.blocks).toBe(8);
    expect(result.checked).toBe(6);
    expect(result.problems).toHaveLength(4);
  });
});
