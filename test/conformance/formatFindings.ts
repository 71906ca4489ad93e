import type { ConformanceReport } from './ConformanceReport.js';
import { formatMs } from './formatMs.js';

const MARK: Record<string, string> = {
  pass: 'pass',
  fail: 'FAIL',
  observed: 'seen',
  error: 'ERROR',
  skipped: 'skip',
};

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The report as people read it: one row per finding, then the bounds and what was left behind. */
export function formatFindings(report: ConformanceReport): string {
  const target =
    report.target.kind === 'sandbox'
      ? `the sandbox at ${report.target.url} (sessions live ${formatMs(report.target.sessionTtlMs)}) — NOT Thryve`
      : `Thryve at ${report.target.hosts.api} (widget ${report.target.hosts.widget}, direct ${report.target.hosts.direct})`;
  const idWidth = Math.max(...report.findings.map((finding) => finding.id.length), 2);
  const out = [
    `Thryve conformance ${report.dryRun ? '(dry run) ' : ''}against ${target}`,
    `run ${report.runId}, ${report.startedAt}, ${formatMs(report.durationMs)}, ${report.exchanges.length} requests`,
    '',
    `  ${'kind'.padEnd(5)} ${'id'.padEnd(idWidth)} ${'result'.padEnd(6)} what was seen`,
  ];
  const indent = 2 + 5 + 1 + idWidth + 1 + 6 + 1;
  for (const finding of report.findings) {
    const [first = '', ...rest] = wrap(
      `${finding.summary} (${finding.requests} req, ${formatMs(finding.ms)})`,
      110 - indent,
    );
    out.push(
      `  ${finding.kind.padEnd(5)} ${finding.id.padEnd(idWidth)} ${(MARK[finding.outcome] ?? finding.outcome).padEnd(6)} ${first}`,
    );
    for (const line of rest) out.push(`${' '.repeat(indent)}${line}`);
  }
  const { lifetime, reuse, widgetMessages, checks } = report.bounds;
  out.push(
    '',
    `bounds: checks ≤ ${checks.maxRequests} requests; reuse ≤ ${reuse.maxRequests}; widget messages: 1 Chromium page load watched ${formatMs(widgetMessages.observeMs)};`,
    `        lifetime asks at ${lifetime.checkpointsMs.map(formatMs).join(', ')} then ${lifetime.refineSteps} narrowing steps, ≤ ${lifetime.maxRequests} requests, ≤ ${formatMs(2 * lifetime.ceilingMs)} of waiting`,
  );
  const { aliases, howToRemove } = report.leftBehind;
  out.push(
    report.dryRun
      ? `left behind: nothing (dry run); a real run leaves ${aliases.length} end users (${aliases.join(', ')}), no connections. ${howToRemove}`
      : `left behind: ${aliases.length} end users (${aliases.join(', ')}); no connections. ${howToRemove}`,
  );
  return out.join('\n');
}
