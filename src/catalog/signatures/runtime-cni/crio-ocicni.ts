import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * CRI-O's own texts about creating a pod sandbox and about the CNI networks it loads through ocicni, in the words
 * CRI-O and ocicni print them (kubelet events, crio's journal). The texts of the CNI plugins themselves (flannel,
 * bridge, host-local) are read by ./cni.ts; the prefix CRI-O puts before a name it holds reserved ("Kubelet may be
 * retrying requests that are timing out in CRI-O due to system load") by ./runtime-storage.ts.
 */
export const CRIO_OCICNI_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.crio-name-reserved',
    cause: 'runtime.unavailable',
    // internal/lib ReservePodName / ReserveContainerName: the kubelet timed out on a RunPodSandbox or CreateContainer
    // CRI-O is still working on and sent it again; the retry finds the name held by the first request ("name is
    // reserved"), or cannot read back who holds it. CRI-O is behind (load, a slow disk under its storage) or one stage
    // hangs: network creation waiting for a CNI configuration, a pause image pull. Read without the newer prefix that
    // ./runtime-storage.ts reads (older CRI-O, or the prefix cut off).
    re: /error reserving (pod|ctr) name \S+ for id \S+: name is reserved|failed to get id of (pod|container) with reserved name \(/,
    anchors: ['name is reserved', 'with reserved name ('],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['cni.config-missing', 'node.not-ready'],
    check: 'journalctl -u crio on that node around the first attempt: its "Creation of ... not yet finished. Currently at stage ..." line names the slow stage (container runtime network creation: the CNI plugin and /etc/cni/net.d; an image pull of the pause image; storage); with no slow stage, the node\'s load and the latency of the disk under /var/lib/containers',
    source: 'cri-o internal/lib/container_server.go ("error reserving pod name %s for id %s: %w", "error reserving ctr name %s for id %s: %w"), internal/registrar ("name is reserved"), server/sandbox_run_linux.go and container_create.go ("failed to get ID of pod with reserved name (%s), after failing to reserve name with %w")',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = error reserving pod name k8s_web-5c9f7d8b6-7qzxk_shop_0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0_0 for id 3f2e1d0c9b8a: name is reserved',
      'crio[2210]: time="2025-01-09 14:02:11.048113900Z" level=error msg="error reserving ctr name k8s_app_api-0_payments_6d7e8f90-a1b2-c3d4-e5f6-07182930a4b5_1 for id 9e8d7c6b5a49: name is reserved"',
      'rpc error: code = Unknown desc = failed to get ID of pod with reserved name (k8s_api-0_payments_6d7e8f90_0), after failing to reserve name with name is reserved: name is reserved',
    ],
    counterSamples: [
      'level=info msg="Creation of sandbox k8s_api-0_payments_6d7e8f90_0 not yet finished. Currently at stage container runtime network creation. Waiting up to 6m0s for it to finish"',
      'the name "registry" is reserved for internal use',
    ],
  }),
  sig({
    id: 'runtime.crio-sandbox-name-exists',
    cause: 'runtime.unavailable',
    // server/sandbox_run_linux.go: containers/storage already holds a container under the sandbox's name
    // (ErrDuplicateName), left by an attempt whose clean-up failed or by a crash between creating and recording it.
    re: /pod sandbox with name \\?"[^"\\\n]{1,300}\\?" already exists/,
    anchors: ['already exists'],
    confidence: 0.55,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'crictl pods --name <pod> and crictl ps -a on that node: a sandbox or storage container left under that name by an earlier attempt; journalctl -u crio for why its clean-up failed',
    source: 'cri-o server/sandbox_run_linux.go ("pod sandbox with name %q already exists", on storage.ErrDuplicateName)',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = pod sandbox with name "k8s_web-5c9f7d8b6-7qzxk_shop_0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0_0" already exists',
      'level=error msg="pod sandbox with name \\"k8s_coredns-5dd5756b68-q2w3e_kube-system_1a2b3c4d_2\\" already exists"',
    ],
    counterSamples: ['Error from server (AlreadyExists): pods "web-0" already exists'],
  }),
  sig({
    id: 'cni.ocicni-conf-to-list',
    cause: 'cni.config-invalid',
    // ocicni loads every file of the network directory; a .conf it cannot turn into a one-plugin list (libcni: a
    // .conf with no "type" is taken for a .conflist under the wrong extension) is skipped with this warning, so the
    // network it describes is not loaded.
    re: /error converting cni config file \S+ to list: |no 'type'; perhaps this is a \.conflist/,
    anchors: ['to list: ', "perhaps this is a .conflist"],
    confidence: 0.85,
    specificity: 90,
    check: 'the file the line names in /etc/cni/net.d (or the network_dir of crio.conf): a file with a "plugins" array must end in .conflist; a .conf holds one plugin with its own "type"',
    source: 'cri-o/ocicni pkg/ocicni/ocicni.go ("Error converting CNI config file %s to list: %v"); containernetworking/cni libcni/conf.go ("no \'type\'; perhaps this is a .conflist?")',
    samples: [
      'crio[981]: time="2025-02-11 09:14:55.100200300Z" level=warning msg="Error converting CNI config file /etc/cni/net.d/10-flannel.conf to list: no \'type\'; perhaps this is a .conflist?"',
      'level=warning msg="Error converting CNI config file /etc/cni/net.d/05-cilium.conf to list: error parsing configuration: unexpected end of JSON input"',
    ],
    counterSamples: ['level=info msg="Found CNI network cbr0 (type=flannel) at /etc/cni/net.d/10-flannel.conflist"'],
  }),
  sig({
    id: 'cni.ocicni-network-name-missing',
    cause: 'cni.config-missing',
    // ocicni runs the pod's networks by name (the default network, cni_default_network of crio.conf when set, and any
    // extra ones); one it has not loaded from the network directory, nor from its cache on teardown, stops here. The
    // file was never written or was removed, or it was skipped as invalid, or crio.conf names a network no file does.
    re: /failed to find requested network name \S+/,
    anchors: ['requested network name'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['cni.config-invalid'],
    check: 'the "name" fields of the files in /etc/cni/net.d against crio.conf [crio.network] cni_default_network (crio config | grep cni_default_network): a file must carry that name and load (journalctl -u crio for "Error loading CNI config" on it)',
    source: 'cri-o/ocicni pkg/ocicni/ocicni.go forEachNetwork ("failed to find requested network name %s")',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create pod network sandbox k8s_web-0_shop_5a6b_0(8c9d0e1f): failed to find requested network name crio',
      'crio[1402]: time="2025-03-01 10:00:01.000000001Z" level=error msg="failed to find requested network name cbr0"',
    ],
    counterSamples: ['level=info msg="Updated default CNI network name to cbr0"'],
  }),
  sig({
    id: 'cni.crio-shutdown-before-cni-ready',
    cause: 'cni.config-missing',
    // server/sandbox_network.go: sandbox creation waits for the CNI plugin to be ready (a configuration loaded from the
    // network directory) and CRI-O was stopped before it ever was: no network provider wrote its file meanwhile.
    re: /server shutdown before cni plugin was ready/,
    anchors: ['before cni plugin was ready'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['flannel.daemon-down'],
    check: 'ls /etc/cni/net.d on that node and the network provider\'s pod there (kubectl -n kube-flannel get pods -o wide): the provider writes its CNI configuration once it runs',
    source: 'cri-o server/sandbox_network.go ("server shutdown before CNI plugin was ready: %w")',
    samples: [
      'crio[733]: time="2025-05-02 07:31:12.000200000Z" level=error msg="server shutdown before CNI plugin was ready: context canceled"',
      'Failed to create pod sandbox: rpc error: code = Unknown desc = server shutdown before CNI plugin was ready: context canceled',
    ],
    counterSamples: ['level=info msg="CNI plugin not ready. Waiting to create k8s_web-0_shop_5a6b_0"'],
  }),
];
