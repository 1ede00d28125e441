import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A binary for another architecture, run where an emulator stands in for the CPU: Rosetta in an Apple Silicon
 * Linux VM (Docker Desktop, OrbStack, Lima, Apple's container) runs x86-64 images' programs, and says so when the
 * x86-64 loader or a feature it lacks is missing; Android's linker refuses an ELF of another machine outright. The
 * image (or a binary it carries) is built for a platform the node is not.
 */
export const FOREIGN_BINARY_SIGNATURES: Signature[] = [
  sig({
    id: 'image.rosetta-foreign-binary',
    cause: 'image.platform-mismatch',
    // A CNI plugin's binary of the wrong architecture is the node's install, not an image: read below.
    re: /(?<!netplugin failed: \\?"?)\brosetta error: (?!failed to open elf at(?! ?\/))|\/system\/bin\/linker64: invalid elf image for this architecture/,
    anchors: ['rosetta error: ', 'invalid elf image for this architecture'],
    confidence: 0.75,
    specificity: 90,
    check: 'the image\'s platform against the node\'s (docker image inspect -f {{.Os}}/{{.Architecture}} <image>; uname -m): pull or build the arm64 variant (--platform linux/arm64, docker buildx build --platform), or run the amd64 one under full emulation (QEMU) instead of Rosetta',
    source: 'Apple\'s Rosetta for Linux ("rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2"), Android\'s bionic linker ("Invalid ELF image for this architecture")',
    samples: [
      'sng2xml failed for track_bass: rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2',
      '/system/bin/linker64: Invalid ELF image for this architecture',
    ],
    counterSamples: ['rosetta is installed', 'ld-linux-x86-64.so.2 => /lib64/ld-linux-x86-64.so.2'],
  }),
  sig({
    id: 'ambiguous.cni-plugin-foreign-binary',
    cause: 'unknown',
    // The runtime ran a CNI plugin from /opt/cni/bin built for another architecture (copied from an x86-64 host or
    // image into an arm64 node): the plugins' install, which no image pull chose.
    re: /plugin type=\\?"[\w.-]+\\?" failed \((add|del|check)\): netplugin failed: \\?"?(rosetta error|exec format error)/,
    anchors: ['netplugin failed'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['cni.plugin-missing', 'image.platform-mismatch'],
    check: 'file /opt/cni/bin/<plugin> on the node against uname -m: reinstall the CNI plugins for the node\'s architecture (the containernetworking-plugins release tarball for arm64, or the distribution\'s package)',
    source: 'libcni (pkg/invoke: "netplugin failed: …" with the plugin\'s stderr), Rosetta for Linux',
    samples: [
      'failed to setup network for sandbox "c6e5": plugin type="loopback" failed (add): netplugin failed: "rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2\\n "',
      'plugin type="bridge" failed (add): netplugin failed: "rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2"',
    ],
    counterSamples: ['plugin type="bridge" failed (add): netplugin failed with no error message: signal: killed'],
  }),
];
