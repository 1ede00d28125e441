/**
 * Reads and analyses a capture file in one pass, with the WebAssembly core (src/parsers/pcap-wasm.ts)
 * when it loads, else with the JavaScript decoder (src/parsers/pcap-analyze.ts): the same evidence.
 */
import type { CaptureEvidence } from '../evidence/capture.js';
import { CaptureAnalyzer, type AnalyzeOptions } from './pcap-analyze.js';
import { readCapture } from './pcap-reader.js';
import { pcapCoreUnavailable, WasmCaptureAnalyzer } from './pcap-wasm.js';

export function analyzeCapture(path: string, opts: AnalyzeOptions = {}): CaptureEvidence {
  const why = opts.engine === 'js' ? 'asked for' : pcapCoreUnavailable();
  if (why && opts.engine === 'wasm') throw new Error(`pcap: the WebAssembly core cannot run here: ${why}`);
  const analyzer = why ? new CaptureAnalyzer(opts) : new WasmCaptureAnalyzer(opts);
  const read = readCapture(path, analyzer);
  return analyzer.evidence(path, read);
}
