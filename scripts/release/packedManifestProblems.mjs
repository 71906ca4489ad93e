// What would be wrong with a packed tarball if it were published: read from the tarball itself (its
// package.json and file list), not from the workspace, because packing is where `workspace:` ranges
// become real ones and where `files` decides what ships.

const LOCAL_PROTOCOL = /^(workspace|catalog|link|file|portal):/;
const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'];

/**
 * Every target path of an `exports` or `bin` value (strings, nested conditions, subpaths).
 * @param {unknown} value
 * @returns {string[]}
 */
function targets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

/**
 * @param {object} packed
 * @param {Record<string, any>} packed.manifest the tarball's `package/package.json`
 * @param {string[]} packed.files paths inside `package/`, e.g. `dist/index.js`
 * @param {string} packed.changelog the tarball's `CHANGELOG.md` ('' when absent)
 * @param {object} release
 * @param {string} release.version the one version every package of the fixed group is released at
 * @param {string} release.scope internal packages start with it, e.g. `@thryve-connect/`
 * @returns {string[]} one readable sentence per problem; empty when the tarball may be published
 */
export function packedManifestProblems({ manifest, files, changelog }, { version, scope }) {
  const problems = [];
  const name = manifest.name ?? '(no name)';
  if (manifest.version !== version)
    problems.push(`${name} is at ${manifest.version}, the release at ${version} (the four ship together)`);
  for (const field of DEPENDENCY_FIELDS) {
    for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
      if (LOCAL_PROTOCOL.test(String(range))) {
        problems.push(`${name} ${field}.${dependency} is "${range}": a tarball needs a real version range`);
      } else if (
        field !== 'devDependencies' &&
        dependency.startsWith(scope) &&
        ![version, `^${version}`, `~${version}`].includes(String(range))
      ) {
        problems.push(`${name} ${field}.${dependency} is "${range}", not the released ${version}`);
      }
    }
  }
  if (manifest.publishConfig?.access !== 'public')
    problems.push(`${name} publishConfig.access is not "public" (a scoped package is private by default)`);
  if (manifest.publishConfig?.provenance !== true)
    problems.push(`${name} publishConfig.provenance is not true`);
  const shipped = new Set(files);
  for (const required of ['package.json', 'README.md', 'CHANGELOG.md']) {
    if (!shipped.has(required)) problems.push(`${name} does not ship ${required}`);
  }
  if (
    shipped.has('CHANGELOG.md') &&
    !new RegExp(`^## ${version.replaceAll('.', '\\.')}\\s*$`, 'm').test(changelog)
  )
    problems.push(`${name} CHANGELOG.md has no "## ${version}" section (run pnpm changeset version)`);
  for (const target of [...targets(manifest.exports), ...targets(manifest.bin)]) {
    const path = target.replace(/^\.\//, '');
    if (!path.includes('*') && !shipped.has(path))
      problems.push(`${name} points at ${target}, which is not packed`);
  }
  return problems;
}
