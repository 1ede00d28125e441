/**
 * `lab agents up|down`: run the flannel-doctor agent (`serve`) inside every lab node's namespace,
 * reachable through the lab API server's pod proxy, so live `diagnose --kubeconfig <lab kubeconfig>`
 * gets its node evidence from agents as on a real cluster. The lab code loads lazily.
 */
import type { Command } from 'commander';
import { ToolError, UsageError } from '../../errors.js';
import { parseDuration } from '../duration.js';

export function registerLabAgents(lab: Command): void {
  const agents = lab.command('agents').description('run the flannel-doctor agent in every lab node, behind the lab API pod proxy');
  agents
    .command('up')
    .description('start `flannel-doctor serve` in each node namespace (unix socket in the lab dir) and its Pod object')
    .option('--name <name>', 'lab name', 'fdlab')
    .option('--interval <duration>', 'time between checks, e.g. 5s', '5s')
    .option('--token <token>', 'bearer token the agents require (or $FLANNEL_DOCTOR_LAB_AGENT_TOKEN); passed by environment, never shown')
    .action(async (opts: { name: string; interval: string; token?: string }) => {
      process.exitCode = await runAgentsUp(opts);
    });
  agents
    .command('down')
    .description('stop the agents (by PID) and remove their Pod objects and sockets')
    .option('--name <name>', 'lab name', 'fdlab')
    .action(async (opts: { name: string }) => {
      process.exitCode = await runAgentsDown(opts);
    });
}

async function open(name: string) {
  const { labPrerequisite } = await import('../../../lab/lab.js');
  const why = labPrerequisite();
  if (why) throw new ToolError(why);
  const { openLab } = await import('../../../lab/handle.js');
  return openLab(name).catch((e: Error) => {
    throw new ToolError(e.message);
  });
}

export async function runAgentsUp(opts: { name: string; interval: string; token?: string }): Promise<number> {
  const interval = parseDuration(opts.interval, '--interval') / 1000;
  if (interval < 1) throw new UsageError(`--interval must be at least 1s (got "${opts.interval}")`);
  const token = opts.token ?? process.env.FLANNEL_DOCTOR_LAB_AGENT_TOKEN;
  const lab = await open(opts.name);
  const { agentsUp, agentPodName, AGENT_NS } = await import('../../../lab/agents.js');
  const started = await agentsUp(lab, { interval, token }).catch((e: Error) => {
    throw new ToolError(e.message, { cause: e });
  });
  const url = lab.state.api?.url ?? '<api>';
  process.stdout.write(
    `agents up on ${started.length} nodes (${started.map((s) => `${s.node} pid ${s.pid}`).join(', ')}), every ${interval} s${token ? ', token required' : ''}\n` +
      `  metrics:   ${url}/api/v1/namespaces/${AGENT_NS}/pods/${agentPodName(started[0]?.node ?? 'n1')}:9464/proxy/metrics\n` +
      `  dashboard: ${url}/api/v1/namespaces/${AGENT_NS}/pods/${agentPodName(started[0]?.node ?? 'n1')}:9464/proxy/\n` +
      `  diagnose:  flannel-doctor diagnose --kubeconfig ${lab.state.api?.kubeconfig ?? '<lab dir>/kubeconfig'}\n`,
  );
  return 0;
}

export async function runAgentsDown(opts: { name: string }): Promise<number> {
  const lab = await open(opts.name);
  const { agentsDown } = await import('../../../lab/agents.js');
  const stopped = await agentsDown(lab).catch((e: Error) => {
    throw new ToolError(e.message, { cause: e });
  });
  process.stdout.write(stopped.length ? `agents stopped on ${stopped.join(', ')}\n` : `no agents were running in lab ${opts.name}\n`);
  return 0;
}
