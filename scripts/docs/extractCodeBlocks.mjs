// Fenced code blocks of a Markdown or MDX document, with where they start, so a checker can point a
// reader at the line in the document (not in a generated file) that is wrong.

const OPENING = /^(?<indent>[ \t]*)(?<fence>`{3,}|~{3,})[ \t]*(?<info>.*)$/;

/**
 * @typedef {object} CodeBlock
 * @property {string} lang First word of the info string, lower-cased (`ts`, `tsx`, `sh`, or `''`).
 * @property {Set<string>} flags Bare words after the language (`ignore`, `continues`).
 * @property {Map<string, string>} attributes `key=value` words after the language (`file=app/page.tsx`).
 * @property {string} code The block's text, the fence's indentation removed (blocks inside list items).
 * @property {number} line 1-based line of the document where the code starts (the line after the fence).
 * @property {number} indent Columns removed from every line of `code`.
 */

/**
 * Splits an info string such as `tsx file=app/page.tsx continues` into its language, flags and
 * attributes. Values may be quoted: `file="app/(group)/page.tsx"`.
 * @param {string} info
 */
export function parseInfoString(info) {
  const words = info.match(/[^\s=]+(?:=(?:"[^"]*"|'[^']*'|\S*))?/g) ?? [];
  const [lang = '', ...rest] = words;
  const flags = new Set();
  const attributes = new Map();
  for (const word of rest) {
    const equals = word.indexOf('=');
    if (equals === -1) flags.add(word);
    else attributes.set(word.slice(0, equals), word.slice(equals + 1).replace(/^(["'])(.*)\1$/, '$2'));
  }
  return { lang: lang.toLowerCase(), flags, attributes };
}

/**
 * Every fenced code block of `text` (CommonMark fences: three or more backticks or tildes, closed by
 * the same character at least as many times). An unclosed fence runs to the end, as in CommonMark.
 * @param {string} text
 * @returns {CodeBlock[]}
 */
export function extractCodeBlocks(text) {
  const lines = text.split(/\r?\n/);
  /** @type {CodeBlock[]} */
  const blocks = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING.exec(lines[index] ?? '');
    if (!opening?.groups) continue;
    const { indent, fence, info } = opening.groups;
    // A backtick fence's info string may not contain a backtick (that is inline code, not a fence).
    if (fence.startsWith('`') && info.includes('`')) continue;
    const closing = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    const body = [];
    let end = index + 1;
    for (; end < lines.length && !closing.test(lines[end] ?? ''); end++) body.push(lines[end] ?? '');
    const width = indent.length;
    const code = body
      .map((line) => (line.slice(0, width).trim() === '' ? line.slice(width) : line.trimStart()))
      .join('\n');
    blocks.push({ ...parseInfoString(info), code, line: index + 2, indent: width });
    index = end;
  }
  return blocks;
}
