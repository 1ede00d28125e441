import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * crictl (cri-tools) on a node: the client's own records around the runtime's answer. Without /etc/crictl.yaml it
 * tries each of its deprecated default endpoints in turn (crictl_config.go: GetRuntimeService, GetImageService),
 * logs every one that fails at level error and goes on to the next; the command's own answer (a FATA line, a table)
 * comes after them.
 */
export const CRICTL_SIGNATURES: Signature[] = [
  sig({
    id: 'crictl.default-endpoint-attempt',
    cause: 'runtime.unavailable',
    // Why: a logged (ERRO, not FATA) endpoint failure is one attempt of crictl's default-endpoints loop; a pull or
    // sandbox error the next endpoint's runtime returned later in the paste is the failure, so it speaks for its own
    // record only. When every endpoint fails, the FATA line (the same transport text) stands.
    re: /(?:\berro\[\d+\]|level=error msg=")\s*(?:validate service connection: validate cri v1 (?:runtime|image) api for endpoint|unable to determine (?:runtime|image) api version|connect endpoint ')[^\n]*/,
    anchors: ['erro[', 'level=error msg="validate service connection', 'level=error msg="unable to determine', 'level=error msg="connect endpoint'],
    confidence: 0.6,
    specificity: 97,
    recordOnly: true,
    alternatives: ['node.not-ready'],
    check: 'the lines after it: crictl logs each default endpoint it could not reach and tries the next, so a later FATA line (or a table) is the command\'s own answer; runtime-endpoint and image-endpoint in /etc/crictl.yaml must name the socket the kubelet uses (containerRuntimeEndpoint in /var/lib/kubelet/config.yaml)',
    source: 'cri-tools cmd/crictl/crictl_config.go: GetRuntimeService / GetImageService (default endpoints loop, logrus.Error(err) then continue); older crictl: "unable to determine runtime API version", "connect endpoint \'%s\', make sure you are running as root"',
    samples: [
      'ERRO[0000] validate service connection: validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory"',
      'WARN[0000] image connect using default endpoints: [unix:///var/run/dockershim.sock unix:///run/containerd/containerd.sock unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock]. As the default settings are now deprecated, you should set the endpoint instead.\nERRO[0000] unable to determine image API version: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial unix /var/run/dockershim.sock: connect: no such file or directory"',
      'time="2024-05-02T08:00:01Z" level=error msg="connect endpoint \'unix:///var/run/dockershim.sock\', make sure you are running as root and the endpoint has been started: context deadline exceeded"',
    ],
    counterSamples: [
      'FATA[0000] validate service connection: validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unavailable desc = connection error',
      'time="2025-02-03T10:11:12Z" level=fatal msg="validate service connection: validate CRI v1 image API for endpoint \\"unix:///var/run/crio/crio.sock\\": rpc error: code = Unavailable"',
    ],
  }),
];
