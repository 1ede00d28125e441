import { Option, type Command } from 'commander';
import type { ServeFlags } from './serve-run.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the agent: check this node on a schedule; serve /metrics, a JSON API and a dashboard')
    .option('--host-root <dir>', "where the node's filesystem is mounted", '/')
    .option('--node <name>', 'node name (default: $NODE_NAME, then the host name)')
    .addOption(new Option('--name <node>').hideHelp())
    .option('--listen <host:port>', 'HTTP listen address', '0.0.0.0:9464')
    .option('--interval <duration>', 'time between checks, e.g. 30s, 5m (default 60s)')
    .option('--config <file>', 'agent config file (YAML); re-read before every check, a malformed one is reported and ignored')
    .option('--token <token>', 'require this token on every request but /healthz (or set $FLANNEL_DOCTOR_TOKEN); the config file cannot override it')
    .option('--open-metrics', 'serve /metrics without the token (for a Prometheus that scrapes without auth)')
    .option('--images <list>', 'comma-separated images to probe from this node')
    .option('--dns-service-ip <ip>', 'kube-dns Service IP to probe (enables the DNS probe)')
    .option('--coredns <ips>', 'comma-separated CoreDNS pod IPs to probe directly')
    .option('--peers <file>', 'JSON list of mesh peers [{name, ip, podIP?}] (enables the mesh probe)')
    .option('--no-discover', 'in a pod: do not learn unset mesh peers and DNS targets from the API (nodes, the DaemonSet\'s pods, kube-dns)')
    .option('--no-publish', 'in a pod: do not publish the verdict as Node condition FlannelDoctorHealthy and Events')
    .option('--once', 'run one check, print the findings as JSON and exit')
    .addHelpText(
      'after',
      `
Endpoints: /healthz, /metrics (Prometheus), /api/v1/{status,evidence,findings,mesh,history}, / (dashboard).
Deploy as a DaemonSet with deploy/manifests or the Helm chart in deploy/helm/flannel-doctor.

Examples (on a node):
  flannel-doctor serve --host-root / --images registry.k8s.io/pause:3.10 --dns-service-ip 10.96.0.10
  flannel-doctor serve --interval 5m --token "$TOKEN"
  flannel-doctor serve --once --node n1

Exit codes: 0 (stopped by SIGTERM/SIGINT, or --once done: the findings are in its JSON), 2 the tool failed.`,
    )
    .action(async (flags: ServeFlags) => {
      const { runServe } = await import('./serve-run.js');
      process.exitCode = await runServe(flags);
    });
}
