import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * flanneld's etcd subnet manager (pkg/subnet/etcd): its client set-up from --etcd-certfile/--etcd-keyfile/--etcd-cafile
 * and its lease requests, whose errors are etcd's or the transport's, not one of flannel's own causes.
 */
export const ETCD_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.etcd-client-tls-files',
    cause: 'unknown',
    // newTlsConfig loads flannel's etcd client certificate, key and CA before any request: a path that does not exist or
    // a file that is not PEM stops flanneld at start, which shows as its pod down but is its own TLS flags.
    re: /failed to create subnetmanager: (open \S+\.(pem|crt|key|cert|ca)(: |\b)|tls: (failed to find any pem data|failed to find certificate pem data|failed to find "[\w ]+" pem block|private key does not match public key|failed to parse private key)|x509: (malformed|failed to parse|decryption password incorrect))/,
    anchors: ['subnetmanager: open ', 'subnetmanager: tls: ', 'subnetmanager: x509: '],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['flannel.daemon-down'],
    check: "flanneld's --etcd-certfile, --etcd-keyfile and --etcd-cafile (or FLANNELD_ETCD_* in its environment): each path must exist inside flannel's container or host and hold the PEM certificate, its matching key and the etcd CA",
    source: 'flannel pkg/subnet/etcd/registry.go newTlsConfig (tlsutil.NewCert / NewCertPool) via main.go "Failed to create SubnetManager: "',
    samples: [
      'E1103 07:47:13.000000    1423 main.go:251] Failed to create SubnetManager: open /etc/kubernetes/pki/etcd/flannel.pem: no such file or directory',
      'E1103 07:47:14.000000    1423 main.go:251] Failed to create SubnetManager: tls: failed to find any PEM data in certificate input',
      'Failed to create SubnetManager: tls: private key does not match public key',
      // --etcd-certfile given the key file (real run of flanneld v0.28.9)
      'E1207 14:37:19.497241   18628 main.go:251] Failed to create SubnetManager: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched',
    ],
    counterSamples: ['Failed to create SubnetManager: failed to read net conf: open /etc/kube-flannel/net-conf.json: no such file or directory'],
  }),
  sig({
    id: 'flannel.lease-request-failed',
    cause: 'unknown',
    // The lease is a request to etcd (etcd mode) or to the API server (kube mode): a deadline passed, the gRPC
    // connection unavailable, or etcd transactions that kept losing the race for a free subnet name no flannel
    // cause; the datastore behind it does.
    re: /failed to acquire lease: (context deadline exceeded|max retries reached trying to acquire a subnet|rpc error: code = (unavailable|deadlineexceeded) desc)/,
    anchors: ['failed to acquire lease: context deadline', 'max retries reached trying to acquire', 'failed to acquire lease: rpc error'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['flannel.no-pod-cidr', 'flannel.config-invalid'],
    check: "etcd mode: etcdctl --endpoints <flannel's --etcd-endpoints> endpoint health and get --prefix <--etcd-prefix>/subnets --keys-only (leases against Network and SubnetLen); kube mode: kubectl get --raw /readyz from the node",
    source: 'flannel pkg/subnet/etcd/local_manager.go tryAcquireLease ("max retries reached trying to acquire a subnet"), main.go "Error registering network: %s"',
    samples: [
      'E1103 07:47:21.000000    1423 main.go:384] Error registering network: failed to acquire lease: max retries reached trying to acquire a subnet',
      'E1103 07:47:23.000000    1423 main.go:384] Error registering network: failed to acquire lease: context deadline exceeded',
      'Error registering network: failed to acquire lease: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.0.0.11:2379: connect: connection refused"',
    ],
    counterSamples: ['failed to acquire lease: context canceled', 'Error registering network: failed to acquire lease: node "w1" pod cidr not assigned'],
  }),
];
