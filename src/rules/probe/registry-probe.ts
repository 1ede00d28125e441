import type { RegistryProbeResult } from '../../evidence/probes.js';
import { defineRule } from '../define-rule.js';
import { judgeRegistry } from '../_registry-verdict.js';

const CAUSES = [
  'registry.dns',
  'registry.connect-timeout',
  'registry.connection-refused',
  'registry.tls-handshake-timeout',
  'registry.tls-untrusted',
  'registry.tls-name-mismatch',
  'registry.tls-expired-or-clock',
  'registry.http-to-https',
  'registry.proxy',
  'registry.mirror-misconfigured',
  'registry.server-error',
  'image.auth-missing',
  'image.auth-rejected',
  'image.not-found',
  'image.rate-limited',
  'image.platform-mismatch',
  'image.invalid-reference',
] as const;

const KNOWN = new Set<string>(CAUSES);

function phaseLines(r: RegistryProbeResult) {
  const where = `probe registry ${r.registry || r.image}${r.node ? ` from node ${r.node}` : ''}`;
  return r.phases.map((p) => ({ where, what: `${p.name} ${p.ok ? 'ok' : 'FAILED'} in ${p.ms} ms${p.error ? `: ${p.error}` : p.detail ? ` (${p.detail})` : ''}` }));
}

export default defineRule({
  id: 'probe/registry-probe',
  layer: 'probe',
  description: 'An active registry probe from a node (dns → tcp → tls → /v2/ → auth → manifest → platform) failed, or only worked after a broken mirror.',
  causes: CAUSES,
  scope: 'cluster',
  needs: ['probes.registry'],
  severity: 'error',
  messages: {
    failed: 'pulling {image} from {node} fails at the {phase} phase: {error}',
    mirror: 'pulling {image} from {node} works only after mirror {mirror} fails ({error})',
  },
  docs: 'Each phase is timed; the failing phase names the cause (the transport or TLS failure, or what the registry answered). A mirror failure with a working fallback is a warning: every pull first waits on the broken mirror.',
  check({ evidence, report }) {
    for (const r of (evidence.probes?.registry ?? []).map(judgeRegistry)) {
      if (!r.cause || !KNOWN.has(r.cause)) continue;
      const node = r.node ?? 'this node';
      const failed = r.phases.find((p) => !p.ok);
      if (r.ok) {
        const m = r.attempts?.find((a) => a.mirror && !a.ok);
        report({
          messageId: 'mirror',
          cause: r.cause,
          severity: 'warning',
          data: { image: r.image, node, mirror: m?.endpoint ?? '?', error: m?.error ?? r.failedPhase ?? '' },
          nodes: r.node ? [r.node] : [],
          registry: r.registry,
          evidence: [...phaseLines(r), ...(r.attempts ?? []).map((a) => ({ where: `probe registry ${r.registry}`, what: `${a.mirror ? 'mirror' : 'server'} ${a.endpoint}: ${a.ok ? 'ok' : `${a.cause} at ${a.failedPhase}`}` }))],
        });
        continue;
      }
      report({
        messageId: 'failed',
        cause: r.cause,
        data: { image: r.image, node, phase: r.failedPhase ?? failed?.name ?? '?', error: failed?.error ?? r.cause },
        nodes: r.node ? [r.node] : [],
        registry: r.registry || undefined,
        evidence: [...phaseLines(r), ...(r.rateLimit ? [{ where: `probe registry ${r.registry}`, what: `ratelimit-limit ${r.rateLimit.limit ?? '-'}, ratelimit-remaining ${r.rateLimit.remaining ?? '-'}` }] : [])],
      });
    }
  },
});
