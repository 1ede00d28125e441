// Release for krew (kubectl's plugin manager): packs the CLI with its production dependencies into
// one archive and writes the krew Plugin manifest that points at it.
//
//   node scripts/release-krew.mjs --url https://example.org/releases/v0.1.0/flannel-doctor-0.1.0-krew.tar.gz [--out release]
//
// The archive holds package/ (bin, dist, package.json, production node_modules) and a
// kubectl-flannel_doctor launcher; it needs Node.js 20+ on the PATH (krew installs no runtime).
// Writes <out>/flannel-doctor-<version>-krew.tar.gz and <out>/flannel-doctor.yaml (sha256 filled in).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const url = arg('--url');
const out = resolve(arg('--out') ?? join(root, 'release'));
if (!url) {
  process.stderr.write('usage: node scripts/release-krew.mjs --url <where the archive will be downloaded from> [--out DIR]\n');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stage = mkdtempSync(join(tmpdir(), 'fd-krew-'));
try {
  // npm pack runs prepack (the build) and applies the "files" list: what npm users get, nothing more.
  const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', stage], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['-xzf', join(stage, tgz), '-C', stage]);
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: join(stage, 'package'), stdio: 'inherit' });
  const launcher = join(stage, 'kubectl-flannel_doctor');
  writeFileSync(launcher, '#!/bin/sh\n# kubectl flannel-doctor: needs Node.js 20+ on the PATH\nexport FLANNEL_DOCTOR_CALLED_AS="kubectl flannel-doctor"\nexec "$(dirname "$0")/package/bin/flannel-doctor" "$@"\n');
  chmodSync(launcher, 0o755);
  mkdirSync(out, { recursive: true });
  const archive = join(out, `flannel-doctor-${pkg.version}-krew.tar.gz`);
  execFileSync('tar', ['-czf', archive, '-C', stage, 'package', 'kubectl-flannel_doctor']);
  const sha256 = createHash('sha256').update(readFileSync(archive)).digest('hex');
  writeFileSync(join(out, 'flannel-doctor.yaml'), manifest(pkg, url, sha256));
  process.stderr.write(`wrote ${archive} (sha256 ${sha256}) and ${join(out, 'flannel-doctor.yaml')}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

function manifest(pkg, uri, sha256) {
  const platform = (os) => `  - selector:
      matchLabels:
        os: ${os}
    uri: ${uri}
    sha256: ${sha256}
    bin: kubectl-flannel_doctor`;
  return `apiVersion: krew.googlecontainertools.github.com/v1alpha2
kind: Plugin
metadata:
  name: flannel-doctor
spec:
  version: v${pkg.version}
  homepage: https://github.com/flannel-doctor/flannel-doctor
  shortDescription: Root cause and fix when pods on flannel cannot pull, connect or resolve
  description: |
    ${pkg.description}
    Judges the live cluster, a saved bundle or a node; needs Node.js 20 or later on the PATH.
  caveats: |
    Needs Node.js 20+ (node on the PATH). Read access to nodes, pods and events is enough
    for \`kubectl flannel-doctor diagnose\`; node evidence comes from the agent (deploy/).
  platforms:
${['linux', 'darwin'].map(platform).join('\n')}
`;
}
