import { parseJsonText } from '../../parsers/json-text.js';
import { parseNetConf } from '../../parsers/net-conf.js';
import { parseSubnetEnv } from '../../parsers/subnet-env.js';
import { subnetFileFrom } from './cni.js';
import type { GatherContext } from './context.js';

/**
 * /run/flannel/subnet.env (or the flannel CNI config's subnetFile). Its absence is evidence: the key
 * `subnetEnv` is recorded as gathered whenever we looked, and `node.subnetEnv` stays undefined.
 */
export async function gatherSubnetEnv(ctx: GatherContext): Promise<void> {
  const file = subnetFileFrom(ctx.node.cniConfigs);
  const r = await ctx.files.read(file, 64 * 1024);
  if (r.error) {
    // Unreadable is not "absent": do not claim to know.
    ctx.problem({ file, message: `cannot read: ${r.error}` });
    return;
  }
  if (r.text !== undefined) ctx.node.subnetEnv = parseSubnetEnv(r.text, file);
  ctx.gathered('subnetEnv');
}

export const NET_CONF_FILES = ['/etc/kube-flannel/net-conf.json', '/run/flannel/net-conf.json'];

/** net-conf.json when the node has it (the kube-flannel ConfigMap mounted, or a copy). */
export async function gatherNetConf(ctx: GatherContext): Promise<void> {
  for (const file of NET_CONF_FILES) {
    const r = await ctx.files.read(file, 256 * 1024);
    if (r.error) ctx.problem({ file, message: `cannot read: ${r.error}` });
    if (r.text === undefined) continue;
    const json = parseJsonText(r.text, file);
    // The net-conf parser reads it the way flanneld does (Backend absent means udp, …): its problems are kept.
    const problems = parseNetConf(r.text, file).problems;
    ctx.node.netConf = { file, ...(json.value !== undefined ? { raw: json.value } : {}), problems };
    ctx.gathered('netConf');
    return;
  }
}
