import type { FixStepName, FixStepRef, FixStepSpec } from './fix-types.js';

/** Persistence changes how the node boots: applied the way the node is managed, never by the tool. */
/** containerd's directory of running tasks in the CRI namespace: a sandbox without one is gone. */
export const CONTAINERD_TASKS = '/run/containerd/io.containerd.runtime.v2.task/k8s.io';

const CONTAINERD_HTTP_VERIFY = "grep -qF 'server = \"http://{registry}\"' {hostsDir}/{registry}/hosts.toml && ! grep -qF 'https://{registry}' {hostsDir}/{registry}/hosts.toml";

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
  /** Stale addresses removed from cni0 (the right gateway and the pods attached to it stay). `addresses` is space-separated CIDRs. */
  'cni.bridge-address-del': {
    text: 'Remove {addresses} from cni0 on {node}',
    on: 'node',
    run: 'for a in {addresses}; do ip addr del "$a" dev cni0; done',
    verify: "! ip -4 -o addr show dev cni0 | awk '{print $4}' | grep -qxF \"$(printf '%s\\n' {addresses})\"",
  },
  /** cni0 deleted: the bridge plugin recreates it with the gateway of the node's subnet on the next pod ADD. */
  'cni.bridge-delete': {
    text: 'Delete cni0 on {node}: the bridge plugin recreates it with {gateway} on the next pod',
    on: 'node',
    run: 'ip link set cni0 down && ip link delete cni0',
    verify: "! ip -4 -o addr show dev cni0 2>/dev/null | grep -v -F 'inet {gateway} ' | grep -q inet",
  },
  /**
   * host-local reservations in `dir` whose sandbox is gone, removed. host-local writes the container
   * id, "\r\n", then the interface name; containerd keeps a task directory per running sandbox. A
   * reservation younger than a minute may belong to a sandbox being set up right now: kept.
   */
  'cni.ipam-release': {
    text: 'Remove the reservations in {dir} on {node} whose container no longer exists',
    on: 'node',
    run: `cd {dir} && for f in [0-9]*; do id=$(head -n 1 "$f" | tr -d '\\r'); [ -e "${CONTAINERD_TASKS}/$id" ] || [ -n "$(find "$f" -mmin -1)" ] || rm -f -- "$f"; done`,
    verify: `[ "$(ls {dir} | grep -c '^[0-9]')" -lt {usable} ]`,
    changes: ['{dir}'],
  },
  /** The pods on a node, for the operator to pick the ones to re-create. */
  'pods.on-node': {
    text: 'List the pods on {node}',
    on: 'cluster',
    run: 'kubectl get pods -A -o wide --field-selector spec.nodeName={node}',
    manual: 'which pods to delete is the operator\'s choice',
  },
  /** A Deployment scaled to a replica count, verified by its rollout. */
  'deployment.scale': {
    text: 'Scale Deployment {workloadNamespace}/{workload} to {replicas} replicas',
    on: 'cluster',
    run: 'kubectl -n {workloadNamespace} scale deployment {workload} --replicas={replicas}',
    verify: 'kubectl -n {workloadNamespace} rollout status deployment {workload} --timeout=120s',
  },
  /**
   * The nameserver lines of a resolv.conf replaced by `servers` (space-separated), the rest of the
   * file kept. Rewritten in place, not renamed over: /etc/resolv.conf may be a bind mount.
   */
  'resolver.nameservers': {
    text: 'Write the nameservers {servers} into {file} on {node}, the rest of the file kept',
    on: 'node',
    run: "t=$(grep -v '^[[:space:]]*nameserver[[:space:]]' {file}); { printf '%s\\n' \"$t\"; printf 'nameserver %s\\n' {servers}; } > {file}",
    verify: "! printf 'nameserver %s\\n' {servers} | grep -qvxF -f {file}",
    changes: ['{file}'],
  },
  /** A route to a peer's pod subnet through flannel.1 (vxlan: the peer's network address as the onlink next hop). */
  'route.replace-onlink': {
    text: 'On {node}: route {dst} via {via} dev {dev} onlink',
    on: 'node',
    run: 'ip route replace {dst} via {via} dev {dev} onlink',
    verify: 'ip route show exact {dst} via {via} dev {dev} | grep -q onlink',
  },
  /** A route to a peer's pod subnet through the peer itself (host-gw). */
  'route.replace': {
    text: 'On {node}: route {dst} via {via}',
    on: 'node',
    run: 'ip route replace {dst} via {via}',
    verify: 'ip route show exact {dst} via {via} | grep -q .',
  },
  /**
   * A JSON patch of flannel's DaemonSet that adds an argument to a container (the patch tests the
   * container's name first, so a changed DaemonSet is never patched blindly); the pods roll. `patch`
   * and `arg` (the argument as the JSON of the args shows it, e.g. "--iface=eth1" in quotes) are shell-quoted words.
   */
  'flannel.add-arg': {
    text: 'Add {arg} to container {containerIndex} of DaemonSet {flannelNamespace}/{flannelDaemonSet}',
    on: 'cluster',
    run: 'kubectl -n {flannelNamespace} patch daemonset {flannelDaemonSet} --type json -p {patch}',
    verify: "kubectl -n {flannelNamespace} get daemonset {flannelDaemonSet} -o jsonpath='{.spec.template.spec.containers[{containerIndex}].args}' | grep -q -- {arg} && kubectl -n {flannelNamespace} rollout status daemonset {flannelDaemonSet} --timeout=180s",
  },
  /** A podCIDR given to a node that has none (the API allows setting it once). `patch` is a shell-quoted word. */
  'node.pod-cidr': {
    text: 'Give {node} the podCIDR {podCIDR}',
    on: 'cluster',
    run: 'kubectl patch node {node} --type merge -p {patch}',
    verify: "test \"$(kubectl get node {node} -o jsonpath='{.spec.podCIDR}')\" = {podCIDR}",
  },
  /**
   * One ACCEPT rule per address of `ips` (space-separated) at the head of a chain, unless there
   * already; `match` is shell words that name each address as "$ip". Idempotent.
   */
  'iptables.accept-each': {
    text: 'Accept {match} in {chain} on {node} for each of {ips}',
    on: 'node',
    run: 'for ip in {ips}; do iptables -t {table} -C {chain} {match} -j ACCEPT 2>/dev/null || iptables -t {table} -I {chain} {match} -j ACCEPT; done',
    verify: '! for ip in {ips}; do iptables -t {table} -C {chain} {match} -j ACCEPT 2>/dev/null || echo "$ip"; done | grep -q .',
  },
  /** A docker-registry pull secret (re)written with the operator's credentials, keyed by `server`. */
  'secret.docker-registry': {
    text: 'Write secret {namespace}/{secret} keyed {server}',
    on: 'cluster',
    run: 'kubectl create secret docker-registry {secret} -n {namespace} --docker-server={server} --docker-username={registryUser} --docker-password={registryPassword} --dry-run=client -o yaml | kubectl apply -f -',
    verify: "kubectl get secret {secret} -n {namespace} -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | grep -qF '\"{server}\"'",
  },
  /**
   * A pull secret replaced by a docker-registry one of the same name (delete, then create: the type of
   * a Secret cannot change in place), keyed by `server`; verified by its type and key.
   */
  'secret.docker-registry-replace': {
    text: 'Replace secret {namespace}/{secret} by a docker-registry secret keyed {server}',
    on: 'cluster',
    run: 'kubectl delete secret {secret} -n {namespace} --ignore-not-found && kubectl create secret docker-registry {secret} -n {namespace} --docker-server={server} --docker-username={registryUser} --docker-password={registryPassword}',
    verify: "test \"$(kubectl get secret {secret} -n {namespace} -o jsonpath='{.type}')\" = kubernetes.io/dockerconfigjson && kubectl get secret {secret} -n {namespace} -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | grep -qF '\"{server}\"'",
  },
  /**
   * A ServiceAccount's imagePullSecrets set to `patch` (a merge patch holding the whole list: the ones
   * it had and the new one, as one shell-quoted word); pods created afterwards get them copied in.
   */
  'serviceaccount.pull-secrets': {
    text: 'Add {secret} to the imagePullSecrets of ServiceAccount {namespace}/{serviceAccount}',
    on: 'cluster',
    run: 'kubectl -n {namespace} patch serviceaccount {serviceAccount} --type merge -p {patch}',
    verify: "kubectl -n {namespace} get serviceaccount {serviceAccount} -o jsonpath='{.imagePullSecrets[*].name}' | tr ' ' '\\n' | grep -qxF {secret}",
  },
  /**
   * containerd's hosts.toml for a plain-HTTP registry: an existing file keeps everything but the
   * scheme of the registry's URLs (`registryPattern` is its host[:port] with the dots escaped).
   */
  'containerd.hosts-http': {
    text: 'On {node}: make {hostsDir}/{registry}/hosts.toml name http://{registry} where it says https://',
    on: 'node',
    run: "sed -i 's#https://{registryPattern}\\([/\"]\\)#http://{registry}\\1#g' {hostsDir}/{registry}/hosts.toml",
    verify: CONTAINERD_HTTP_VERIFY,
    changes: ['{hostsDir}/{registry}/hosts.toml'],
  },
  /** containerd's hosts.toml for a plain-HTTP registry, written where none was (containerd reads it on the next pull). */
  'containerd.hosts-http-new': {
    text: 'On {node}: write {hostsDir}/{registry}/hosts.toml with the http:// server',
    on: 'node',
    run: "mkdir -p {hostsDir}/{registry} && printf '%s\\n' 'server = \"http://{registry}\"' '' '[host.\"http://{registry}\"]' '  capabilities = [\"pull\", \"resolve\"]' > {hostsDir}/{registry}/hosts.toml",
    verify: CONTAINERD_HTTP_VERIFY,
    changes: ['{hostsDir}/{registry}/hosts.toml'],
  },
  /**
   * One [host."…"] table of a containerd hosts.toml removed, with its sub-tables ([host."…".header]),
   * in either quoting; the rest of the file kept, rewritten in place. `hostUrl` is the table's URL.
   */
  'containerd.hosts-drop-host': {
    text: 'On {node}: remove [host."{hostUrl}"] from {file}, the rest of the file kept',
    on: 'node',
    run: `t=$(awk -v u={hostUrl} '/^[ \\t]*\\[/ { h = $0; gsub(/[ \\t]/, "", h); d = "[host.\\"" u "\\""; q = "[host.\\047" u "\\047"; k = substr(h, length(d) + 1, 1); skip = (index(h, d) == 1 || index(h, q) == 1) && (k == "]" || k == ".") } !skip' {file}) && printf '%s\\n' "$t" > {file}`,
    verify: `! grep -qF -e '"{hostUrl}"' -e "'{hostUrl}'" {file}`,
    changes: ['{file}'],
  },
  /**
   * A [host."…"] table appended to a containerd hosts.toml unless its header line is there already.
   * `header` (that line) is a shell-quoted word, `toml` the table's lines, each one shell-quoted word.
   */
  'containerd.hosts-add-host': {
    text: 'On {node}: add [host."{hostUrl}"] to {file}',
    on: 'node',
    run: "grep -qxF {header} {file} || printf '%s\\n' '' {toml} >> {file}",
    verify: 'grep -qxF {header} {file}',
    changes: ['{file}'],
  },
  /** A device's MTU set (flanneld keeps an existing flannel.1's); nothing to do where the device does not exist. */
  // The MTU is read with `ip`, which asks the kernel in the shell's own network namespace:
  // /sys/class/net shows the namespace sysfs was mounted in (not the node's, inside a container or a lab node).
  'link.mtu': {
    text: 'Set {dev} to MTU {mtu}',
    on: 'node',
    run: 'm=$(ip -o link show {dev} 2>/dev/null | sed -n \'s/.* mtu \\([0-9]*\\) .*/\\1/p\'); [ -z "$m" ] || ip link set {dev} mtu {mtu}',
    verify: 'm=$(ip -o link show {dev} 2>/dev/null | sed -n \'s/.* mtu \\([0-9]*\\) .*/\\1/p\'); [ -z "$m" ] || [ "$m" -le {mtu} ]',
  },
  /** A device's MTU lowered to `mtu` when it is bigger (a smaller one stays); nothing to do where the device does not exist. */
  'link.mtu-at-most': {
    text: 'Lower {dev} to MTU {mtu}, if it is bigger',
    on: 'node',
    run: 'm=$(ip -o link show {dev} 2>/dev/null | sed -n \'s/.* mtu \\([0-9]*\\) .*/\\1/p\'); [ -z "$m" ] || [ "$m" -le {mtu} ] || ip link set {dev} mtu {mtu}',
    verify: 'm=$(ip -o link show {dev} 2>/dev/null | sed -n \'s/.* mtu \\([0-9]*\\) .*/\\1/p\'); [ -z "$m" ] || [ "$m" -le {mtu} ]',
  },
  /** Pods of one namespace deleted (their controllers make them anew); verified gone. `podNames` is shell words. */
  'pods.delete': {
    text: 'Delete the pods {podNames} of {workloadNamespace}',
    on: 'cluster',
    run: 'kubectl -n {workloadNamespace} delete pod {podNames}',
    verify: '! kubectl -n {workloadNamespace} get pod {podNames} -o name 2>/dev/null | grep -q .',
  },
  /** A bare pod (no controller) made anew from its own spec, verified Ready. */
  'pod.replace': {
    text: 'Make the pod {namespace}/{pod} anew from its own spec',
    on: 'cluster',
    run: 'kubectl -n {namespace} get pod {pod} -o json | kubectl replace --force -f -',
    verify: 'kubectl -n {namespace} wait --for=condition=Ready pod/{pod} --timeout=120s',
  },
  /** A device deleted (flanneld creates flannel.1 anew when it restarts); nothing to do where it is gone already. */
  'link.delete': {
    text: 'Delete {dev} on {node}',
    on: 'node',
    run: '! ip link show {dev} >/dev/null 2>&1 || ip link delete {dev}',
    verify: '! ip link show {dev} >/dev/null 2>&1',
  },
  /** A device set up (administratively). */
  'link.up': {
    text: 'Set {dev} up on {node}',
    on: 'node',
    run: 'ip link set {dev} up',
    verify: "ip link show {dev} | grep -q '[<,]UP[,>]'",
  },
  /** containerd restarted on the node (it reads config.toml only at start; hosts.toml on every pull). */
  'containerd.restart': {
    text: 'Restart containerd on {node}',
    on: 'node',
    run: 'systemctl restart containerd',
    verify: 'systemctl is-active --quiet containerd && crictl info >/dev/null',
  },
  /** One rule appended to a chain unless it is there already; idempotent. `rule` is shell words (the match and -j target). */
  'iptables.append': {
    text: 'Append {rule} to {chain} ({table}) on {node}',
    on: 'node',
    run: 'iptables -t {table} -C {chain} {rule} 2>/dev/null || iptables -t {table} -A {chain} {rule}',
    verify: 'iptables -t {table} -C {chain} {rule}',
  },
  /** One pod deleted, so that its controller makes it anew (a pull retried now, say). */
  'pod.delete': {
    text: 'Delete pod {namespace}/{pod}',
    on: 'cluster',
    run: 'kubectl -n {namespace} delete pod {pod}',
  },
};

/** The step a source stands for: a named step is its entry (with the rule's text and reason to leave it to a person, when it gives them). */
export function specOf(src: FixStepSpec | FixStepRef): FixStepSpec {
  if (!('step' in src)) return src;
  const entry = FIX_STEPS[src.step];
  return { ...entry, ...(src.text ? { text: src.text } : {}), ...(src.manual ? { manual: src.manual } : {}) };
}
