import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * An image built for a higher CPU level than the node's: the architecture matches, so the pull and the manifest pick
 * succeed, but the program checks (or glibc checks) for instructions the CPU lacks and stops at start. The platform
 * mismatch is below the OS/architecture pair: x86-64 feature levels (SSSE3, SSE4.2, AVX, x86-64-v2) and ARMv8.2-A.
 */
export const CPU_FEATURE_SIGNATURES: Signature[] = [
  sig({
    id: 'image.cpu-feature-missing',
    cause: 'image.platform-mismatch',
    // Each program's own start-up check (MongoDB 5+, ClickHouse, ScyllaDB, Doris, Sentry's installer) and glibc's
    // ISA-level check in images built on RHEL 9 / UBI 9. A VM whose CPU model hides the host's flags fails the same way.
    re: /requires a cpu with avx\b|requires armv8\.2-a or higher|(?:cpu|processor)[^\n]{0,60}does not support (?:the )?(?:sse ?4\.[12]|ssse3|avx2?|popcnt|pclmul)[^\n]{0,10} instruction set|\b(?:sse ?4\.[12]|ssse3|avx2?) instruction set is not supported|requires the sse4\.2 and clmul instruction sets|requires a processor with sse ?4\.2|cpu does not support x86-64-v\d/,
    anchors: ['requires a cpu with avx', 'armv8.2-a or higher', 'instruction set', 'requires a processor with sse', 'cpu does not support x86-64-v'],
    confidence: 0.8,
    specificity: 92,
    check: 'the node\'s CPU flags (grep -o -w -e avx -e sse4_2 -e ssse3 /proc/cpuinfo | sort -u; on ARM, the Features line): a VM may hide the host\'s flags (CPU type host or host-passthrough); otherwise an image tag built for a lower CPU level, or a node whose CPU has the feature',
    source: 'start-up CPU checks: MongoDB ("requires a CPU with AVX support", "requires ARMv8.2-A or higher"), ClickHouse ("Instruction check fail. The CPU does not support … instruction set"), ScyllaDB, glibc ("Fatal glibc error: CPU does not support x86-64-v2")',
    samples: [
      'WARNING: MongoDB 5.0+ requires a CPU with AVX support, and your current system does not appear to have that!',
      'WARNING: MongoDB requires ARMv8.2-A or higher, and your current system does not appear to implement any of the common features for that!',
      'Instruction check fail. The CPU does not support SSE4.1 instruction set.',
      'Scylla requires the sse4.2 and clmul instruction sets, check your processor and hypervisor',
      'Fatal glibc error: CPU does not support x86-64-v2',
      'FAIL: The CPU your machine is running on does not support the SSE 4.2 instruction set, which is required for one of the services Sentry uses (Clickhouse).',
    ],
    counterSamples: ['exec /usr/local/bin/docker-entrypoint.sh: exec format error', 'Your CPU supports instructions that this TensorFlow binary was not compiled to use: AVX2 FMA'],
  }),
];
