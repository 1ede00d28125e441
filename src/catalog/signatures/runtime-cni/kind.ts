import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * kind (Kubernetes in Docker): texts whose words read like a registry's or a resolver's but whose mechanism is kind's
 * own plumbing. kind load streams `docker save` into `ctr images import` inside the node container, so an EOF there is
 * the local archive stream, not a registry; and kind's node containers find each other by container name through
 * Docker's embedded DNS (127.0.0.11), so a peer node's name that does not resolve is a container missing from the
 * cluster's network, not the node's resolver.
 */
export const KIND_SIGNATURES: Signature[] = [
  sig({
    id: 'kind.load-archive-stream-cut',
    cause: 'unknown',
    // ctr's importer (containerd images/archive) reads the tar stream kind pipes from `docker save` (or from the file
    // given to `kind load image-archive`): an EOF there says the archive ended early — docker save failed midway
    // (often a full /tmp or Docker root), the file is truncated, or the node container went away — never a registry.
    re: /(\bimages? import\b[^\n]{0,300}[\s\S]{0,300}?ctr: |\bfailed to ingest "[^"\n]{1,200}": |\buntar (oci layout|manifest) "[^"\n]{1,200}": )(failed to copy: |failed to read expected number of bytes: )?unexpected eof/,
    anchors: ['images import', 'image import', 'failed to ingest "', 'untar oci layout', 'untar manifest'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['image.disk-full'],
    check: 'docker save <image> -o /tmp/x.tar on the host and df -h /tmp and the Docker root (docker info --format {{.DockerRootDir}}): a save that fails or a tar that tar -tf cannot list is the cut; docker ps says whether the node container is still up',
    source: 'kind pkg/cluster/nodeutils/util.go (LoadImageArchive: ctr --namespace=k8s.io images import … -); containerd images/archive/importer.go (ImportIndex: tar reader, "failed to ingest %q: %w"), content/helpers.go (Copy: "failed to copy: %w")',
    samples: [
      'ERROR: failed to load image: command "docker exec --privileged -i kind-control-plane ctr --namespace=k8s.io images import --all-platforms --digests --snapshotter=overlayfs -" failed with error: exit status 1\nCommand Output: ctr: unexpected EOF',
      'Command Output: ctr: failed to ingest "blobs/sha256/5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef": failed to copy: unexpected EOF',
      'ctr: failed to ingest "3b25b682ea82/layer.tar": failed to read expected number of bytes: unexpected EOF',
    ],
    counterSamples: [
      'failed to pull and unpack image "docker.io/library/node:20": failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/aa/aa11/data": unexpected EOF',
      'ctr: failed to ingest "blobs/sha256/a1b2": failed to commit content: commit failed: unexpected commit digest sha256:e3b0, expected sha256:a1b2: failed precondition',
    ],
  }),
  sig({
    id: 'kind.peer-node-name-unresolved',
    cause: 'unknown',
    // A kind node looks its peers up by container name (<cluster>-control-plane, -worker2, -external-load-balancer)
    // through Docker's embedded DNS at 127.0.0.11, which knows only the containers attached to the same network: "no
    // such host" there says the peer container is gone or on another network (it crashed and was removed, a second
    // cluster on KIND_EXPERIMENTAL_DOCKER_NETWORK), not that the node's resolver is broken.
    re: /lookup [\w.-]+-(control-plane|worker|external-load-balancer)\d* on 127\.0\.0\.11:53: (no such host|server misbehaving)/,
    anchors: ['on 127.0.0.11:53: no such host', 'on 127.0.0.11:53: server misbehaving'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['dns.node-resolver'],
    check: 'docker ps -a --filter label=io.x-k8s.kind.cluster and docker network inspect kind: the peer node container must be running and attached to the same network as the node that looks it up',
    source: 'kind pkg/cluster/internal/providers/docker/network.go (nodes on the user-defined "kind" network, names served by Docker\'s embedded DNS); kubeadm join discovery ("[discovery] Failed to request cluster-info")',
    samples: [
      '[discovery] Failed to request cluster-info, will try again: Get "https://kind-control-plane:6443/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp: lookup kind-control-plane on 127.0.0.11:53: no such host',
      'E1204 09:14:11.006 kubelet_node_status.go:107] "Unable to register node with API server" err="Post \\"https://dev-control-plane:6443/api/v1/nodes\\": dial tcp: lookup dev-control-plane on 127.0.0.11:53: no such host" node="dev-worker2"',
    ],
    counterSamples: [
      'dial tcp: lookup registry-1.docker.io on 127.0.0.11:53: no such host',
      '[discovery] Failed to request cluster-info, will try again: Get "https://k8s-api.lab:6443/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp: lookup k8s-api.lab on 10.0.0.2:53: no such host',
    ],
  }),
];
