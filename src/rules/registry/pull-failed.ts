import type { NodeInfo } from '../../evidence/cluster.js';
import { defineRule } from '../define-rule.js';
import { collectPullFailures, innermostError, nodesOf, probeEvidence, registryDownProbe, REGISTRY_ANSWERS } from '../image/_pull-failures.js';
import { plainHttpFix, runtimeFix, runtimeOf } from './_runtime-fix.js';

const CAUSES = [
  'registry.dns',
  'registry.tls-handshake-timeout',
  'registry.connect-timeout',
  'registry.connection-refused',
  'registry.tls-untrusted',
  'registry.tls-name-mismatch',
  'registry.tls-expired-or-clock',
  'registry.http-to-https',
  'registry.proxy',
  'registry.mirror-misconfigured',
  'registry.server-error',
] as const;

export default defineRule({
  id: 'registry/pull-failed',
  layer: 'registry',
  description:
    'Image pulls failing on the way to the registry (DNS, TCP, TLS, HTTP, proxy, mirror): the CRI error in the pull events is classified, and the fix is written for the node\'s container runtime.',
  causes: CAUSES,
  scope: 'cluster',
  needs: ['cluster.pods'],
  severity: 'error',
  messages: {
    pullFailed: 'image pulls from {registry} fail: {detail}',
  },
  docs:
    'The pull is done by the node\'s container runtime in the host network namespace, so DNS failures point at the node\'s resolver, not CoreDNS. Fixes depend on `node.status.nodeInfo.containerRuntimeVersion`: containerd nodes get `/etc/containerd/certs.d/<host>/hosts.toml` steps, Docker nodes `daemon.json` steps; a Docker-only fix is never offered on a containerd node. A 401, 403 or 404 from a registry that a registry probe found failing (5xx) is reported as `registry.server-error`: while the registry is down its front can still answer those, so they say nothing about credentials or the image.',
  check({ cluster, classify, report, evidence: all }) {
    const nodeByName = new Map<string, Readonly<NodeInfo>>(cluster.nodes.map((n) => [n.name, n]));
    for (const f of collectPullFailures(cluster, classify)) {
      // A 401/403/404 from a registry that a probe found failing (5xx) is the registry being down.
      const down = REGISTRY_ANSWERS.has(f.classification.cause) ? registryDownProbe(all.probes, f.registry, f.node) : undefined;
      const cause = (down ? 'registry.server-error' : f.classification.cause) as (typeof CAUSES)[number];
      if (!CAUSES.includes(cause) || !f.classifiedText || !f.registry) continue;
      const n = f.node ? nodeByName.get(f.node) : undefined;
      const runtime = runtimeOf(n?.containerRuntimeVersion);
      const exact = cause === 'registry.http-to-https' && runtime === 'containerd' && f.node ? plainHttpFix(f.registry, all.nodes[f.node]) : undefined;
      const fix = exact ?? runtimeFix(cause, runtime, f.registry);
      // The classified CRI error proves it; back-off lines add nothing. The runtime is evidence only
      // when the fix depends on it (hosts.toml vs daemon.json), not under a DNS failure.
      const evidence = [f.classifiedText];
      if (down) evidence.push(probeEvidence(down));
      if (fix && n?.containerRuntimeVersion) evidence.push({ where: `node ${n.name}`, what: `containerRuntimeVersion ${n.containerRuntimeVersion}` });
      report({
        messageId: 'pullFailed',
        cause,
        data: {
          node: f.node ?? 'unscheduled',
          image: f.image,
          registry: f.registry,
          host: f.registry,
          pod: f.podRef,
          matched: f.classification.matched ?? cause,
          detail: innermostError(f.classifiedText.what),
          runtime: runtime ?? 'unknown runtime',
        },
        nodes: nodesOf(f),
        pods: [f.podRef],
        registry: f.registry,
        evidence,
        fix,
        ...(!down && f.classification.signature ? { signature: f.classification.signature } : {}),
        confidence: down ? 0.85 : f.classification.confidence,
        alternatives: down ? [f.classification.cause] : f.classification.alternatives.map((a) => a.cause),
      });
    }
  },
});
