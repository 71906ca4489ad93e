import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the README', () => {
  it('shows the MSW example exactly as the test that runs it', () => {
    const example = read('./readme-example.test.tsx');
    expect(read('../README.md')).toContain(`\`\`\`tsx\n${example}\`\`\``);
  });
});
