/**
 * Builds the agent image (scripts/image/agent-image.ts) as an OCI layout and, with --push, copies it
 * to a registry with skopeo. Prints the reference, the manifest digest and the sizes.
 *
 *   npx tsx scripts/image/build.ts [--out build/image] [--tag 0.1.0] [--report deploy/image/build-report.json]
 *                                  [--push docker://REGISTRY/REPO:TAG] [--dest-tls-verify=false]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { IMAGE_REPO, ROOT, buildAgentImage, packageVersion } from './agent-image.js';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i !== -1) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(name + '='));
  return eq?.slice(name.length + 1);
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

async function main(): Promise<void> {
  const tag = flag('--tag') ?? packageVersion();
  const out = path.resolve(flag('--out') ?? path.join(ROOT, 'build/image'));
  const t0 = Date.now();
  const img = await buildAgentImage(out, { tag });
  console.log(`image    ${IMAGE_REPO}:${tag}`);
  console.log(`layout   oci:${out}:${tag}`);
  console.log(`digest   ${img.digest}`);
  console.log(`size     ${mb(img.layerBytes)} compressed (layers), ${mb(img.tarBytes)} of files`);
  console.log(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const report = flag('--report');
  if (report) {
    let commit = 'unknown';
    try {
      commit = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      // not a git checkout: the report says so
    }
    // the digest holds for this commit, this Node.js and these Debian packages only
    const r = { image: `${IMAGE_REPO}:${tag}`, sourceCommit: commit, digest: img.digest, compressedBytes: img.layerBytes, fileBytes: img.tarBytes, nodejs: process.version, builtOn: `${process.platform}/${process.arch}` };
    fs.writeFileSync(report, JSON.stringify(r, null, 2) + '\n');
  }
  const push = flag('--push');
  if (push) {
    const tls = flag('--dest-tls-verify') ?? 'true';
    execFileSync('skopeo', ['copy', '--quiet', `--dest-tls-verify=${tls}`, `oci:${out}:${tag}`, push], { stdio: 'inherit' });
    console.log(`pushed   ${push.replace(/^docker:\/\//, '')}@${img.digest}`);
  }
}

main().catch((e) => {
  console.error(`build-image: ${(e as Error).message}`);
  process.exit(2);
});
