import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SANDBOX_CREDENTIALS, type Sandbox, startSandbox } from '@thryve-connect/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport, Finding } from './ConformanceReport.js';
import { conformanceBounds, SANDBOX_SESSION_TTL_MS } from './conformanceBounds.js';
import { CONTRACT_CHECKS } from './contractChecks.js';
import { formatFindings } from './formatFindings.js';
import { REUSE_MAX_REQUESTS } from './probeTokenReuse.js';
import { resolveConformanceTarget, type ThryveTarget } from './resolveConformanceTarget.js';
import { runConformance } from './runConformance.js';

// The contract suite. `pnpm test` runs it against a sandbox it starts (that is how the suite itself is
// proven); `pnpm test:conformance` with the THRYVE_* variables runs it against that Thryve, and
// `pnpm test:conformance --dry-run` prints every request without sending one.

const resultsDir = fileURLToPath(new URL('../../.test-results/', import.meta.url));
const { target, notice } = resolveConformanceTarget(process.env);
const dryRun = process.env.THRYVE_CONFORMANCE_DRY_RUN === '1';
const bounds = conformanceBounds(target.kind, process.env);
const live = target.kind === 'thryve';
if (notice) console.warn(`[conformance] ${notice}`);

function write(name: string, text: string): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}${name}`, text);
}

if (dryRun) {
  describe('conformance dry run', () => {
    it('prints every request it would make and sends none', async () => {
      // Without THRYVE_* the run would start a sandbox on a free port: shown as port 0.
      const thryve: ThryveTarget = live
        ? target.thryve
        : {
            hosts: { api: 'http://127.0.0.1:0', widget: 'http://127.0.0.1:0', direct: 'http://127.0.0.1:0' },
            credentials: DEFAULT_SANDBOX_CREDENTIALS,
          };
      const lines: string[] = [];
      const report = await runConformance({
        thryve,
        bounds,
        dryRun: { print: (line) => lines.push(line) },
        sandbox: live ? undefined : { url: thryve.hosts.api, sessionTtlMs: SANDBOX_SESSION_TTL_MS },
      });
      const text = [
        `Dry run: nothing was sent. Target: ${live ? `Thryve at ${thryve.hosts.api} (widget ${thryve.hosts.widget}, direct ${thryve.hosts.direct})` : 'the sandbox this run would start'}.`,
        `Run id ${report.runId}: every alias starts with tc-conformance-${report.runId}-.`,
        '',
        ...lines,
        '',
        formatFindings(report).split('\n').slice(-3).join('\n'),
      ].join('\n');
      write('conformance-dry-run.txt', `${text}\n`);
      console.log(text);
      expect(report.exchanges.length).toBeGreaterThan(0);
      expect(report.exchanges.every((exchange) => exchange.response === undefined)).toBe(true);
      for (const secret of Object.values(thryve.credentials)) expect(text).not.toContain(secret);
    });
  });
} else {
  describe(`Thryve conformance against ${live ? 'Thryve' : 'the sandbox'}`, () => {
    let sandbox: Sandbox | undefined;
    let report: ConformanceReport;
    const finding = (id: string): Finding => {
      const found = report.findings.find((candidate) => candidate.id === id);
      if (!found) throw new Error(`no finding ${id}`);
      return found;
    };

    beforeAll(
      async () => {
        let thryve: ThryveTarget;
        if (target.kind === 'thryve') thryve = target.thryve;
        else {
          sandbox = await startSandbox({ port: 0, sessionTtlMs: SANDBOX_SESSION_TTL_MS });
          thryve = { hosts: sandbox.hosts, credentials: DEFAULT_SANDBOX_CREDENTIALS };
        }
        report = await runConformance({
          thryve,
          bounds,
          sandbox: sandbox && { url: sandbox.url, sessionTtlMs: SANDBOX_SESSION_TTL_MS },
        });
        const table = formatFindings(report);
        write('conformance.json', `${JSON.stringify(report, null, 2)}\n`);
        write('conformance.txt', `${table}\n`);
        console.log(`${table}\nreport: .test-results/conformance.json`);
      },
      live ? bounds.lifetime.maxDurationMs + 10 * 60_000 : 60_000,
    );

    afterAll(async () => {
      await sandbox?.close();
    });

    for (const check of CONTRACT_CHECKS) {
      it(`${check.id}: ${check.expected}`, () => {
        const result = finding(check.id);
        expect(result.outcome, result.summary).toBe('pass');
      });
    }

    it('token-reuse: asks within its bound and, on the sandbox, finds tokens reusable and never superseded', () => {
      const result = finding('token-reuse');
      expect(result.outcome, result.summary).toBe('observed');
      expect(result.requests).toBeLessThanOrEqual(REUSE_MAX_REQUESTS);
      if (sandbox) {
        // The sandbox checks only a session's expiry: every reuse is accepted, and it can tell.
        expect(result.observed).toMatchObject({
          directAfterDirect: 'accepted',
          widgetAfterDirect: 'accepted',
          widgetAfterWidget: 'accepted',
          olderAfterNewer: 'accepted',
        });
      }
    });

    it('widget-messages: watches the widget in Chromium and, on the sandbox, sees no message at all', () => {
      const result = finding('widget-messages');
      expect(result.outcome, result.summary).toBe('observed');
      if (sandbox) {
        expect(result.observed).toMatchObject({
          loaded: true,
          messages: [],
          widgetDocument: { status: 200, xFrameOptions: null, frameAncestors: null },
          frame: { title: 'Connect your data sources' },
        });
        expect(Object.keys(result.observed.requestOrigins as object)).toEqual([sandbox.url]);
      }
    });

    it("token-lifetime: stays within its bounds and, on the sandbox, brackets the sandbox's configured lifetime on both pages", () => {
      const result = finding('token-lifetime');
      expect(result.outcome, result.summary).toBe('observed');
      expect(result.requests).toBeLessThanOrEqual(bounds.lifetime.maxRequests);
      if (sandbox) {
        const pages = result.observed.pages as Record<
          string,
          { observable: boolean; acceptedAtMs: number; refusedByMs: number | null }
        >;
        for (const kind of ['widget', 'direct']) {
          const page = pages[kind];
          expect(page?.observable, kind).toBe(true);
          // The sandbox clock has millisecond steps: a bracket may miss the TTL by 1 ms on either side.
          expect(page?.acceptedAtMs, kind).toBeLessThan(SANDBOX_SESSION_TTL_MS + 1);
          expect(page?.refusedByMs, kind).toBeGreaterThanOrEqual(SANDBOX_SESSION_TTL_MS - 1);
          // Narrowed: an eighth of the 1.6–3.2 s bracket, plus the time one ask takes on a busy machine.
          expect(
            (page?.refusedByMs ?? Number.POSITIVE_INFINITY) - (page?.acceptedAtMs ?? 0),
            kind,
          ).toBeLessThan(600);
        }
        expect(result.observed.lifetime).toMatchObject({ verdict: 'bracketed' });
        expect(result.observed.alias).toMatchObject({ sameUserLater: true });
      }
    });

    it('keeps every credential and token out of the report', () => {
      const json = JSON.stringify(report);
      if (sandbox) {
        for (const user of sandbox.state.users.values()) expect(json).not.toContain(user.endUserId);
        for (const secret of Object.values(DEFAULT_SANDBOX_CREDENTIALS)) expect(json).not.toContain(secret);
        // Sandbox session tokens look like Thryve's: 10 digits, X, 19 digits.
        expect(json).not.toMatch(/\d{10}X\d{19}/);
      } else if (target.kind === 'thryve') {
        for (const secret of Object.values(target.thryve.credentials)) expect(json).not.toContain(secret);
      }
      expect(json).toContain('<end-user token 1>');
      expect(json).toContain('Basic <redacted>');
    });

    it('lists what it leaves behind: only aliases it created, under its prefix', () => {
      expect(report.leftBehind.aliases.length).toBeGreaterThan(0);
      for (const alias of report.leftBehind.aliases) {
        expect(alias.startsWith(`tc-conformance-${report.runId}-`)).toBe(true);
      }
      if (sandbox) {
        const created = [...sandbox.state.users.values()].map((user) => user.alias).sort();
        expect(created).toEqual([...report.leftBehind.aliases].sort());
      }
    });
  });
}
