#!/usr/bin/env node
// `pnpm release`: publishes the four packages at their (shared) version, the way `.ci/run` rehearses it:
//   1. build every package;
//   2. check them: publint, attw, size budgets;
//   3. pack each one and read the tarball: real version ranges (no `workspace:`), one version for all,
//      publishConfig (public, provenance), README and a CHANGELOG section for this version, every
//      `exports`/`bin` target packed;
//   4. publish with Changesets (`changeset publish`: `pnpm publish` per package not yet on the
//      registry, then a git tag each; push them with `git push --follow-tags`).
// `pnpm release --dry-run` does all of it but the upload (`pnpm publish -r --dry-run`): no registry
// credentials, no tags. Versions and changelogs come before, from `pnpm changeset version`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packedManifestProblems } from './release/packedManifestProblems.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const unknown = args.filter((arg) => arg !== '--dry-run');
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(' ')}\nUsage: pnpm release [--dry-run]`);
  process.exit(2);
}
const label = dryRun ? 'release (dry run)' : 'release';

function stop(reason) {
  console.error(`\n✗ ${label} stopped: ${reason}`);
  process.exit(1);
}

function step(name, command, commandArgs) {
  console.log(`\n━━ ${label}: ${name}: ${command} ${commandArgs.join(' ')}`);
  const { status } = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (status !== 0) stop(`${name} failed`);
}

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => manifest.private !== true);
const versions = new Set(packages.map(({ manifest }) => manifest.version));
if (versions.size !== 1)
  stop(
    `the packages are released together, at one version; found ${packages.map(({ manifest }) => `${manifest.name}@${manifest.version}`).join(', ')}`,
  );
const [version = ''] = versions;
console.log(`${label}: ${packages.map(({ manifest }) => manifest.name).join(', ')} at ${version}`);

// A changeset not yet applied means the versions and changelogs above are not the ones to publish.
const pending = readdirSync(join(root, '.changeset')).filter(
  (file) => file.endsWith('.md') && file !== 'README.md',
);
if (pending.length > 0) {
  const advice = `${pending.length} changeset(s) not applied yet (${pending.join(', ')}): run pnpm changeset version and commit it first`;
  if (dryRun) console.warn(`note: ${advice}`);
  else stop(advice);
}

step('build', 'pnpm', ['-r', 'build']);
step('publint', 'pnpm', ['-r', '--workspace-concurrency=1', 'publint']);
step('attw', 'pnpm', ['-r', '--workspace-concurrency=1', 'attw']);
step('size budgets', 'pnpm', ['exec', 'size-limit']);

console.log(`\n━━ ${label}: the packed tarballs`);
const work = mkdtempSync(join(tmpdir(), 'thryve-release-'));
const problems = [];
try {
  for (const { dir, manifest } of packages) {
    const out = join(work, manifest.name.replace(/[@/]/g, '_'));
    const packed = spawnSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, encoding: 'utf8' });
    const tarball = existsSync(out) ? readdirSync(out).find((file) => file.endsWith('.tgz')) : undefined;
    if (packed.status !== 0 || !tarball) stop(`pnpm pack failed for ${manifest.name}:\n${packed.stderr}`);
    const untar = spawnSync('tar', ['-xzf', join(out, tarball), '-C', out], { encoding: 'utf8' });
    if (untar.status !== 0) stop(`could not read ${tarball}: ${untar.stderr}`);
    const contents = join(out, 'package');
    const files = readdirSync(contents, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(contents.length + 1));
    const changelogPath = join(contents, 'CHANGELOG.md');
    const found = packedManifestProblems(
      {
        manifest: JSON.parse(readFileSync(join(contents, 'package.json'), 'utf8')),
        files,
        changelog: existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '',
      },
      { version, scope: '@thryve-connect/' },
    );
    problems.push(...found);
    console.log(`${found.length === 0 ? '✓' : '✗'} ${tarball} (${files.length} files)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
// npm checks a provenance statement against `repository.url`: without it the upload is refused.
const unlinked = packages.filter(({ manifest }) => !manifest.repository).map(({ manifest }) => manifest.name);
if (unlinked.length > 0) {
  const missing = `no "repository" field, which provenance needs, in ${unlinked.join(', ')}`;
  if (dryRun) console.warn(`note: ${missing}`);
  else problems.push(missing);
}
if (problems.length > 0) stop(`the tarballs are not fit to publish:\n  ${problems.join('\n  ')}`);

if (dryRun) {
  step('publish (dry run)', 'pnpm', ['publish', '-r', '--dry-run', '--no-git-checks']);
} else {
  step('publish', 'pnpm', ['exec', 'changeset', 'publish']);
  console.log('\nPublished. Push the tags it made: git push --follow-tags');
}
console.log(`\n✓ ${label}: ${packages.length} packages at ${version}`);
