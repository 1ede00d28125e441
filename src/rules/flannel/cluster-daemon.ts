import type { ContainerStatusInfo, PodInfo } from '../../evidence/cluster.js';
import type { EvidenceItem } from '../../findings/finding.js';
import { defineRule } from '../define-rule.js';
import { waitingOnImageStep } from '../../catalog/symptoms.js';
import { flannelDaemonSets, flannelPods, linuxNodes, nodePodCidrs } from '../../evidence/flannel-objects.js';
import { shq } from '../../fix/shell.js';
import { exclusionOf } from './_placement.js';

/** Causes a crashing flanneld's last words can name (facts §4.1); anything else stays daemon-down. */
const FROM_LOG = ['flannel.no-pod-cidr', 'flannel.rbac', 'flannel.config-invalid', 'flannel.network-mismatch', 'flannel.wrong-iface', 'flannel.backend-unsupported', 'node.br-netfilter'] as const;

export default defineRule({
  id: 'flannel/cluster-daemon',
  layer: 'flannel',
  description:
    'A flannel pod must run and be Ready on every Linux node: when it is not, the reason is read from its state (own image pull failing, OOMKilled, CrashLoopBackOff) and its last log lines, classified through the catalog.',
  causes: ['flannel.daemon-down', ...FROM_LOG],
  scope: 'cluster',
  needs: ['cluster.pods', 'cluster.nodes'],
  severity: 'error',
  messages: {
    notReady: 'flannel pod {pod} on node {node} is not Ready ({state})',
    pullFailing: 'flannel pod {pod} on node {node} cannot pull its own image {image} ({state})',
    oom: 'flannel pod {pod} on node {node} is OOMKilled (memory limit {limit})',
    crashCause: 'flannel pod {pod} on node {node} crash-loops: {matched}',
    missing: 'no flannel pod runs on node {node}{why}',
    dsShort: 'flannel DaemonSet {ds} has {ready} of {desired} pods ready',
  },
  docs: 'Silent when flannel runs embedded (k3s: no DaemonSet, no pods). Pod networking on a node without a running flanneld breaks as soon as a lease or route changes, and new pods fail with "failed to load flannel \'subnet.env\' file".',
  check({ cluster, evidence, classify, report }) {
    const dss = flannelDaemonSets(cluster);
    const pods = flannelPods(cluster);
    if (!dss.length && !pods.length) return;
    // A node whose kubelet stopped posting status (Ready=Unknown) has its pods marked NotReady by the
    // node controller, whatever runs there: that is the node's finding (node.not-ready), not flannel's.
    const silent = new Set(cluster.nodes.filter((n) => n.conditions.find((c) => c.type === 'Ready')?.status === 'Unknown').map((n) => n.name));
    for (const p of pods) {
      const ready = p.conditions.find((c) => c.type === 'Ready')?.status === 'True';
      if (ready && p.phase === 'Running') continue;
      if (p.phase === 'Succeeded') continue;
      if (p.nodeName && silent.has(p.nodeName)) continue;
      judgePod(p);
    }
    if (pods.length) {
      const covered = new Set(pods.map((p) => p.nodeName));
      for (const n of linuxNodes(cluster)) {
        if (covered.has(n.name)) continue;
        const noExec = n.taints.filter((t) => t.effect === 'NoExecute');
        // Before v0.13 flannel shipped one DaemonSet per architecture (kube-flannel-ds-amd64, -arm64, …).
        const perArch = dss.filter((d) => /^kube-flannel-ds-(amd64|arm64|arm|ppc64le|s390x)$/.test(d.name));
        const archMissing = perArch.length > 0 && !!n.architecture && !perArch.some((d) => d.name.endsWith(`-${n.architecture}`));
        const ds = dss.length === 1 ? dss[0] : undefined;
        const excluded = ds && !archMissing ? exclusionOf(ds, n) : undefined;
        const why = noExec.length
          ? ` (taint ${noExec.map((t) => `${t.key}${t.value ? '=' + t.value : ''}:NoExecute`).join(', ')} is not tolerated)`
          : archMissing
            ? ` (no DaemonSet kube-flannel-ds-${n.architecture} for its architecture ${n.architecture})`
            : excluded
              ? ` (the DaemonSet's node selection excludes it: ${excluded.requirements.join('; ')})`
              : '';
        report({
          messageId: 'missing',
          data: { node: n.name, why },
          nodes: [n.name],
          evidence: [{ where: `node ${n.name}`, what: `no pod of ${dss[0] ? `DaemonSet ${dss[0].namespace}/${dss[0].name}` : 'flannel'} is scheduled here${why}` }],
          fix: noExec.length
            ? [`Add a toleration {operator: Exists, effect: NoExecute} to the flannel DaemonSet, or remove the taint from ${n.name}.`]
            : archMissing
              ? [`This flannel release ships one DaemonSet per architecture: apply its kube-flannel-ds-${n.architecture}, or better upgrade to a current multi-arch manifest (one DaemonSet kube-flannel-ds).`]
              : excluded?.patch
                ? [{ step: 'flannel.daemonset-patch', data: { change: `Let the node ${n.name} run flannel again: drop it from ${excluded.requirements.join('; ')}`, patch: shq(JSON.stringify(excluded.patch)) } }]
                : excluded
                  ? [`Every Linux node needs flannel: change the DaemonSet's nodeSelector or node affinity so that ${n.name} qualifies (${excluded.requirements.join('; ')}), or give ${n.name} the labels it asks for.`]
                  : ['Check why the DaemonSet does not schedule there: kubectl -n {flannelNamespace} describe daemonset {flannelDaemonSet} (node selector, affinity, taints).'],
        });
      }
    } else {
      for (const ds of dss) {
        if (ds.desired === undefined || (ds.ready ?? 0) >= ds.desired) continue;
        report({
          messageId: 'dsShort',
          data: { ds: `${ds.namespace}/${ds.name}`, ready: ds.ready ?? 0, desired: ds.desired },
          evidence: [{ where: `daemonset ${ds.namespace}/${ds.name}`, what: `desiredNumberScheduled ${ds.desired}, numberReady ${ds.ready ?? 0}` }],
        });
      }
    }

    function judgePod(p: Readonly<PodInfo>): void {
      const ref = `${p.namespace}/${p.name}`;
      const nodeName = p.nodeName ?? 'unscheduled';
      const scope = { nodes: p.nodeName ? [p.nodeName] : [], pods: [ref] };
      const bad = p.statuses.find((s) => s.init && !s.ready && s.state !== 'terminated') ?? p.statuses.find((s) => !s.init && !s.ready) ?? p.statuses[0];
      const state = describe(p, bad);
      const base = { pod: ref, node: nodeName, state };
      const statusEvidence: EvidenceItem = { where: `pod ${ref}`, what: `phase ${p.phase ?? '?'}${bad ? `, container ${bad.name}${bad.init ? ' (init)' : ''} ${state}` : ''}` };
      if (bad?.state === 'waiting' && waitingOnImageStep(bad.reason)) {
        report({
          messageId: 'pullFailing',
          data: { ...base, image: bad.image },
          ...scope,
          evidence: [statusEvidence, ...(bad.message ? [{ where: `pod ${ref} container ${bad.name}`, what: bad.message }] : [])],
          fix: [`flannel's own image ${bad.image} cannot be pulled on ${nodeName}: see the image/registry finding for that node, or pre-load the image (ctr -n k8s.io images import) and keep imagePullPolicy IfNotPresent.`],
        });
        return;
      }
      if (bad && (bad.lastTerminationReason === 'OOMKilled' || (bad.state === 'terminated' && bad.reason === 'OOMKilled'))) {
        const limit = p.containers.find((c) => c.name === bad.name)?.resources?.limits?.memory ?? 'unset';
        report({
          messageId: 'oom',
          data: { ...base, limit },
          ...scope,
          evidence: [statusEvidence, { where: `pod ${ref} container ${bad.name}`, what: `last termination OOMKilled, exit code ${bad.lastExitCode ?? bad.exitCode ?? 137}, restarts ${bad.restartCount}` }],
          fix: [`Raise the kube-flannel container's memory limit (limits.memory, now ${limit}) in the DaemonSet; large clusters need more than the manifest's 50Mi request.`],
        });
        return;
      }
      // The last words: termination messages, then log lines the bundle attributed to this pod.
      const texts: EvidenceItem[] = [];
      for (const s of p.statuses) {
        for (const t of [s.message, s.lastTerminationMessage]) if (t) texts.push({ where: `pod ${ref} container ${s.name}`, what: t });
      }
      for (const m of evidence.messages) if (m.pod === ref || m.pod === p.name) texts.push({ where: m.where, what: m.text });
      for (const t of texts) {
        const c = classify(t.what);
        const cause = c.cause as (typeof FROM_LOG)[number];
        if (!FROM_LOG.includes(cause)) continue;
        report({ messageId: 'crashCause', cause, data: { ...base, matched: c.matched ?? cause }, ...scope, evidence: [t, statusEvidence], confidence: c.confidence, alternatives: ['flannel.daemon-down'], ...(c.signature ? { signature: c.signature } : {}) });
        return;
      }
      // A node without podCIDR explains the crash even when the log was not collected.
      const n = cluster.nodes.find((x) => x.name === p.nodeName);
      if (n && !nodePodCidrs(n).length) {
        report({
          messageId: 'crashCause',
          cause: 'flannel.no-pod-cidr',
          data: { ...base, matched: `node ${n.name} has no podCIDR` },
          ...scope,
          evidence: [statusEvidence, { where: `node ${n.name}`, what: 'spec.podCIDR is empty' }, ...texts.slice(0, 2)],
          confidence: 0.8,
          alternatives: ['flannel.daemon-down'],
        });
        return;
      }
      report({
        messageId: 'notReady',
        data: base,
        ...scope,
        evidence: [statusEvidence, ...texts.slice(0, 3)],
        fix: [`Read why it stops: kubectl -n ${p.namespace} logs ${p.name} -c kube-flannel --previous`, `kubectl -n ${p.namespace} describe pod ${p.name}`],
      });
    }
  },
});

function describe(p: Readonly<PodInfo>, s: Readonly<ContainerStatusInfo> | undefined): string {
  if (!s) return p.phase === 'Pending' ? 'Pending, no container started' : (p.phase ?? 'unknown');
  const parts = [s.state + (s.reason ? ` ${s.reason}` : '')];
  if (s.restartCount) parts.push(`${s.restartCount} restarts`);
  if (s.lastTerminationReason) parts.push(`last exit ${s.lastTerminationReason}${s.lastExitCode !== undefined ? ` (${s.lastExitCode})` : ''}`);
  return parts.join(', ');
}
