#!/usr/bin/env node
// `pnpm mutation`: Stryker over core and server (not in CI, not in `pnpm test`: about 25 minutes on a
// 2-core machine), then each file's score from Stryker's JSON report, twice: every mutant, and with
// development-only message text aside.
//
// "Message text aside" leaves out one kind of mutant only: a StringLiteral mutant (a string emptied or
// replaced) inside the `? … :` branch of `process.env.NODE_ENV !== 'production'`, i.e. the text of an
// explanation that production builds drop. Those branches are found in the source Stryker reports
// (no `// Stryker disable` comments in src); the condition itself and every other mutant still count.
//
//   pnpm mutation                      both packages
//   pnpm mutation core                 one package
//   pnpm mutation server --mutate packages/server/src/toNodeHandler.ts   one file (fast iteration)
//   pnpm mutation --report-only        recompute the tables from the last reports
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const reportOnly = args.includes('--report-only');
const packages = ['core', 'server'].filter((name) => args.includes(name));
if (packages.length === 0) packages.push('core', 'server');
const passthrough = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--mutate') passthrough.push('--mutate', args[++i]);
}
mkdirSync('.test-results/mutation', { recursive: true });

// The development-only condition: `IS_DEVELOPMENT` (`#is-development`) in core, NODE_ENV in server.
const DEV_CONDITIONS = ['IS_DEVELOPMENT', "process.env.NODE_ENV !== 'production'"];

/** Offsets [start, end) of every `? …` branch that follows the development condition. */
function devBranches(source) {
  return DEV_CONDITIONS.flatMap((condition) => devBranchesOf(source, condition));
}

function devBranchesOf(source, DEV_CONDITION) {
  const ranges = [];
  let from = 0;
  for (;;) {
    const at = source.indexOf(DEV_CONDITION, from);
    if (at < 0) return ranges;
    from = at + DEV_CONDITION.length;
    let i = from;
    while (/\s/.test(source[i] ?? '')) i++;
    if (source[i] !== '?') continue;
    const start = i + 1;
    let depth = 0;
    const stack = [];
    for (i = start; i < source.length; i++) {
      const c = source[i];
      const quote = stack.at(-1);
      if (quote === '`') {
        if (c === '\\') i++;
        else if (c === '`') stack.pop();
        else if (c === '$' && source[i + 1] === '{') {
          stack.push('${');
          i++;
        }
        continue;
      }
      if (quote === "'" || quote === '"') {
        if (c === '\\') i++;
        else if (c === quote) stack.pop();
        continue;
      }
      if (c === "'" || c === '"' || c === '`') stack.push(c);
      else if (c === '{' && quote === '${') depth++;
      else if (c === '}' && quote === '${') {
        if (depth === 0) stack.pop();
        else depth--;
      } else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth--;
      else if (c === ':' && depth === 0 && stack.length === 0) break;
    }
    ranges.push([start, i]);
  }
}

function offsetOf(source, { line, column }) {
  let offset = 0;
  for (let n = 1; n < line; n++) offset = source.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function summarize(name) {
  const path = `.test-results/mutation/${name}.json`;
  if (!existsSync(path)) {
    console.error(`No report at ${path}.`);
    return undefined;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const rows = [];
  const survivors = [];
  const total = { all: [0, 0], aside: [0, 0] };
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const ranges = devBranches(source);
    const counts = { all: [0, 0], aside: [0, 0] };
    for (const mutant of mutants) {
      const detected = DETECTED.has(mutant.status);
      if (!detected && !UNDETECTED.has(mutant.status)) continue; // compile errors, ignored
      const at = offsetOf(source, mutant.location.start);
      const message = mutant.mutatorName === 'StringLiteral' && ranges.some(([s, e]) => at >= s && at < e);
      counts.all[detected ? 0 : 1]++;
      if (!message) counts.aside[detected ? 0 : 1]++;
      if (!detected && !message) {
        survivors.push(
          `${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.status} ${mutant.mutatorName} ${JSON.stringify(mutant.replacement ?? '').slice(0, 80)}`,
        );
      }
    }
    const score = ([k, s]) => (k + s === 0 ? 'n/a' : `${((100 * k) / (k + s)).toFixed(1)}%`);
    rows.push({
      file: file.replace(/^packages\//, ''),
      mutants: counts.all[0] + counts.all[1],
      killed: counts.all[0],
      score: score(counts.all),
      'message text aside': score(counts.aside),
      'undetected (aside)': counts.aside[1],
    });
    for (const key of ['all', 'aside']) {
      total[key][0] += counts[key][0];
      total[key][1] += counts[key][1];
    }
  }
  const pct = ([k, s]) => `${((100 * k) / (k + s)).toFixed(1)}%`;
  rows.push({
    file: `${name} (all files)`,
    mutants: total.all[0] + total.all[1],
    killed: total.all[0],
    score: pct(total.all),
    'message text aside': pct(total.aside),
    'undetected (aside)': total.aside[1],
  });
  writeFileSync(`.test-results/mutation/${name}-survivors.txt`, `${survivors.join('\n')}\n`);
  return rows;
}

let failed = false;
for (const name of packages) {
  if (!reportOnly) {
    const { status } = spawnSync(
      'pnpm',
      ['exec', 'stryker', 'run', `stryker/${name}.config.mjs`, ...passthrough],
      { stdio: 'inherit' },
    );
    if (status !== 0) failed = true;
  }
  const rows = summarize(name);
  if (rows) {
    console.log(`\n━━ mutation score: ${name} (survivors: .test-results/mutation/${name}-survivors.txt)`);
    console.table(rows);
  }
}
process.exit(failed ? 1 : 0);
