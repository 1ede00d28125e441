import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * cri-dockerd v0.3.17 (github.com/Mirantis/cri-dockerd, the CRI shim in front of dockerd; its docker client is moby's
 * v25.0.8 client library) about its own start-up flags, read from the source and run against dockerd v28.5.2 in a
 * network namespace: a --docker-endpoint the client cannot parse, and a --network-plugin it does not have. Either way
 * cri-dockerd exits before its CRI socket exists, so the kubelet and crictl see no runtime at all; no CNI plugin or
 * registry is involved.
 */
export const CRI_DOCKERD_START_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.docker-host-unparsable',
    cause: 'runtime.unavailable',
    // moby's client.ParseHostURL refuses a host without a proto:// prefix (a bare path such as /var/run/docker.sock,
    // unix//… with the colon lost, tcp:/… with a slash lost). cri-dockerd logs it from ConnectToDockerOrDie and exits;
    // the Docker CLI fails the same way on such a DOCKER_HOST or -H. Nothing is dialled, so no daemon state is implied.
    re: /unable to parse docker host `[^`\n]{0,300}`/,
    anchors: ['unable to parse docker host'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'the endpoint the process was given (cri-dockerd --docker-endpoint, DOCKER_HOST, docker -H, the docker context): it needs a scheme, unix:///var/run/docker.sock or tcp://host:2375; then systemctl status cri-docker and crictl info',
    source: 'cri-dockerd libdocker/client.go ConnectToDockerOrDie ("Couldn\'t connect to docker: %v"); moby client/client.go ParseHostURL ("unable to parse docker host `%s`")',
    samples: [
      'time="2026-12-07T21:17:43Z" level=error msg="Couldn\'t connect to docker: unable to parse docker host `/var/run/docker.sock`"',
      'level=error msg="Couldn\'t connect to docker: unable to parse docker host `unix//var/run/docker.sock`"',
      'level=error msg="Couldn\'t connect to docker: unable to parse docker host `tcp:/127.0.0.1:2375`"',
    ],
    counterSamples: [
      'level=fatal msg="failed to get docker version from dockerd: Cannot connect to the Docker daemon at tcp://127.0.0.1:2375. Is the docker daemon running?"',
      'unable to parse address "docker.sock"',
    ],
  }),
  sig({
    id: 'runtime.cri-dockerd-network-plugin-unknown',
    cause: 'runtime.unavailable',
    // cri-dockerd knows two network plugins, "cni" and "kubenet" (case matters); any other --network-plugin value (the
    // CNI's own name such as flannel, a capitalised Kubenet) fails network.InitNetworkPlugin and NewDockerService
    // returns, so cri-dockerd exits before it serves the CRI. The CNI conf and binaries are never read: the flag, not
    // the network, is wrong. ("failed init" is a known plugin that could not start, another mechanism; not matched.)
    re: /didn'?t find compatible cni plugin with given settings [^\n]{0,800}?network plugin \\?"[^"\\\n]{0,60}\\?" not found/,
    anchors: ["didn't find compatible cni plugin", 'didnt find compatible cni plugin'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['cni.config-missing'],
    check: 'cri-dockerd\'s flags (systemctl cat cri-docker, ps -o args -C cri-dockerd): --network-plugin must be cni (or kubenet, or empty for none); the CNI itself is chosen by the conf in --cni-conf-dir',
    source: 'cri-dockerd core/docker_service.go NewDockerService ("didn\'t find compatible CNI plugin with given settings %+v: %v"), network/plugins.go InitNetworkPlugin ("network plugin %q not found")',
    samples: [
      'level=fatal msg="didn\'t find compatible CNI plugin with given settings &{HairpinMode:none NonMasqueradeCIDR:10.0.0.0/8 PluginName:flannel PluginBinDirString:/tmp/fd/scratch-rcridockerd/cni-bin PluginBinDirs:[/tmp/fd/scratch-rcridockerd/cni-bin] PluginConfDir:/tmp/fd/scratch-rcridockerd/confs/good PluginCacheDir:/tmp/fd/scratch-rcridockerd/cni-data/cache MTU:0}: network plugin \\"flannel\\" not found"',
      'level=fatal msg="didn\'t find compatible CNI plugin with given settings &{HairpinMode:none NonMasqueradeCIDR:10.0.0.0/8 PluginName:Kubenet PluginBinDirString:/tmp/fd/scratch-rcridockerd/emptybin PluginBinDirs:[/tmp/fd/scratch-rcridockerd/emptybin] PluginConfDir:/tmp/fd/scratch-rcridockerd/confs/empty PluginCacheDir:/tmp/fd/scratch-rcridockerd/cni-data/cache MTU:0}: network plugin \\"Kubenet\\" not found"',
    ],
    counterSamples: [
      'didn\'t find compatible CNI plugin with given settings &{PluginName:kubenet}: network plugin "kubenet" failed init: failed to find nsenter binary',
      'network plugin is not ready: cni config uninitialized',
    ],
  }),
];
