import { defineRule } from '../define-rule.js';

/** The kernel's refusal to run a binary built for another architecture (ENOEXEC). */
const EXEC_FORMAT = /exec format error/i;

export default defineRule({
  id: 'image/exec-format-error',
  layer: 'image',
  description:
    'Containers that fail to start with "exec format error": the image was pulled but its binaries are for another CPU architecture than the node (e.g. an amd64-only image on an arm64 node).',
  causes: ['image.platform-mismatch'],
  scope: 'cluster',
  needs: ['cluster.pods'],
  severity: 'error',
  messages: {
    execFormat: 'container {container} of pod {pod} cannot run on node {node} ({platform}): its binary is for another architecture',
  },
  docs: 'Reads the container state and last termination messages (StartError from runc, or the log tail) for `exec format error`.',
  check({ cluster, report }) {
    const nodeByName = new Map(cluster.nodes.map((n) => [n.name, n]));
    for (const p of cluster.pods) {
      for (const s of p.statuses) {
        if (s.ready) continue;
        const text = [s.message, s.lastTerminationMessage].find((t) => !!t && EXEC_FORMAT.test(t));
        if (!text) continue;
        const ref = `${p.namespace}/${p.name}`;
        const n = p.nodeName ? nodeByName.get(p.nodeName) : undefined;
        const platform = n ? `${n.operatingSystem ?? 'linux'}/${n.architecture ?? 'unknown architecture'}` : 'node platform unknown';
        report({
          messageId: 'execFormat',
          data: { container: s.name, pod: ref, node: p.nodeName ?? 'unscheduled', platform, image: s.image },
          nodes: p.nodeName ? [p.nodeName] : [],
          pods: [ref],
          evidence: [
            { where: `pod ${ref} container ${s.name}`, what: `${s.reason ?? s.lastTerminationReason ?? s.state}: ${text}` },
            ...(n?.architecture ? [{ where: `node ${n.name}`, what: `architecture ${n.architecture}` }] : []),
          ],
          fix: [
            `Use an image built for ${platform} (a multi-arch image index, or a tag built for that architecture): check with \`docker manifest inspect ${s.image}\` or \`crane manifest ${s.image}\`.`,
            `Or keep the pod off such nodes with a nodeSelector kubernetes.io/arch: <architecture the image supports>.`,
          ],
        });
      }
    }
  },
});
