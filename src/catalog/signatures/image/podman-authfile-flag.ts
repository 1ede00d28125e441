import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * podman's own check of --authfile (read from a real run of Debian's podman 4.3 pull): buildah wraps the same check
 * ("checking authfile: stat …"), podman returns the bare os.Stat error.
 */
export const PODMAN_AUTHFILE_FLAG_SIGNATURES: Signature[] = [
  sig({
    id: 'podman.authfile-flag-stat',
    cause: 'image.auth-missing',
    // podman pull/push/login/run --authfile <file> (or REGISTRY_AUTH_FILE) stats the file before anything else and
    // prints only the stat error: the credentials it was told to use do not exist. The JSON file stands for the auth
    // file; other podman flags that take a .json path (--seccomp-policy, --signature-policy) fail on open, not stat.
    re: /^(Error: )?stat \/\S+\.json: (no|<redacted>) such file or directory\s*$/m,
    anchors: ['such file or directory'],
    confidence: 0.55,
    specificity: 60,
    check: 'the --authfile path or REGISTRY_AUTH_FILE of the command (env | grep REGISTRY_AUTH_FILE): ls -l <path>; podman login --authfile <path> <registry> writes it, or drop the flag to use ${XDG_RUNTIME_DIR}/containers/auth.json',
    source: 'podman cmd/podman common auth flag check (os.Stat of --authfile, the error returned unwrapped)',
    samples: [
      'Error: stat /var/tmp/nope.json: no such file or directory',
      'Error: stat /home/ci/.docker/ci-auth.json: no such file or directory',
    ],
    counterSamples: [
      'Error: stat /etc/cni/net.d/10-flannel.conflist: no such file or directory',
      'Error: checking authfile: stat /run/user/1000/containers/auth.json: no such file or directory',
    ],
  }),
];
