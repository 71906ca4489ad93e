import { describe, expect, it } from 'vitest';
import { packedManifestProblems } from '../../scripts/release/packedManifestProblems.mjs';

const release = { version: '1.2.0', scope: '@thryve-connect/' };
const fit = () => ({
  manifest: {
    name: '@thryve-connect/react',
    version: '1.2.0',
    exports: {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './styles.css': './dist/styles.css',
    },
    publishConfig: { access: 'public', provenance: true },
    dependencies: { '@thryve-connect/core': '^1.2.0' },
    peerDependencies: { react: '^18.2.0 || ^19.0.0' },
  },
  files: ['package.json', 'README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts', 'dist/styles.css'],
  changelog: '# @thryve-connect/react\n\n## 1.2.0\n\n### Minor Changes\n',
});

describe('packedManifestProblems', () => {
  it('passes a tarball that may be published', () => {
    expect(packedManifestProblems(fit(), release)).toEqual([]);
  });

  it('refuses a workspace range that packing left in place', () => {
    const packed = fit();
    packed.manifest.dependencies['@thryve-connect/core'] = 'workspace:^';
    expect(packedManifestProblems(packed, release)).toEqual([
      expect.stringContaining('dependencies.@thryve-connect/core is "workspace:^"'),
    ]);
  });

  it('refuses an internal range that is not the released version, and a package at another version', () => {
    const packed = fit();
    packed.manifest.version = '1.1.0';
    packed.manifest.dependencies['@thryve-connect/core'] = '^1.1.0';
    expect(packedManifestProblems(packed, release)).toEqual([
      expect.stringContaining('is at 1.1.0'),
      expect.stringContaining('not the released 1.2.0'),
    ]);
  });

  it('refuses a tarball without provenance or public access', () => {
    const packed = fit();
    packed.manifest.publishConfig = { access: 'restricted' };
    expect(packedManifestProblems(packed, release)).toEqual([
      expect.stringContaining('access is not "public"'),
      expect.stringContaining('provenance is not true'),
    ]);
  });

  it('refuses a changelog without this version, and an export that was not packed', () => {
    const packed = fit();
    packed.changelog = '# @thryve-connect/react\n\n## 1.1.0\n';
    packed.files = packed.files.filter((file) => file !== 'dist/styles.css');
    expect(packedManifestProblems(packed, release)).toEqual([
      expect.stringContaining('no "## 1.2.0" section'),
      expect.stringContaining('./dist/styles.css, which is not packed'),
    ]);
  });
});
