import { describe, expect, it } from 'vitest';
import { parseJournalExport } from './journal-export.js';
import { aggregationKey, stripLogHeader, unwrapLogLine } from './log-line.js';

describe('log line formats', () => {
  it('unwraps CRI, docker json-file and journal short lines', () => {
    expect(unwrapLogLine('2026-11-27T16:31:41.123456789Z stderr F E1127 main.go:1] Failed to create SubnetManager: x')).toMatchObject({ stream: 'stderr', partial: false, message: 'E1127 main.go:1] Failed to create SubnetManager: x' });
    expect(unwrapLogLine('{"log":"boom\\n","stream":"stderr","time":"2026-11-27T16:31:41Z"}')).toEqual({ message: 'boom', stream: 'stderr', time: '2026-11-27T16:31:41Z' });
    expect(unwrapLogLine('Nov 27 16:31:41 n1 kubelet[812]: E1127 16:31:41.1 812 pod_workers.go:1] "Error syncing pod"')).toMatchObject({ ident: 'kubelet', message: 'E1127 16:31:41.1 812 pod_workers.go:1] "Error syncing pod"' });
    expect(unwrapLogLine('plain text')).toEqual({ message: 'plain text' });
  });
  it('strips klog headers and logfmt timestamps before classification', () => {
    expect(stripLogHeader('I1127 00:01:26.519429       1 vxlan_network.go:75] watching for new subnet leases')).toBe('watching for new subnet leases');
    expect(stripLogHeader('time="2026-11-27T00:00:00.012Z" level=error msg="x"')).toBe('level=error msg="x"');
    expect(stripLogHeader('no header here')).toBe('no header here');
  });
  it('aggregates the same message from different moments', () => {
    const a = aggregationKey('E1127 16:31:41.123456     812 kuberuntime_manager.go:1] failed to setup network for sandbox "0123456789abcdef0123": cni plugin not initialized');
    const b = aggregationKey('E1127 16:32:11.654321     812 kuberuntime_manager.go:1] failed to setup network for sandbox "fedcba9876543210fedc": cni plugin not initialized');
    expect(a).toBe(b);
  });
});

describe('journal export', () => {
  it('reads text and binary fields', () => {
    const bin = Buffer.from('line one\nline two');
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(BigInt(bin.length));
    const data = Buffer.concat([
      Buffer.from('__REALTIME_TIMESTAMP=1700000000000000\nSYSLOG_IDENTIFIER=kubelet\n_SYSTEMD_UNIT=kubelet.service\nMESSAGE=hello\n\n'),
      Buffer.from('SYSLOG_IDENTIFIER=containerd\nMESSAGE\n'), size, bin, Buffer.from('\n\n'),
    ]);
    const j = parseJournalExport(data, 'j.export');
    expect(j.problems).toEqual([]);
    expect(j.entries).toEqual([
      { message: 'hello', ident: 'kubelet', unit: 'kubelet.service', realtime: 1700000000000000, line: 1 },
      { message: 'line one\nline two', ident: 'containerd', line: 6 },
    ]);
  });
  it('reports a truncated binary field', () => {
    const j = parseJournalExport(Buffer.from('MESSAGE\n\u0009\u0000\u0000\u0000\u0000\u0000\u0000\u0000ab'), 'j');
    expect(j.problems[0]).toMatchObject({ file: 'j', line: 1, field: 'MESSAGE' });
  });
  it('counts newlines inside binary sizes and values, so a later problem names a line of the file', () => {
    // found by fuzzing: the byte after a value is not a newline, and the next field is truncated
    const text = 'MESSAGE\n\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000     \n\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000     ';
    const j = parseJournalExport(Buffer.from(text, 'latin1'), 'j');
    const lines = text.split('\n').length;
    for (const p of j.problems) expect(p.line).toBeLessThanOrEqual(lines);
    expect(j.problems.length).toBe(1);
  });
});
