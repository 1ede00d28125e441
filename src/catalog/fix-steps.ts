import type { FixStepName, FixStepRef, FixStepSpec } from './fix-types.js';

/** Persistence changes how the node boots: applied the way the node is managed, never by the tool. */
const PERSIST = "changes the node's boot configuration; apply it the way the node is managed";

/**
 * Fix steps that several causes and rules share, written once. Persistence writes one drop-in file
 * per setting (90-flannel-doctor-<name>.conf), so applying two fixes never overwrites the first, and
 * a later file in /etc/sysctl.d that sets the value back shows in the verify step.
 */
export const FIX_STEPS: Readonly<Record<FixStepName, FixStepSpec>> = {
  /**
   * The node's flannel pod is deleted and its DaemonSet starts a new one, which re-runs the init
   * containers (CNI binary and config) and re-programs the node (subnet.env, flannel.1, routes, FDB,
   * iptables), in the namespace flannel is deployed in.
   */
  'flannel.restart': {
    text: 'Restart flannel on {node}',
    on: 'cluster',
    run: 'kubectl -n {flannelNamespace} delete pod -l app=flannel --field-selector spec.nodeName={node}',
    verify: 'kubectl -n {flannelNamespace} wait pod -l app=flannel --field-selector spec.nodeName={node} --for=condition=Ready --timeout=120s',
  },
  /** Every flanneld restarted by rolling its DaemonSet (they read net-conf.json and pick the interface only at start). */
  'flannel.rollout-restart': {
    text: 'Restart flannel on every node',
    on: 'cluster',
    run: 'kubectl -n {flannelNamespace} rollout restart daemonset {flannelDaemonSet}',
    verify: 'kubectl -n {flannelNamespace} rollout status daemonset {flannelDaemonSet} --timeout=180s',
  },
  /**
   * A JSON patch (RFC 6902, `test` operations guarding each change) on flannel's DaemonSet; changing
   * the pod template rolls every flannel pod, and the verify waits for the rollout to finish.
   */
  'flannel.daemonset-patch': {
    text: '{change} in DaemonSet {flannelNamespace}/{flannelDaemonSet}',
    on: 'cluster',
    run: 'kubectl -n {flannelNamespace} patch daemonset {flannelDaemonSet} --type json -p {patch}',
    verify: 'kubectl -n {flannelNamespace} rollout status daemonset {flannelDaemonSet} --timeout=180s',
  },
  /**
   * A new net-conf.json written into flannel's ConfigMap as a merge patch (the other keys stay); the
   * verify compares the stored text with the one written. `patch` and `netConf` are shell-quoted words.
   */
  'flannel.net-conf': {
    text: '{change} in net-conf.json of ConfigMap {configMapNamespace}/{configMap}',
    on: 'cluster',
    run: 'kubectl -n {configMapNamespace} patch configmap {configMap} --type merge -p {patch}',
    verify: "test \"$(kubectl -n {configMapNamespace} get configmap {configMap} -o jsonpath='{.data.net-conf\\.json}')\" = {netConf}",
  },
  /**
   * A new Corefile written into CoreDNS's ConfigMap as a merge patch (the other keys stay); the verify
   * compares the stored text with the one written. `patch` and `corefile` are shell-quoted words.
   */
  'coredns.corefile': {
    text: '{change} in the Corefile of ConfigMap kube-system/coredns',
    on: 'cluster',
    run: 'kubectl -n kube-system patch configmap coredns --type merge -p {patch}',
    verify: "test \"$(kubectl -n kube-system get configmap coredns -o jsonpath='{.data.Corefile}')\" = {corefile}",
  },
  /** New CoreDNS pods, which read the Corefile at start (a crash-looping one would wait out its back-off before the reload plugin sees it). */
  'coredns.rollout-restart': {
    text: 'Restart CoreDNS so that it reads the new Corefile',
    on: 'cluster',
    run: 'kubectl -n kube-system rollout restart deployment {corednsDeployment}',
    verify: 'kubectl -n kube-system rollout status deployment {corednsDeployment} --timeout=180s',
  },
  /** One ACCEPT rule put at the head of a chain unless it is there already; idempotent. `match` is shell words. */
  'iptables.accept': {
    text: 'Accept {match} in {chain} on {node}',
    on: 'node',
    run: 'iptables -t {table} -C {chain} {match} -j ACCEPT 2>/dev/null || iptables -t {table} -I {chain} {match} -j ACCEPT',
    verify: 'iptables -t {table} -C {chain} {match} -j ACCEPT',
  },
  /** One rule removed from the running iptables, every copy of it (a reload may have added it twice); idempotent. `rule` is shell words. */
  'iptables.delete': {
    text: 'Remove the rule {chain} {rule} on {node}',
    on: 'node',
    run: 'while iptables -t {table} -C {chain} {rule} 2>/dev/null; do iptables -t {table} -D {chain} {rule}; done',
    verify: '! iptables -t {table} -C {chain} {rule} 2>/dev/null',
  },
  'sysctl.set': {
    text: 'On {node}: set {key} = {value} in the running kernel',
    on: 'node',
    run: 'sysctl -w {key}={value}',
    verify: 'test "$(sysctl -n {key})" = {value}',
  },
  'sysctl.persist': {
    text: 'Persist {key} = {value} across reboots, in a drop-in of its own',
    on: 'node',
    run: "printf '%s = %s\\n' {key} {value} > /etc/sysctl.d/90-flannel-doctor-{key}.conf && sysctl --system",
    verify: 'test "$(sysctl -n {key})" = {value}',
    manual: PERSIST,
  },
  'module.load': {
    text: 'On {node}: load the {module} kernel module',
    on: 'node',
    // a module built into the kernel (or already loaded) has /sys/module/<name>: nothing to load, and no /lib/modules needed
    run: 'test -d /sys/module/{module} || modprobe {module}',
    verify: 'test -d /sys/module/{module}',
  },
  'module.persist': {
    text: 'Load {module} at every boot, from a file of its own',
    on: 'node',
    run: 'echo {module} > /etc/modules-load.d/flannel-doctor-{module}.conf',
    verify: 'grep -qx {module} /etc/modules-load.d/flannel-doctor-{module}.conf',
    manual: PERSIST,
  },
};

/** The step a source stands for: a named step is its entry (with the rule's text, when it gives one). */
export function specOf(src: FixStepSpec | FixStepRef): FixStepSpec {
  if (!('step' in src)) return src;
  const entry = FIX_STEPS[src.step];
  return src.text ? { ...entry, text: src.text } : entry;
}
