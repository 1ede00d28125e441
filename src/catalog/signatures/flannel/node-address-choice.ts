import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A node with several interfaces (VirtualBox's NAT eth0 at 10.0.2.15 beside the host-only one, a VPN such as
 * Tailscale, public and private addresses) is known by the address something chose: flannel's public-ip, the
 * kubelet's InternalIP and serving certificate, etcd's peer certificate, an installer's inventory. When they chose
 * differently the texts below are what meets the mismatch; they name the address, not the chooser.
 */
export const NODE_ADDRESS_CHOICE_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.kubelet-serving-cert-address',
    cause: 'registry.tls-name-mismatch',
    // The API server dials the kubelet (logs, exec, attach, port-forward) at the node's address; the kubelet's serving
    // certificate lists the addresses it saw at start. Another address (a VPN's, an add-on's, a second NIC's) fails
    // verification. The corpus reads a certificate's name mismatch by its registry id wherever the peer is; the address
    // chosen for the node is the other candidate, and the check tells them apart.
    re: /(:10250\/|kubectl\.? ?(logs|exec|attach|port-forward)\b)[\s\S]{0,400}x509: certificate is valid for [^\n]{1,300}, not \S+/,
    anchors: [':10250/', 'kubectl logs', 'kubectl exec', 'kubectl attach', 'kubectl port-forward', 'kubectl.kubectl logs'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['flannel.wrong-iface'],
    check: 'kubectl get node <node> -o wide (InternalIP) against the addresses in the kubelet\'s serving certificate (openssl x509 -noout -text -in /var/lib/kubelet/pki/kubelet.crt): set the kubelet\'s --node-ip (and flannel\'s --iface) to the interface the nodes share, then let the kubelet renew its certificate',
    source: 'kube-apiserver proxying to the kubelet (pkg/kubelet/server streaming paths) with crypto/x509\'s HostnameError ("certificate is valid for …, not …")',
    samples: [
      'Error from server: Get "https://100.101.102.103:10250/containerLogs/default/web/web?follow=true": tls: failed to verify certificate: x509: certificate is valid for 192.168.1.20, 10.1.0.1, not 100.101.102.103',
      '$ sudo microk8s.kubectl logs web-0\nError from server: (...) tls: failed to verify certificate: x509: certificate is valid for 192.168.2.110, 172.17.0.1, not 10.0.1.1',
    ],
    counterSamples: ['Get "https://registry.local/v2/": x509: certificate is valid for other.local, not registry.local'],
  }),
  sig({
    id: 'ambiguous.etcd-peer-address-not-in-cert',
    cause: 'unknown',
    // etcd refuses a peer or client whose source address its certificate does not list: the member reached it from
    // another interface than the one its certificate was made for.
    re: /rejected connection from \\?"[\d.:[\]a-f]+\\?" \(error \\?"tls: \\*"[\d.:a-f]+\\*" does not match any of dnsnames/,
    anchors: ['does not match any of dnsnames'],
    confidence: 0.4,
    specificity: 91,
    alternatives: ['flannel.wrong-iface'],
    check: 'the address the connecting member or node uses (ip route get <etcd address> on it) against the SANs of the etcd certificates (openssl x509 -noout -ext subjectAltName -in <peer cert>): pin the interface, or add the address to the certificates',
    source: 'etcd (embed: "rejected connection from … (error \\"tls: \\\\\\"<ip>\\\\\\" does not match any of DNSNames […]\\")")',
    samples: [
      '2020-07-24 21:32:58.977617 I | embed: rejected connection from "192.168.1.4:44064" (error "tls: \\"192.168.1.4\\" does not match any of DNSNames [\\"node-1\\" \\"node-2\\" \\"localhost\\"]", ServerName "", IPAddresses ["127.0.0.1"], DNSNames ["node-1"])',
      'embed: rejected connection from "10.0.2.15:51234" (error "tls: \\"10.0.2.15\\" does not match any of DNSNames [\\"etcd-0\\"]")',
    ],
    counterSamples: ['embed: rejected connection from "10.0.0.4:2380" (error "remote error: tls: bad certificate")'],
  }),
  sig({
    id: 'flannel.installer-duplicate-node-address',
    cause: 'flannel.wrong-iface',
    // RKE and kubespray check the addresses their inventory gives: the same one on every node (VirtualBox's NAT
    // 10.0.2.15) or one the host does not have (a cloud's public NAT address) is the wrong interface chosen for nodes.
    re: /cluster can't have duplicate node: \S+|stop if ip var does not match local ips/,
    anchors: ["cluster can't have duplicate node", 'stop if ip var does not match local ips'],
    confidence: 0.65,
    specificity: 90,
    check: 'the address each node is given in the installer\'s inventory (cluster.yml address/internal_address, kubespray\'s ip/access_ip) against ip -4 addr on that node: use the interface the nodes reach each other on, not a NAT or public address',
    source: 'RKE (cluster validation: "Cluster can\'t have duplicate node: …"), kubespray (roles/kubernetes/preinstall: "Stop if ip var does not match local ips")',
    samples: [
      "Failed to validate cluster: Cluster can't have duplicate node: 10.0.2.15",
      'TASK [kubernetes/preinstall : Stop if ip var does not match local ips] ****\nfatal: [node1]: FAILED! => {"assertion": "ip in ansible_all_ipv4_addresses", "changed": false}',
    ],
    counterSamples: ['Cluster has no duplicate node'],
  }),
];
