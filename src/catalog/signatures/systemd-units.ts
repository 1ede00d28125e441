import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * systemd's own words for a node service that failed (`systemctl status`, `journalctl -u`): which unit failed names
 * the layer — the container runtime, the kubelet, the node's resolver, flanneld. The service's own last lines, when
 * pasted beside, usually say why, and outrank these (a wrapper's specificity).
 */
interface UnitFamily {
  id: string;
  cause: string;
  /** Unit names as a regex (lower case): `docker\.service`. */
  units: string;
  /** The units' Description= lines, as systemd prints them in "Failed to start …" and "Dependency failed for …". */
  descriptions: string;
  anchors: string[];
  check: string;
  samples: string[];
  counterSamples: string[];
}

const FAMILIES: UnitFamily[] = [
  {
    id: 'systemd.runtime-unit-failed',
    cause: 'runtime.unavailable',
    units: String.raw`(docker|containerd|cri-docker|cri-dockerd|crio|cri-o|snap\.microk8s\.daemon-(docker|containerd)|k3s-containerd) ?\.(service|socket)`,
    descriptions: String.raw`docker application container engine|containerd container runtime|cri interface for docker application container engine|container runtime interface for oci \(cri-o\)|docker socket for the api`,
    // A pasted unit name sometimes carries a space before its suffix ("docker .service", a terminal's wrap or OCR).
    anchors: ['docker.service', 'docker .service', 'job for docker', 'docker.socket', 'containerd.service', 'cri-docker', 'crio.service', 'cri-o.service', 'daemon-docker', 'daemon-containerd', 'docker application container engine', 'containerd container runtime', 'container runtime interface for oci', 'docker socket for the api'],
    check: 'journalctl -u <that unit> -b --no-pager | tail -50 on the node: the runtime\'s own last lines before the exit say why (its config file, its storage, its socket or a dependency), and systemctl cat <unit> shows the command and drop-ins it ran with',
    samples: [
      'Jun 11 00:32:58 minikube systemd[1]: cri-docker.service: Main process exited, code=exited, status=1/FAILURE',
      'May 05 11:26:09 pinas systemd[1]: Dependency failed for Docker Application Container Engine.',
      'Jul 12 01:21:07 node-1 systemd[1]: containerd.service: Failed with result \'exit-code\'.',
    ],
    counterSamples: ['Jul 12 01:21:07 node-1 systemd[1]: Started containerd container runtime.'],
  },
  {
    id: 'systemd.kubelet-unit-failed',
    cause: 'node.not-ready',
    units: String.raw`(kubelet|snap\.microk8s\.daemon-kubelite|snap\.microk8s\.daemon-kubelet)\.service`,
    descriptions: String.raw`kubelet: the kubernetes node agent`,
    anchors: ['kubelet.service', 'daemon-kubelite', 'daemon-kubelet', 'the kubernetes node agent'],
    check: 'journalctl -u kubelet -b --no-pager | tail -50 on the node: the kubelet\'s own last error before it exits (a missing /var/lib/kubelet/config.yaml before kubeadm init or join, swap, the cgroup driver, the runtime endpoint)',
    samples: [
      'Aug 11 10:00:00 node-1 systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE',
      ' kubelet.service - kubelet: The Kubernetes Node Agent\n     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; vendor preset: enabled)\n     Active: activating (auto-restart) (Result: exit-code) since Fri 2023-08-11 10:00:00 UTC; 5s ago',
    ],
    counterSamples: ['Aug 11 10:00:00 node-1 systemd[1]: Started kubelet: The Kubernetes Node Agent.'],
  },
  {
    id: 'systemd.resolver-unit-failed',
    cause: 'dns.node-resolver',
    units: String.raw`(systemd-resolved|dnsmasq|unbound|nscd)\.service`,
    descriptions: String.raw`network name resolution`,
    anchors: ['systemd-resolved.service', 'dnsmasq.service', 'unbound.service', 'nscd.service', 'network name resolution'],
    check: 'systemctl status systemd-resolved (or the resolver the node uses) and journalctl -u <it> -b: with it down, every lookup through /etc/resolv.conf\'s 127.0.0.53 (or 127.0.0.1) fails on that node — the runtime\'s pulls and the pods that inherit the node\'s resolv.conf alike',
    samples: [
      'Jan 22 14:02:45 buster-template systemd[89]: systemd-resolved.service: Failed at step NAMESPACE spawning /lib/systemd/systemd-resolved: Permission denied',
      '× systemd-resolved.service - Network Name Resolution\n     Loaded: loaded (/lib/systemd/system/systemd-resolved.service; enabled; preset: enabled)\n     Active: failed (Result: signal) since Mon 2022-09-05 11:08:19 CEST; 11min ago',
    ],
    counterSamples: ['systemd-resolved.service: Deactivated successfully.'],
  },
  {
    id: 'systemd.flanneld-unit-failed',
    cause: 'flannel.daemon-down',
    units: String.raw`(flanneld|flannel|flannel-docker-opts)\.service`,
    descriptions: String.raw`flanneld overlay address etcd agent|flannel`,
    anchors: ['flanneld.service', 'flannel.service', 'flannel-docker-opts.service', 'flanneld overlay address', 'failed to start flannel', 'dependency failed for flannel'],
    check: 'journalctl -u flanneld -b --no-pager | tail -50: flanneld\'s own last error (its etcd endpoints and prefix, the interface, the network config) says why it exits',
    samples: [
      'Mar 02 10:00:00 node-1 systemd[1]: flanneld.service: Main process exited, code=exited, status=1/FAILURE',
      'Mar 02 10:00:00 node-1 systemd[1]: Failed to start Flanneld overlay address etcd agent.',
    ],
    counterSamples: ['Mar 02 10:00:00 node-1 systemd[1]: Started Flanneld overlay address etcd agent.'],
  },
];

/** systemd's failure phrases after "<unit>: " (never a clean exit: status 0 or a job that is done). */
const UNIT_FAILED = String.raw`(main process exited, code=\w+, status=(?!0\/success)|failed with result '|unit entered failed state|start request repeated too quickly|failed at step \w+|bound to unit \S+, but unit isn't active|job \S+ failed with result '(?!done))`;

function family(f: UnitFamily): Signature {
  const re = new RegExp(
    String.raw`(${f.units}): ${UNIT_FAILED}` +
      String.raw`|(failed to (start|listen on)|dependency failed for) (${f.descriptions})\b` +
      String.raw`|job for (${f.units}) failed` +
      // systemctl status: the unit's header, then an Active: line that is failed or restarting after a failure
      String.raw`|(${f.units}) - [^\n]{0,120}[\s\S]{0,400}?active: (failed|activating \(auto-restart\))`,
  );
  return sig({
    id: f.id,
    cause: f.cause,
    re,
    anchors: f.anchors,
    confidence: 0.8,
    specificity: 40,
    check: f.check,
    source: 'systemd (unit state changes: "Main process exited", "Failed with result", "Failed at step", "Dependency failed for"; systemctl status "Active: failed")',
    samples: f.samples,
    counterSamples: f.counterSamples,
  });
}

export const SYSTEMD_UNIT_SIGNATURES: Signature[] = FAMILIES.map(family);
