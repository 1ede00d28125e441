import type { EvidenceItem } from '../../findings/finding.js';
import { defineRule } from '../define-rule.js';

/** Kubelet node events about image garbage collection and disk space. */
const DISK_EVENT_REASONS = new Set(['ImageGCFailed', 'FreeDiskSpaceFailed', 'EvictionThresholdMet']);
/**
 * An ImageGCFailed event is about disk only when the collection ran and could not free enough
 * ("wanted to free N bytes, but freed M", "failed to garbage collect required amount of images").
 * The kubelet writes the same reason when it could not even measure the image filesystem: its stats
 * not ready after a start ("unable to find data in memory cache"), the runtime unreachable ("rpc
 * error: code = Unavailable … dial unix …containerd.sock"), or a runtime without the call ("not
 * implemented", "invalid capacity 0"). Those say nothing about space.
 */
const GC_RAN_SHORT = /wanted to free \d+ bytes|required amount of images|attempted to free \d+ bytes|no space left on device/i;

export default defineRule({
  id: 'image/node-disk-pressure',
  layer: 'image',
  description: 'Nodes reporting DiskPressure (or failing image garbage collection) cannot store new images: pulls fail and pods get evicted.',
  causes: ['image.disk-full'],
  scope: 'cluster',
  needs: ['cluster.nodes'],
  severity: 'error',
  messages: {
    pressure: 'node {node} reports DiskPressure: {message}',
    gc: 'node {node} cannot free disk space for images: {message}',
  },
  docs: 'Severity error when the node is under DiskPressure, warning when only image garbage collection is failing to free enough. An ImageGCFailed event that only says the kubelet could not measure the image filesystem (stats not ready after a start, the runtime unreachable, a runtime without the call) is not about disk and is not counted.',
  check({ cluster, report }) {
    const nodeEvents = new Map<string, EvidenceItem[]>();
    for (const e of cluster.events) {
      if (e.involved.kind !== 'Node' || !e.reason || !DISK_EVENT_REASONS.has(e.reason) || !e.involved.name) continue;
      if (e.reason === 'ImageGCFailed' && !GC_RAN_SHORT.test(e.message ?? '')) continue;
      const list = nodeEvents.get(e.involved.name) ?? [];
      list.push({ where: `event node/${e.involved.name} ${e.reason}${e.count > 1 ? ` (×${e.count})` : ''}`, what: e.message ?? '' });
      nodeEvents.set(e.involved.name, list);
    }
    for (const n of cluster.nodes) {
      const dp = n.conditions.find((c) => c.type === 'DiskPressure');
      const events = nodeEvents.get(n.name) ?? [];
      if (dp?.status === 'True') {
        report({
          messageId: 'pressure',
          data: { node: n.name, message: dp.message ?? dp.reason ?? 'DiskPressure=True' },
          nodes: [n.name],
          evidence: [{ where: `node ${n.name}`, what: `condition DiskPressure=True${dp.reason ? ` reason ${dp.reason}` : ''}${dp.message ? `: ${dp.message}` : ''}` }, ...events],
        });
      } else if (events.some((e) => e.where.includes('ImageGCFailed') || e.where.includes('FreeDiskSpaceFailed'))) {
        report({ messageId: 'gc', severity: 'warning', data: { node: n.name, message: events[0].what }, nodes: [n.name], evidence: events });
      }
    }
  },
});
