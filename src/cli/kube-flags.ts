/** The kubectl flags every command that reads the cluster takes, with one meaning each. */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export interface KubeFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  allNamespaces?: boolean;
  selector?: string;
  timeout: string;
}

export function addKubeFlags(cmd: Command, timeoutDefault = '30s'): Command {
  return cmd
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context to use (default: the current context)')
    .option('-n, --namespace <ns>', 'only pods, events and pull secrets of this namespace (plus kube-system and kube-flannel); nodes stay cluster-wide')
    .option('-A, --all-namespaces', 'every namespace (the default)')
    .option('-l, --selector <selector>', 'only pods with these labels and their events, e.g. app=web,tier!=db (system pods are kept)')
    .option('--timeout <duration>', 'overall time for reading the cluster, e.g. 30s, 2m', timeoutDefault);
}

/** -n and -A together are refused, as kubectl does. */
export function namespaceOf(f: Pick<KubeFlags, 'namespace' | 'allNamespaces'>): string | undefined {
  if (f.namespace && f.allNamespaces) throw new UsageError('-n/--namespace and -A/--all-namespaces exclude each other: give one');
  return f.allNamespaces ? undefined : f.namespace;
}
