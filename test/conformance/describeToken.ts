/**
 * A token's shape without its value: `[0-9a-f]{32}` for a hex token, runs of character classes
 * otherwise (`[0-9]{10}X[0-9]{19}` for Thryve's documented session token example).
 */
export function describeToken(token: string): string {
  if (/^[0-9a-f]+$/.test(token)) return `[0-9a-f]{${token.length}}`;
  const classOf = (char: string): string => {
    if (/[0-9]/.test(char)) return '[0-9]';
    if (char === 'X') return 'X';
    if (/[a-z]/.test(char)) return '[a-z]';
    if (/[A-Z]/.test(char)) return '[A-Z]';
    return `\\${char}`;
  };
  const runs: Array<{ cls: string; count: number }> = [];
  for (const char of token) {
    const cls = classOf(char);
    const last = runs[runs.length - 1];
    if (last && last.cls === cls) last.count += 1;
    else runs.push({ cls, count: 1 });
  }
  return runs.map(({ cls, count }) => (count === 1 ? cls : `${cls}{${count}}`)).join('');
}
