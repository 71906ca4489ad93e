// Types of extractCodeBlocks.mjs for TypeScript callers (the Next.js guide test reads the guide's files).

export interface CodeBlock {
  /** First word of the info string, lower-cased (`ts`, `tsx`, `sh`, or `''`). */
  lang: string;
  /** Bare words after the language (`ignore`, `continues`). */
  flags: Set<string>;
  /** `key=value` words after the language (`file=app/page.tsx`). */
  attributes: Map<string, string>;
  /** The block's text, the fence's indentation removed. */
  code: string;
  /** 1-based line of the document where the code starts. */
  line: number;
  /** Columns removed from every line of `code`. */
  indent: number;
}

export function parseInfoString(info: string): Pick<CodeBlock, 'lang' | 'flags' | 'attributes'>;
export function extractCodeBlocks(text: string): CodeBlock[];
