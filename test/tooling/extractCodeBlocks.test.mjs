import { describe, expect, it } from 'vitest';
import { extractCodeBlocks, parseInfoString } from '../../scripts/docs/extractCodeBlocks.mjs';

describe('extractCodeBlocks', () => {
  it('gives each block its language, flags, attributes and the document line its code starts on', () => {
    const doc = [
      '# Title', // 1
      '', // 2
      '```tsx file=app/page.tsx continues', // 3
      'export default function Page() {}', // 4
      '```', // 5
      '```sh', // 6
      'pnpm test', // 7
      '```', // 8
    ].join('\n');
    const [tsx, sh] = extractCodeBlocks(doc);
    expect(tsx?.lang).toBe('tsx');
    expect([...(tsx?.flags ?? [])]).toEqual(['continues']);
    expect(tsx?.attributes.get('file')).toBe('app/page.tsx');
    expect(tsx?.line).toBe(4);
    expect(tsx?.code).toBe('export default function Page() {}');
    expect(sh).toMatchObject({ lang: 'sh', code: 'pnpm test', line: 7 });
  });

  it('removes the indentation of a block inside a list item, and remembers it for columns', () => {
    const doc = ['- Texts:', '', '  ```ts', '  const a = 1;', '    const b = 2;', '  ```'].join('\n');
    expect(extractCodeBlocks(doc)).toEqual([
      expect.objectContaining({ code: 'const a = 1;\n  const b = 2;', line: 4, indent: 2 }),
    ]);
  });

  it('keeps a shorter fence inside a longer one as code, and tilde fences apart from backtick ones', () => {
    const doc = ['````md', '```ts', 'x', '```', '````', '~~~ts', 'const y = 1;', '~~~'].join('\n');
    const blocks = extractCodeBlocks(doc);
    expect(blocks.map((block) => block.lang)).toEqual(['md', 'ts']);
    expect(blocks[0]?.code).toBe('```ts\nx\n```');
    expect(blocks[1]?.code).toBe('const y = 1;');
  });

  it('reads quoted attribute values and lower-cases the language', () => {
    const info = parseInfoString('TSX file="app/(shop)/page.tsx" ignore');
    expect(info.lang).toBe('tsx');
    expect(info.attributes.get('file')).toBe('app/(shop)/page.tsx');
    expect([...info.flags]).toEqual(['ignore']);
  });
});
