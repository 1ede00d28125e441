import type { Signature } from '../../types.js';
import { sig } from '../define.js';

const TEMPLATE_CHECK =
  "containerd's conf_template in /etc/containerd/config.toml ([plugins.\"io.containerd.grpc.v1.cri\".cni] or the v3 cri plugin's cni section) and the file it names: it must exist and render a valid conflist from .PodCIDR, .PodCIDRRanges and .Routes; when a network add-on (flannel) writes /etc/cni/net.d itself, leave conf_template empty";

/**
 * containerd's CRI answer to the kubelet's pod CIDR update (UpdateRuntimeConfig): with a conf_template set and no CNI
 * config loaded, it renders /etc/cni/net.d/10-containerd-net.conflist from the node's podCIDR. When that fails the
 * kubelet logs "failed to update pod CIDR: rpc error: … desc = <containerd's error>" and the node keeps no CNI config.
 */
export const CNI_CONF_TEMPLATE_SIGNATURES: Signature[] = [
  sig({
    id: 'containerd.cni-template-unreadable',
    cause: 'cni.config-missing',
    // The template could not be read or parsed (a path that does not exist, Go template syntax), or the config
    // directory could not be created: no conflist is written. A syntax error is the template's own fault (alternative).
    re: /failed to parse cni config template|failed to create cni config directory/,
    anchors: ['failed to parse cni config template', 'failed to create cni config directory'],
    confidence: 0.65,
    specificity: 90,
    alternatives: ['cni.config-invalid'],
    check: TEMPLATE_CHECK,
    source: 'containerd pkg/cri/server/update_runtime_config.go writeCNIConfigFile ("failed to parse cni config template %q: %w", "failed to create cni config directory: %q: %w")',
    samples: [
      'E1206 18:01:00.000000    3301 kubelet_node_status.go:562] "Error updating pod CIDR" err="failed to update pod CIDR: rpc error: code = Unknown desc = failed to parse cni config template \\"/etc/containerd/10-net.tmpl\\": open /etc/containerd/10-net.tmpl: no such file or directory"',
      'failed to update pod CIDR: rpc error: code = Unknown desc = failed to create cni config directory: "/etc/cni/net.d": mkdir /etc/cni/net.d: permission denied',
    ],
    counterSamples: ['time="2026-12-06T18:01:00Z" level=info msg="Generating cni config from template \\"/etc/containerd/10-net.tmpl\\""'],
  }),
  sig({
    id: 'containerd.cni-template-render-failed',
    cause: 'cni.config-invalid',
    // The template parsed but failed while rendering (a field the template data does not have, a bad pipeline): the
    // conflist is left unwritten or partial.
    re: /failed to generate cni config file/,
    anchors: ['failed to generate cni config file'],
    confidence: 0.65,
    specificity: 90,
    alternatives: ['cni.config-missing'],
    check: TEMPLATE_CHECK,
    source: 'containerd pkg/cri/server/update_runtime_config.go writeCNIConfigFile ("failed to generate cni config file %q: %w")',
    samples: [
      'E1206 18:02:00.000000    3301 kubelet_node_status.go:562] "Error updating pod CIDR" err="failed to update pod CIDR: rpc error: code = Unknown desc = failed to generate cni config file \\"/etc/cni/net.d/10-containerd-net.conflist\\": template: 10-net.tmpl:7:18: executing \\"10-net.tmpl\\" at <.Subnet>: can\'t evaluate field Subnet in type cri.cniConfigTemplate"',
      // a dual-stack template on a node with one podCIDR
      'failed to generate cni config file "/etc/cni/net.d/10-containerd-net.conflist": template: net:14:22: executing "net" at <index .PodCIDRRanges 1>: error calling index: index out of range: 1',
    ],
    counterSamples: ['time="2026-12-06T18:02:00Z" level=info msg="CNI config is successfully loaded, skip generating cni config from template \\"/etc/containerd/10-net.tmpl\\""'],
  }),
];
