/**
 * `pcap FILE... --evidence` on its own (dist/pcap.cjs, which bin/flannel-doctor.cjs runs before the
 * CLI bundle): the capture evidence as JSON, nothing judged. The whole CLI is about 1.4 MB with a code
 * cache of 1.1 MB to read, check and deserialise, which cost more than the analysis of a 64 MiB capture;
 * this entry holds the reader, the analysis and its WebAssembly core alone.
 *
 * It takes only the command lines it parses exactly as the CLI does: files, `--evidence` and
 * `--vxlan-port PORTS` (valid ports). Anything else (another flag, a bad value, `--help`, no file, "-"
 * twice) answers undefined, and the launcher runs the CLI, which parses, refuses or runs it: the output,
 * errors and exit codes are the CLI's in every case.
 */
import { isToolError } from '../errors.js';
import { readCaptureEvidence } from '../sources/capture.js';

/** The files and VXLAN ports of a command line this entry runs, or undefined. */
export function parsePcapEvidence(argv: readonly string[]): { files: string[]; ports: number[] } | undefined {
  if (argv[2] !== 'pcap') return undefined;
  const files: string[] = [];
  let evidence = false;
  let ports = '8472,4789';
  for (let i = 3; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--evidence') evidence = true;
    else if (a === '--vxlan-port' && i + 1 < argv.length && !argv[i + 1].startsWith('-')) ports = argv[++i];
    else if (a === '-' || !a.startsWith('-')) files.push(a);
    else return undefined;
  }
  if (!evidence || !files.length || files.filter((f) => f === '-').length > 1) return undefined;
  // The CLI's own check (parsePorts), without its UsageError: a bad value is the CLI's to refuse.
  const list = ports.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (!list.length || list.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) return undefined;
  return { files, ports: list };
}

/** Runs the command line if it is one this entry takes (see above): its exit code, else undefined. */
export function runPcapEvidence(argv: readonly string[]): number | undefined {
  const args = parsePcapEvidence(argv);
  if (!args) return undefined;
  try {
    // As runPcap() reads them (readCaptures(), without the CLI's modules around it).
    const captures = args.files.map((f) => readCaptureEvidence(f, { vxlanPorts: args.ports }));
    process.stdout.write(JSON.stringify(captures.length === 1 ? captures[0] : captures, null, 2) + '\n');
    return 0;
  } catch (err) {
    // As main() reports them.
    if (isToolError(err)) {
      process.stderr.write(`flannel-doctor: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`flannel-doctor: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 2;
  }
}
