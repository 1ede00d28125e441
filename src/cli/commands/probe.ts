import type { Command } from 'commander';
import { DATA_FORMATS, outputOption } from '../output.js';

/** `probe registry|dns|mesh|bandwidth`: active checks with timed, phase-by-phase results. */
export function registerProbe(program: Command): void {
  const probe = program.command('probe').description('run active checks from this node: registry pulls, the DNS chain, the node/pod reachability and MTU mesh');
  probe
    .command('registry')
    .description('walk an image pull as the node would: dns → tcp → tls → /v2/ → auth → manifest → platform, timed per phase')
    .argument('<image...>', 'image references, as in a pod spec')
    .option('--host-root <dir>', "the node's file tree (resolv.conf, hosts, containerd certs.d)", '/')
    .option('--pull-secret <file>', 'dockerconfigjson file or Secret JSON with the credentials a pod would use (never printed)')
    .option('--timeout <duration>', 'budget per image; every phase ends within it', '10s')
    .option('--concurrency <n>', 'images probed at once', '8')
    .option('--arch <arch>', 'platform architecture the node needs (default: this machine)')
    .option('--node <name>', 'node name recorded in the results')
    .option('--https-proxy <url>', "proxy the runtime uses (default: containerd's systemd Environment= under --host-root, else HTTPS_PROXY)")
    .option('--no-proxy <list>', 'hosts that bypass --https-proxy (NO_PROXY syntax)')
    .addOption(outputOption(DATA_FORMATS))
    .addHelpText('after', '\nExamples:\n  flannel-doctor probe registry reg.local:5000/app:1 --host-root /host --pull-secret secret.json\n  flannel-doctor probe registry nginx:1.25 -o json\n\nExit codes: 0 every image passes, 1 some probe failed, 2 the tool failed.')
    .action(async (images: string[], opts) => {
      const { runProbeRegistry } = await import('./probe-run.js');
      process.exitCode = await runProbeRegistry(images, opts);
    });
  probe
    .command('dns')
    .description("query the kube-dns Service IP, each CoreDNS pod and the upstream (a pod's view) and the node's own resolver")
    .option('--host-root <dir>', "the node's file tree (etc/resolv.conf)", '/')
    .option('--service-ip <ip>', 'kube-dns Service IP (ip or ip:port)', '10.96.0.10')
    .option('--coredns <ips>', 'CoreDNS pod IPs, comma separated')
    .option('--upstream <ips>', "CoreDNS's upstream resolvers, comma separated (default: the node's nameservers)")
    .option('--cluster-name <name>', 'an in-cluster name that must resolve', 'kubernetes.default.svc.cluster.local')
    .option('--external-name <name>', 'an external name that must resolve', 'registry.k8s.io')
    .option('-n, --namespace <ns>', "the pod's namespace for its search list", 'default')
    .option('--timeout <duration>', 'per query', '2s')
    .option('--pod-netns <ns>', "run the pod's view inside this network namespace (a name under /var/run/netns or a path like /proc/<pid>/ns/net); the node's view runs here")
    .option('--view <views>', 'pod, node or pod,node', 'pod,node')
    .option('--node <name>', 'node name recorded in the results')
    .addOption(outputOption(DATA_FORMATS))
    .addHelpText(
      'after',
      '\nExamples:\n  flannel-doctor probe dns --service-ip 10.96.0.10 --coredns 10.244.1.3,10.244.2.4\n  flannel-doctor probe dns -n shop --pod-netns /proc/4242/ns/net -o yaml\n\nExit codes: 0 every query answered as it should, 1 some failed, 2 the tool failed.',
    )
    .action(async (opts) => {
      const { runProbeDns } = await import('./probe-run.js');
      process.exitCode = await runProbeDns(opts);
    });
  probe
    .command('mesh')
    .description('node↔node (underlay), node→pod, pod→pod (overlay) and don\'t-fragment MTU probes across node pairs')
    .option('--lab [name]', 'probe the lab built by `flannel-doctor lab up` (default name fdlab)')
    .option('--targets <file>', 'JSON array of {name, netns?, underlayIp, flannelIp?, flannelMtu?, pod?: {ip, netns?}} or a lab state.json')
    .option('--timeout <duration>', 'wait per probe packet', '1s')
    .option('--exhaustive', 'probe every path of every pair even when the MTU probes pass')
    .option('--full-mesh-max <n>', 'probe every pair up to this many nodes, sample above', '24')
    .addOption(outputOption(DATA_FORMATS))
    .addHelpText(
      'after',
      '\nExamples:\n  flannel-doctor probe mesh --targets nodes.json\n  sudo flannel-doctor probe mesh --lab --exhaustive -o json\n\nExit codes: 0 every path passes, 1 some probe failed, 2 the tool failed.',
    )
    .action(async (opts) => {
      const { runProbeMesh } = await import('./probe-run.js');
      process.exitCode = await runProbeMesh(opts);
    });
  probe
    .command('bandwidth')
    .description('iperf3 node→node on the underlay and pod→pod over the overlay for each pair, in one run: the overlay/underlay ratio against what VXLAN overhead explains, with likely causes')
    .option('--lab [name]', 'measure the lab built by `flannel-doctor lab up` (default name fdlab)')
    .option('--targets <file>', 'JSON array of {name, netns?, underlayIp, pod?: {ip, netns?}} or a lab state.json')
    .option('--seconds <n>', 'length of each iperf3 run', '3')
    .option('--pairs <mode>', 'ring (each node sends once) or full (every ordered pair)', 'ring')
    .option('--pair <from:to...>', 'measure only these pairs')
    .option('--tolerance <share>', 'how far below the expected ratio is still noise', '0.15')
    .option('--bitrate <rate>', "cap each run (iperf3 -b), e.g. 500M or 1G: below what the wire and the CPUs carry, only loss and failures stand out, whatever the machine's load")
    .addOption(outputOption(DATA_FORMATS))
    .addHelpText(
      'after',
      '\nNeeds iperf3 (Debian: apt-get install iperf3) where this runs; the runs enter the node and pod network namespaces.\nExamples:\n  sudo flannel-doctor probe bandwidth --lab --seconds 5\n  sudo flannel-doctor probe bandwidth --targets nodes.json --pair n1:n2 -o json\n\nExit codes: 0 every pair carries what VXLAN overhead leaves, 1 some pair is slower or failed, 2 the tool failed.',
    )
    .action(async (opts) => {
      const { runProbeBandwidth } = await import('./probe-bandwidth-run.js');
      process.exitCode = await runProbeBandwidth(opts);
    });
}
