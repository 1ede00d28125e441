import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A containerd daemon starting a runtime shim binary of another containerd generation. Read from containerd 1.6.20
 * (crictl runp) finding the containerd-shim-runc-v2 built from containerd 2.4.2 first in its PATH (issue 13).
 */
export const SHIM_BOOTSTRAP_SIGNATURES: Signature[] = [
  sig({
    id: 'containerd.shim-bootstrap-mismatch',
    cause: 'runtime.unavailable',
    // The daemon execs containerd-shim-<runtime> found by name in its PATH and hands it bootstrap parameters; a shim
    // built against containerd 2.x refuses a 1.x daemon's start protocol (and says so in these words). It is the node's
    // runtime installation that is inconsistent — a package upgrade that replaced the shim under a daemon not yet
    // restarted, or two installations (a tarball's /usr/local/bin shim and a distribution's /usr/bin containerd) — so
    // no container can start, whatever the pod.
    re: /bootstrap parameters do not match command-line arguments|shim was started through the deprecated api but was built against the new api/,
    anchors: ['bootstrap parameters do not match', 'shim was started through the deprecated api'],
    confidence: 0.85,
    specificity: 92,
    check: 'containerd --version against containerd-shim-runc-v2 -v, and which containerd-shim-runc-v2 in the daemon\'s PATH (systemctl show containerd -p Environment): one installation only, then systemctl restart containerd',
    source: 'containerd pkg/shim (shim bootstrap: "bootstrap parameters do not match command-line arguments"); daemon "failed to start shim: start failed"',
    samples: [
      'E1207 08:47:34.764703    4786 remote_runtime.go:325] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to create containerd task: failed to start shim: start failed: io.containerd.runc.v2: bootstrap parameters do not match command-line arguments: shim was started through the deprecated API but was built against the new API; if you upgraded containerd, you may need to restart the daemon: exit status 1: unknown"',
      'time="2026-12-07T08:47:34Z" level=error msg="run pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: failed to start shim: start failed: io.containerd.runc.v2: bootstrap parameters do not match command-line arguments: shim was started through the deprecated API but was built against the new API; if you upgraded containerd, you may need to restart the daemon: exit status 1: unknown"',
    ],
    counterSamples: [
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: can\'t get final child\'s PID from pipe: EOF',
      'failed to start shim: start failed: exec: "containerd-shim-runc-v2": executable file not found in $PATH: unknown',
    ],
  }),
];
