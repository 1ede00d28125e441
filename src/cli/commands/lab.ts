import type { Command } from 'commander';
import { DATA_FORMATS, outputOption } from '../output.js';

/** `lab up|down|status|fault|diagnose`: the real flannel lab in network namespaces (Linux, root). */
export function registerLab(program: Command): void {
  const lab = program
    .command('lab')
    .description('build a real flannel cluster in network namespaces, inject faults, tear it down (Linux, root)');
  const nameOpt = (c: Command) => c.option('--name <name>', 'lab name (prefix of its namespaces)', 'fdlab');
  nameOpt(
    lab
      .command('up')
      .description('build the lab: underlay, nodes with flannel.1 (VXLAN), pods wired by the real CNI plugins, DNS, API')
      .option('--nodes <n>', 'number of nodes', '3')
      .option('--pods-per-node <n>', 'app pods per node', '2')
      .option('--no-images', 'skip the registries and containerd (faster; registry/image faults unavailable)'),
  ).action(async (opts: { name: string; nodes: string; podsPerNode: string; images: boolean }) => {
    const { runLabUp } = await import('./lab-run.js');
    process.exitCode = await runLabUp(opts);
  });
  nameOpt(lab.command('down').description('remove every namespace, process, file and rule the lab made')).action(async (opts: { name: string }) => {
    const { runLabDown } = await import('./lab-run.js');
    process.exitCode = await runLabDown(opts);
  });
  nameOpt(lab.command('status').description('nodes, pods, processes and active faults').addOption(outputOption(DATA_FORMATS))).action(
    async (opts: { name: string; output: string }) => {
      const { runLabStatus } = await import('./lab-run.js');
      process.exitCode = await runLabStatus(opts);
    },
  );
  nameOpt(lab.command('diagnose').description('same as `diagnose --lab`').addOption(outputOption())).action(async (opts: { name: string; output: string }) => {
    const { runLabDiagnose } = await import('./lab-run.js');
    process.exitCode = await runLabDiagnose(opts);
  });
  const agents = lab.command('agents').description('the flannel-doctor agents as a user deploys them: image pushed to the lab registry, deploy/manifests applied');
  nameOpt(agents.command('up').description('build (cached) and push the agent image, create the token Secret, apply deploy/manifests/, wait for the DaemonSet')).action(
    async (opts: { name: string }) => {
      const { runAgentsUp } = await import('./lab-run.js');
      process.exitCode = await runAgentsUp(opts);
    },
  );
  nameOpt(agents.command('down').description('delete what `lab agents up` applied')).action(async (opts: { name: string }) => {
    const { runAgentsDown } = await import('./lab-run.js');
    process.exitCode = await runAgentsDown(opts);
  });
  const fault = lab.command('fault').description('inject, revert and list faults');
  nameOpt(fault.command('add').argument('<fault-id>').option('--node <node>', 'node for node-bound faults (default: the second node)').description('inject a fault')).action(
    async (id: string, opts: { name: string; node?: string }) => {
      const { runFaultAdd } = await import('./lab-run.js');
      process.exitCode = await runFaultAdd(id, opts);
    },
  );
  nameOpt(fault.command('rm').argument('<fault-id>').option('--node <node>', 'only the instance on this node').description('revert a fault')).action(
    async (id: string, opts: { name: string; node?: string }) => {
      const { runFaultRm } = await import('./lab-run.js');
      process.exitCode = await runFaultRm(id, opts);
    },
  );
  fault
    .command('list')
    .description('every fault: its id and the cause id diagnose must name')
    .addOption(outputOption(DATA_FORMATS))
    .action(async (opts: { output: string }) => {
      const { runFaultList } = await import('./lab-run.js');
      process.exitCode = await runFaultList(opts);
    });
  addLabHelp(lab, ['lab']);
}

const DONE = 'Exit codes: 0 done, 2 the tool failed (not root, not Linux, a step failed).';
/** Examples and exit codes of every lab leaf command, by its path. */
const LAB_HELP: Record<string, { examples: string[]; exit?: string }> = {
  'lab up': { examples: ['sudo flannel-doctor lab up --nodes 3', 'sudo flannel-doctor lab up --name small --nodes 2 --no-images'] },
  'lab down': { examples: ['sudo flannel-doctor lab down', 'sudo flannel-doctor lab down --name small'] },
  'lab status': { examples: ['sudo flannel-doctor lab status', 'sudo flannel-doctor lab status -o yaml'], exit: 'Exit codes: 0 the lab is up, 1 it is not, 2 the tool failed.' },
  'lab diagnose': { examples: ['sudo flannel-doctor lab diagnose', 'sudo flannel-doctor lab diagnose -o markdown'], exit: 'Exit codes: 0 healthy, 1 an error-level finding, 2 the tool failed.' },
  'lab agents up': { examples: ['sudo flannel-doctor lab agents up', 'sudo flannel-doctor lab agents up --name small'] },
  'lab agents down': { examples: ['sudo flannel-doctor lab agents down'] },
  'lab fault add': { examples: ['sudo flannel-doctor lab fault add flannel.vxlan-blocked --node n2', 'sudo flannel-doctor lab fault add registry.dns'] },
  'lab fault rm': { examples: ['sudo flannel-doctor lab fault rm flannel.vxlan-blocked', 'sudo flannel-doctor lab fault rm flannel.vxlan-blocked --node n2'] },
  'lab fault list': { examples: ['flannel-doctor lab fault list', 'flannel-doctor lab fault list -o json'], exit: 'Exit codes: 0, or 2 on a bad flag.' },
};

function addLabHelp(cmd: Command, path: string[]): void {
  const h = LAB_HELP[path.join(' ')];
  if (h) cmd.addHelpText('after', `\nExamples:\n${h.examples.map((e) => `  ${e}`).join('\n')}\n\n${h.exit ?? DONE}`);
  for (const c of cmd.commands) addLabHelp(c, [...path, c.name()]);
}
