import { DEFAULT_SANDBOX_CREDENTIALS, type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport } from './ConformanceReport.js';
import { CHECKS_MAX_REQUESTS, conformanceBounds } from './conformanceBounds.js';
import { REUSE_MAX_REQUESTS } from './probeTokenReuse.js';
import { runConformance } from './runConformance.js';

// The dry run is what a team reads before it lets the suite loose on its Thryve account: it must
// send nothing, hide every secret, and list the whole course (every request the real run may send).

let sandbox: Sandbox;
let report: ConformanceReport;
let printed: string;

beforeAll(async () => {
  // A real sandbox, only to prove that not one request reaches it.
  sandbox = await startSandbox({ port: 0 });
  const lines: string[] = [];
  report = await runConformance({
    thryve: { hosts: sandbox.hosts, credentials: DEFAULT_SANDBOX_CREDENTIALS },
    bounds: conformanceBounds('thryve'),
    dryRun: { print: (line) => lines.push(line) },
    launchBrowser: () => Promise.reject(new Error('a dry run must not start Chromium')),
  });
  printed = lines.join('\n');
});

afterAll(async () => {
  await sandbox?.close();
});

describe('pnpm test:conformance --dry-run', () => {
  it('sends no request at all, nor starts Chromium', () => {
    expect(sandbox.state.requests).toEqual([]);
    expect(report.exchanges.every((exchange) => exchange.response === undefined)).toBe(true);
    expect(report.findings.map((finding) => [finding.id, finding.outcome])).toEqual(
      report.findings.map((finding) => [finding.id, 'skipped']),
    );
  });

  it('prints method, URL, headers and body of every request, with both Basic headers redacted', () => {
    expect(printed.match(/^ *\d+\. /gm)).toHaveLength(report.exchanges.length);
    expect(printed).toContain(`POST ${sandbox.url}/v5/accessToken`);
    expect(printed).toContain(`POST ${sandbox.url}/widget/v6/connection`);
    expect(printed).toContain(`POST ${sandbox.url}/v5/userInformation`);
    expect(printed).toContain(`GET ${sandbox.url}/dataSourceDirectConnection.html?token=<session token`);
    expect(printed).toContain(`GET ${sandbox.url}/dataSourceDirectRevoke.html?token=<session token`);
    expect(printed).toContain(`CHROMIUM GET ${sandbox.url}/?connectionSessionToken=<session token`);
    expect(printed).toContain('Authorization: Basic <redacted>');
    expect(printed).toContain('AppAuthorization: Basic <redacted>');
    expect(printed).toContain(`body: partnerUserID=tc-conformance-${report.runId}-user`);
    for (const secret of Object.values(DEFAULT_SANDBOX_CREDENTIALS)) expect(printed).not.toContain(secret);
    const basic = Buffer.from(
      `${DEFAULT_SANDBOX_CREDENTIALS.username}:${DEFAULT_SANDBOX_CREDENTIALS.password}`,
    );
    expect(printed).not.toContain(basic.toString('base64'));
  });

  it('walks the longest course: every check, every probe step up to the ceiling, each within its stated bound', () => {
    const count = (id: string) => report.findings.find((finding) => finding.id === id)?.requests;
    const checks = report.findings.filter((finding) => finding.kind === 'check');
    expect(checks.reduce((sum, finding) => sum + finding.requests, 0)).toBe(CHECKS_MAX_REQUESTS);
    expect(count('token-reuse')).toBe(REUSE_MAX_REQUESTS);
    const { lifetime } = report.bounds;
    // Never refused in a dry run: both pages asked at every checkpoint, the narrowing only announced.
    expect(count('token-lifetime')).toBe(2 + 4 + 2 * lifetime.checkpointsMs.length + 1);
    expect(count('token-lifetime')).toBeLessThanOrEqual(lifetime.maxRequests);
    expect(printed).toContain('waits 8 min, until the token is 16 min old');
    expect(printed).toContain('until the token is 20 min old');
  });
});
