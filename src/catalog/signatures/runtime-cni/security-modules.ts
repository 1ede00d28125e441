import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Linux security modules (AppArmor, SELinux) as the runtime applies them at container init. runc writes the
 * container's AppArmor profile or SELinux label into /proc/<self|thread-self>/attr before exec; containerd asks
 * apparmor_parser for its version before it loads its default profile. A runtime built without the module, a kernel
 * that does not offer the interface runc writes, or a missing helper fails every container of the node the same way
 * (causes.md: runtime down, CRI errors unrelated to the registry). The wrapped forms kubelet and containerd journal
 * lines carry escape their quotes two or three times, so quotes are matched with any number of backslashes.
 *
 * Not here: a profile that is merely not loaded (write …/attr/apparmor/exec: no such file or directory, "apparmor
 * profile not found"), apparmor_parser failing on a profile, and the kernel's own denial lines (avc: denied,
 * apparmor="DENIED"): no id names those, and the corpus reads them as `unknown`.
 */
export const SECURITY_MODULE_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.lsm-apparmor-parser-absent',
    cause: 'runtime.unavailable',
    // containerd contrib/apparmor: getVersion runs apparmor_parser --version before it loads cri-containerd.apparmor.d;
    // the Go exec error names the program, its quotes escaped once per log layer. Older containerd skipped the
    // version check and failed at the load itself ("load apparmor profile …: parser error(…): exec: …").
    re: /(get apparmor_parser version|load apparmor profile \S+: parser error\([^\n]{0,40}\)): exec: \\*"apparmor_parser\\*": executable file not found/,
    anchors: ['get apparmor_parser version', 'load apparmor profile'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'on the node: command -v apparmor_parser (package apparmor, or apparmor-parser on SUSE) and aa-enabled; containerd loads its default profile only when the kernel has AppArmor enabled, so either the parser is installed or the node boots without AppArmor',
    source: 'containerd contrib/apparmor (getVersion: "get apparmor_parser version: %w"), internal/cri/server container_create_linux.go (spec opts wrap: "failed to create containerd container")',
    samples: [
      'Dec 01 10:02:12 node3 kubelet[1187]: E1201 10:02:12.512203    1187 pod_workers.go:1301] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"nginx\\" with CreateContainerError: \\"failed to create containerd container: get apparmor_parser version: exec: \\\\\\"apparmor_parser\\\\\\": executable file not found in $PATH\\"" pod="default/nginx-7c5ddbdf54-qw9zt"',
      'level=error msg="CreateContainer within sandbox \\"4be93975\\" for &ContainerMetadata{Name:etcd,Attempt:0,} failed" error="failed to create containerd container: get apparmor_parser version: exec: \\"apparmor_parser\\": executable file not found in $PATH"',
      'failed to create containerd container: load apparmor profile /tmp/cri-containerd.apparmor.d3636700873: parser error(""): exec: "apparmor_parser": executable file not found in $PATH',
    ],
    counterSamples: ['failed to create containerd container: load apparmor profile /tmp/cri-containerd.apparmor.d3518817305: exit status 243:', 'exec: "iptables": executable file not found in $PATH'],
  }),
  sig({
    id: 'runtime.lsm-module-unsupported',
    cause: 'runtime.unavailable',
    // runc refuses a spec that names an AppArmor profile or SELinux label when it was built without the module or the
    // kernel does not run it; and with AppArmor stacked under another LSM (or an old runc on a newer kernel) the
    // legacy /proc/self/attr/exec write answers EINVAL. containerd's CRI says the same when the kernel has AppArmor off
    // and the pod asks for a profile other than unconfined. Every container that carries a profile or label fails.
    re: /apparmor: config provided but apparmor not supported|generate apparmor spec opts: apparmor is not supported|selinux label is specified in config, but selinux is disabled or not supported|apparmor failed to apply profile: write \/proc\/(self|thread-self)(\/task\/\d+)?\/attr\/exec: invalid argument|can't set process label: write \/proc\/(self|thread-self)(\/task\/\d+)?\/attr\/exec: (invalid argument|permission denied)/,
    anchors: ['config provided but apparmor not supported', 'apparmor is not supported', 'selinux is disabled or not supported', 'apparmor failed to apply profile', "can't set process label"],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'on the node: cat /sys/module/apparmor/parameters/enabled and cat /sys/kernel/security/lsm (which modules the kernel runs, and in what order), getenforce for SELinux, runc --version (its build features) — the runtime\'s configuration (enable_selinux, a profile in the spec) must match what the kernel runs, and the runc release must know the kernel\'s attr interface',
    source: 'runc libcontainer/apparmor ("apparmor failed to apply profile: %w"; "apparmor: config provided but apparmor not supported"), libcontainer/standard_init_linux.go ("can\'t set process label: %w"), selinux check ("selinux label is specified in config, but selinux is disabled or not supported"), containerd internal/cri/sputil apparmor_linux.go ("apparmor is not supported")',
    samples: [
      'docker: Error response from daemon: OCI runtime create failed: container_linux.go:348: starting container process caused "process_linux.go:402: container init caused \\"apparmor: config provided but apparmor not supported\\"": unknown.',
      'OCI runtime create failed: runc create failed: unable to start container process: error during container init: selinux label is specified in config, but selinux is disabled or not supported: unknown',
      'docker: Error response from daemon: OCI runtime create failed: container_linux.go:367: starting container process caused: process_linux.go:495: container init caused: apply apparmor profile: apparmor failed to apply profile: write /proc/self/attr/exec: invalid argument: unknown.',
      "OCI runtime create failed: runc create failed: unable to start container process: error during container init: can't set process label: write /proc/self/attr/exec: invalid argument: unknown",
      'Warning  Failed  8s (x3 over 31s)  kubelet  Error: failed to create containerd container: failed to generate apparmor spec opts: apparmor is not supported',
    ],
    counterSamples: [
      'OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to apply apparmor profile: apparmor failed to apply profile: write /proc/self/attr/apparmor/exec: no such file or directory: unknown',
      'docker: Error response from daemon: OCI runtime create failed: container_linux.go:349: starting container process caused "process_linux.go:449: container init caused \\"apply apparmor profile: apparmor failed to apply profile: write /proc/self/attr/exec: permission denied\\"": unknown.',
    ],
  }),
];
