import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * containers/common's pkg/auth (podman, buildah and skopeo login/logout) about the auth file it is pointed at: the
 * credentials it would send are not there, so pulls from that registry go anonymous.
 */
export const PODMAN_AUTH_FILE_SIGNATURES: Signature[] = [
  sig({
    id: 'podman.auth-file-absent',
    cause: 'image.auth-missing',
    // --authfile / REGISTRY_AUTH_FILE names a file that does not exist: there are no credentials to send. (Secret
    // redaction reads the word after "auth.json:" as a value: "<redacted> such file".)
    re: /credential file is not accessible: [^\n]{0,200}?(no|<redacted>) such file or directory/,
    anchors: ['credential file is not accessible'],
    confidence: 0.8,
    specificity: 90,
    check: 'podman login --get-login <registry> and the auth file in use (--authfile, REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json, ~/.config/containers/auth.json, ~/.docker/config.json; CRI-O: global_auth_file or /var/lib/kubelet/config.json): the file must exist and hold an entry for that registry',
    source: 'containers/common pkg/auth CheckAuthFile ("credential file is not accessible: %w")',
    samples: [
      'Error: credential file is not accessible: stat /home/dev/.config/containers/auth.json: no such file or directory',
      'Error: credential file is not accessible: faccessat /run/user/1000/containers/auth.json: no such file or directory',
    ],
    counterSamples: ['Error: credential file is not accessible: faccessat /run/user/1000/containers/auth.json: permission denied'],
  }),
  sig({
    id: 'podman.not-logged-into',
    cause: 'image.auth-missing',
    // login --get-login and logout find no entry for the key in any auth file or helper. A tool that checks its
    // login this way stops here also when it spelled the key otherwise than the login did (a scheme, a path).
    re: /\bnot logged into [a-z0-9][\w.-]*(:\d+)?\b/,
    anchors: ['not logged into'],
    confidence: 0.6,
    specificity: 85,
    alternatives: ['image.invalid-reference'],
    check: 'podman login --get-login <registry> with the registry spelled as at login (host[:port], no https:// and no path); with no entry, log in to that registry in the auth file the tool reads',
    source: 'containers/common pkg/auth Login --get-login and Logout ("not logged into %s")',
    samples: [
      'Error: not logged into quay.io',
      'time="2022-11-01T21:09:20Z" level=fatal msg="not logged into registry.example.com:5000"',
    ],
    counterSamples: ['Removed login credentials for quay.io'],
  }),
];
