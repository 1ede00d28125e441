import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * flannel's extension backend runs shell commands to set up and tear down each subnet (K3s's VPN integration drives a
 * Tailscale node through it): when the command or the shell is not on flanneld's PATH, the backend cannot work on
 * this node and flannel stops at network registration.
 */
export const EXTENSION_BACKEND_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.extension-command-missing',
    cause: 'flannel.backend-unsupported',
    // pkg/backend/extension runs its PreStartupCommand / SubnetAddCommand through sh; K3s's --vpn-auth runs
    // `tailscale up` first. Either program missing from the service's PATH leaves no backend.
    re: /(failed to register flannel network|error registering network): failed to run command: [^\n]{0,300}(executable file not found|err: fork\/exec \S+: no such file or directory)|tailscale up failed: [^\n]{0,60}exec: \\?"tailscale\\?": executable file not found/,
    anchors: ['failed to run command', 'tailscale up failed'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['flannel.config-invalid'],
    check: 'the PATH of the flanneld (or k3s) service: which sh and which <the command> as that service sees them (systemctl show k3s -p Environment); the extension backend\'s commands and the VPN client must be installed on every node',
    source: 'flannel extension backend (pkg/backend/extension: "failed to run command: %s Err: %v Output: %s"); K3s vpn-auth ("tailscale up failed")',
    samples: [
      'flannel exited: failed to register flannel network: failed to run command: tailscale set --accept-routes --advertise-routes=$SUBNET Err: exec: \\"sh\\": executable file not found in $PATH',
      'level=fatal msg="tailscale up failed: : exec: \\"tailscale\\": executable file not found in $PATH"',
      // flanneld's own wrapper (main.go "Error registering network: %s") around the PreStartupCommand's failure
      'E1206 08:17:08.000000       1 main.go:384] Error registering network: failed to run command: /etc/flannel/pre-start.sh Err: exec: "sh": executable file not found in $PATH Output: ',
      // an absolute command path (PreStartupCommand / SubnetAddCommand) that is not on this node: Go's fork/exec, real run of flanneld v0.28.9
      'E1207 14:31:58.784854   31358 main.go:384] Error registering network: failed to run command: /nonexistent/cmd Err: fork/exec /nonexistent/cmd: no such file or directory Output: ',
    ],
    counterSamples: ['failed to register flannel network: could not create wireguard interface: operation not supported'],
  }),
];
