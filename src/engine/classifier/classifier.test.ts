import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURES } from '../../catalog/signatures.js';
import { createClassifier, MAX_JUDGED, unescapeJsonHtml } from './classifier.js';
import { RECORD_START } from './rank.js';
import { onOneLine, undoPaste } from './paste.js';

const { classify, matchAll, prefilter } = createClassifier(SIGNATURES, { prefilter: 'automaton' });

/** The classifier's answer computed the slow way: every regex, no pre-filter. */
function bruteForce(message: string): string {
  const cause = bruteForceAsIs(message);
  if (cause !== 'unknown') return cause;
  // As the classifier does: a text whose answer names no cause is read again on one line (./paste.ts onOneLine); that
  // answer is taken when it names a cause (or when nothing matched, where both name none).
  const line = onOneLine(undoPaste(message));
  return line === undefined ? cause : bruteForceAsIs(line);
}

function bruteForceAsIs(message: string): string {
  const text = message.length > 65536 ? '' : message;
  const hits = matchAll(message).map((s) => ({ s, at: new RegExp(s.pattern, 'i').exec(text)?.index ?? 0 }));
  hits.sort((x, y) => y.s.specificity - x.s.specificity || y.at - x.at);
  if (hits.length === 0) return 'unknown';
  if (hits[0].s.explainedBy && text.includes('\n')) {
    // A consequence gives way to a cause that explains it on another line of the paste.
    const lineOf = (at: number) => text.slice(0, at).split('\n').length;
    const own = new Set([...text.matchAll(new RegExp(hits[0].s.pattern, 'gi'))].map((m) => lineOf(m.index)));
    const why = hits.slice(1).find((h) => hits[0].s.explainedBy!.includes(h.s.cause) && !own.has(lineOf(h.at)));
    return (why ?? hits[0]).s.cause;
  }
  if (!hits[0].s.recordOnly || !text.includes('\n')) return hits[0].s.cause;
  // A record printed beside the failure (recordOnly) speaks for its own records: a cause in another record of the paste wins.
  const opens = (at: number) => RECORD_START.test(text.slice(at));
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const recordOf = (at: number) => {
    let line = lineStarts.filter((x) => x <= at).length - 1;
    while (line > 0 && !opens(lineStarts[line])) line--;
    return line;
  };
  const covered = new Set<number>();
  let sideCause: string | undefined;
  for (const h of hits) {
    if (h.s.cause !== 'unknown' && h.s.recordOnly && !covered.has(recordOf(h.at))) sideCause ??= h.s.cause;
    if (h.s.cause !== 'unknown' && !h.s.recordOnly) {
      if (!covered.has(recordOf(h.at))) return h.s.cause;
      continue;
    }
    if (!h.s.recordOnly) {
      if (covered.has(recordOf(h.at))) continue;
      return 'unknown';
    }
    for (const m of text.matchAll(new RegExp(h.s.pattern, 'gi'))) {
      let line = lineStarts.filter((x) => x <= m.index).length - 1;
      while (line > 0 && !opens(lineStarts[line])) line--;
      const last = lineStarts.filter((x) => x <= m.index + m[0].length).length - 1;
      covered.add(line);
      for (let l = line + 1; l <= last; l++) if (opens(lineStarts[l])) covered.add(l);
    }
  }
  return sideCause ?? hits[0].s.cause;
}

describe('classify: the innermost meaningful cause wins', () => {
  const cases: [string, string][] = [
    [
      'Failed to pull image "reg.local/a/b:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.local/a/b:1": failed to resolve reference "reg.local/a/b:1": failed to do request: Head "https://reg.local/v2/a/b/manifests/1": dial tcp: lookup reg.local on 127.0.0.53:53: no such host',
      'registry.dns',
    ],
    ['Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused', 'registry.proxy'],
    ['failed to do request: Head "https://r.example/v2/x/manifests/1": tls: failed to verify certificate: x509: certificate signed by unknown authority', 'registry.tls-untrusted'],
    ['failed to pull and unpack image "ghcr.io/x/y:1": no match for platform in manifest: not found', 'image.platform-mismatch'],
    ['Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "abc": plugin type="flannel" failed (add): failed to load flannel \'subnet.env\' file: open /run/flannel/subnet.env: no such file or directory', 'cni.subnet-env-missing'],
    ['dial unix /run/containerd/containerd.sock: connect: connection refused', 'runtime.unavailable'],
    ['failed to extract layer sha256:1: write /var/lib/containerd/x: no space left on device: unknown', 'image.disk-full'],
  ];
  for (const [msg, cause] of cases) it(`${cause}: ${msg.slice(-60)}`, () => expect(classify(msg).cause).toBe(cause));

  it('names alternatives where two causes fit', () => {
    const c = classify('Error response from daemon: Get "https://quay.io/v2/": net/http: TLS handshake timeout');
    expect(c.cause).toBe('registry.tls-handshake-timeout');
    expect(c.alternatives.map((a) => a.cause)).toEqual(expect.arrayContaining(['flannel.mtu', 'registry.proxy']));
    expect(c.confidence).toBeLessThan(0.8);
  });

  it('answers unknown for generic wrappers instead of guessing', () => {
    for (const msg of ['Error: ErrImagePull', 'Error: ImagePullBackOff', 'Back-off pulling image "nginx:1.25"', 'Failed to pull image "nginx:1.25"', 'Pulling image "nginx:1.25"']) {
      const c = classify(msg);
      expect(c.cause, msg).toBe('unknown');
      expect(c.confidence).toBe(0);
    }
  });
});

describe('classify: a generic prefix never outranks the specific text inside it', () => {
  const cases: [string, string][] = [
    [
      "Error response from daemon: pull access denied for 210987654321.dkr.ecr.ap-south-1.amazonaws.com/shop/cart, repository does not exist or may require 'docker login': denied: Your authorization token has expired. Reauthenticate and try again.",
      'image.auth-rejected',
    ],
    ['failed to resolve reference "123.dkr.ecr.us-east-2.amazonaws.com/x:1": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials', 'image.auth-missing'],
    ['E0101 00:00:00.000000 1 main.go:330] Error registering network: failed to acquire lease: node "edge-2" pod cidr not assigned', 'flannel.no-pod-cidr'],
    ['Error from server: error dialing backend: dial tcp: lookup worker-7 on 10.0.0.2:53: no such host', 'dns.node-resolver'],
  ];
  for (const [msg, cause] of cases) it(`${cause}: ${msg.slice(-50)}`, () => expect(classify(msg).cause).toBe(cause));
});

describe('classify: honest confidence', () => {
  it('an ambiguous text answers below 0.9, names the other candidates and the check that decides', () => {
    const c = classify('Error response from daemon: Head "https://ghcr.io/v2/acme/cli/manifests/3": denied: denied');
    expect(c.confidence).toBeLessThan(0.9);
    expect(c.alternatives.map((a) => a.cause)).toEqual(expect.arrayContaining(['image.auth-missing']));
    expect(c.check).toMatch(/credential/);
  });

  it('a sure answer carries no check, and the same text of Docker Hub answers for a missing and a private repository alike', () => {
    expect(classify('failed to do request: Head "https://r.example/v2/x/manifests/1": x509: certificate signed by unknown authority').check).toBeUndefined();
    const c = classify("Error response from daemon: pull access denied for acme/billing, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
    expect(c.confidence).toBeLessThan(0.9);
    expect([c.cause, ...c.alternatives.map((a) => a.cause)]).toEqual(expect.arrayContaining(['image.not-found', 'image.auth-missing']));
  });

  it('NXDOMAIN from nslookup is an answer, not a broken path: unknown with the check, unless it came from a node resolver', () => {
    const pod = classify("Server:    10.96.0.10\nAddress:   10.96.0.10:53\n\n** server can't find kubernetes.default: NXDOMAIN");
    expect(pod.cause).toBe('unknown');
    expect(pod.check).toMatch(/full name/);
    expect(classify("Server:  127.0.0.53\nAddress: 127.0.0.53#53\n\n** server can't find kubernetes.default: NXDOMAIN").cause).toBe('dns.node-resolver');
  });
});

describe('classify: a text that reports two sure failures', () => {
  it('is not sure which one the reader is after: both are named, with the check that says so', () => {
    const preflight = ['error execution phase preflight: [preflight] Some fatal errors occurred:', '\t[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist', '\t[ERROR Swap]: running with swap on is not supported. Please disable swap'].join('\n');
    const a = classify(preflight);
    expect(a.confidence).toBeLessThan(0.9);
    expect([a.cause, ...a.alternatives.map((x) => x.cause)]).toEqual(expect.arrayContaining(['node.br-netfilter', 'node.not-ready']));
    expect(a.check).toMatch(/more than one failure/);
    // either failure alone is sure
    expect(classify(preflight.split('\n').slice(0, 2).join('\n'))).toMatchObject({ cause: 'node.br-netfilter', confidence: 0.95 });
    expect(classify(preflight.split('\n')[2]!)).toMatchObject({ cause: 'node.not-ready', confidence: 0.95 });
  });
});

describe('classify: robustness', () => {
  it('handles empty, whitespace, binary garbage and huge lines', () => {
    expect(classify('').cause).toBe('unknown');
    expect(classify('   \t ').cause).toBe('unknown');
    expect(classify('\u0000\u0001\uffff\ud800 \u00e9\u4e2d').cause).toBe('unknown');
    const big = 'x'.repeat(1 << 20) + ' failed to pull image "reg.local/a:1": dial tcp: lookup reg.local on 10.0.0.2:53: no such host';
    expect(classify(big).cause).toBe('registry.dns');
    const bigNoise = 'pull '.repeat(200_000) + 'i/o timeout' + ' pull'.repeat(200_000);
    expect(['registry.connect-timeout', 'unknown']).toContain(classify(bigNoise).cause);
  });

  it('a paste that opens with an empty line ends: the record around a side record walks back to the text\'s start', () => {
    // kubectl's wrapper is a side record (recordOnly) on the second line of a text whose first line is empty: the
    // walk back to the record's opening line once found the leading newline again and again, for ever.
    const text = 'Unable to connect to the server: dial tcp 10.0.0.1:6443: i/o timeout';
    for (const lead of ['\n', '\n\n', '\r\n']) expect(classify(`${lead}${text}`).cause).toBe(classify(text).cause);
    const pull = 'E1206 10:00:00.000000 1 kuberuntime_image.go:55] failed to pull image "reg.local/a:1": dial tcp: lookup reg.local on 10.0.0.2:53: no such host';
    expect(classify(`\n${text}\n${pull}`).cause).toBe('registry.dns');
  });

  it('never throws on random input, and answers a cause id or unknown', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const c = classify(s);
        expect(typeof c.cause).toBe('string');
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('the anchor pre-filter never changes the answer', () => {
    const pieces = SIGNATURES.flatMap((s) => [...s.samples, ...s.counterSamples]).flatMap((l) => l.split(/(?<=: )/));
    const fragment = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 6 }), (parts) => {
        const msg = parts.join(fc.sample(fc.constantFrom('', ' ', ': '), 1)[0]);
        expect(classify(msg).cause).toBe(bruteForce(msg));
        const passed = new Set(prefilter(msg).map((s) => s.id));
        for (const s of matchAll(msg)) expect(passed.has(s.id), s.id).toBe(true);
      }),
      { numRuns: Number(process.env.FD_FUZZ_RUNS ?? 1500) },
    );
  });
});

describe('classify: a harmless record speaks for itself only', () => {
  const probe = 'Dec 03 10:04:05 worker-2 kubelet[1234]: W1203 10:04:05.123456    1234 manager.go:291] Registration of the crio container factory failed: Get "http://%2Fvar%2Frun%2Fcrio%2Fcrio.sock/info": dial unix /var/run/crio/crio.sock: connect: no such file or directory';
  const pull = 'Dec 03 10:06:10 worker-2 kubelet[1234]: E1203 10:06:10.000000    1234 log.go:32] "PullImage from image service failed" err="failed to pull and unpack image \\"registry.corp.example/app:1\\": failed to resolve reference \\"registry.corp.example/app:1\\": failed to do request: Head \\"https://registry.corp.example/v2/app/manifests/1\\": dial tcp: lookup registry.corp.example on 127.0.0.53:53: no such host"';

  it('alone, cAdvisor\'s probe of a runtime the node does not run is an honest unknown', () => {
    expect(classify(probe).cause).toBe('unknown');
  });

  it('in a pasted journal, the error of another record is the answer', () => {
    expect(classify(`${probe}\n${pull}`).cause).toBe('registry.dns');
    expect(classify(`${pull}\n${probe}`).cause).toBe('registry.dns');
  });

  it('a probe cut by the terminal stays one record: its own socket text does not answer', () => {
    const wrapped = 'W1213 19:31:02.082564     572 manager.go:166] unable to connect to CRI-O api service: Get http://%2Fvar%2Frun%2Fcrio.sock/info: dia\nl unix /var/run/crio.sock: connect: no such file or directory';
    expect(classify(wrapped).cause).toBe('unknown');
  });

  it('the kubelet\'s nameserver-limits warning names the node resolver alone, and gives way to another record\'s failure', () => {
    const limits = 'Dec 03 10:04:06 worker-2 kubelet[1234]: E1203 10:04:06.000000    1234 dns.go:154] "Nameserver limits exceeded" err="Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.0.0.2 10.0.0.3 192.168.1.1"';
    expect(classify(limits).cause).toBe('dns.node-resolver');
    expect(classify(`${limits}\n${pull}`).cause).toBe('registry.dns');
    expect(classify(`${pull}\n${limits}`).cause).toBe('registry.dns');
    expect(classify(`${limits}\n${probe}`).cause).toBe('dns.node-resolver');
  });

  it('kubeadm\'s swap warning gives way to the check that failed', () => {
    const preflight = '[preflight] Running pre-flight checks\n\t[WARNING Swap]: swap is supported for cgroup v2 only\n[preflight] Some fatal errors occurred:\n\t[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1';
    expect(classify(preflight).cause).toBe('node.ip-forward');
    expect(classify('\t[WARNING Swap]: swap is supported for cgroup v2 only').cause).toBe('unknown');
  });

  it('an unknown that speaks for the whole text still settles it', () => {
    // The API server calling a webhook: the generic timeout inside it is no registry's.
    const webhook = 'Error from server (InternalError): Internal error occurred: failed calling webhook "validate.example.com":\nfailed to call webhook: Post "https://example-webhook.default.svc:443/validate?timeout=10s": context deadline exceeded';
    expect(classify(webhook).cause).toBe('unknown');
  });
});

describe('classify: a consequence gives way to the line that explains it', () => {
  const sandbox = 'Warning  FailedCreatePodSandBox  2m  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "b054c2": plugin type="flannel" failed (add): failed to load flannel \'subnet.env\' file: open /run/flannel/subnet.env: no such file or directory. Check the flannel pod log for this node.';
  const forbidden = 'E1205 08:44:09.300127       1 reflector.go:158] "Unhandled Error" err="pkg/subnet/kube/kube.go:470: Failed to watch *v1.Node: failed to list *v1.Node: nodes is forbidden: User \\"system:serviceaccount:kube-flannel:flannel\\" cannot list resource \\"nodes\\" in API group \\"\\" at the cluster scope"';
  const pod = 'kube-flannel   kube-flannel-ds-m4zqv   0/1   Init:ImagePullBackOff   0   6m   192.168.56.12   worker-2';

  it('alone, the missing subnet.env is the answer', () => {
    expect(classify(sandbox).cause).toBe('cni.subnet-env-missing');
  });

  it('with flanneld forbidden to list nodes, or its pod not running, on another line: that is the answer', () => {
    expect(classify(`${sandbox}\n${forbidden}`).cause).toBe('flannel.rbac');
    expect(classify(`${forbidden}\n${sandbox}`).cause).toBe('flannel.rbac');
    expect(classify(`${pod}\n${sandbox}`)).toMatchObject({ cause: 'flannel.daemon-down' });
    expect(classify(`${pod}\n${sandbox}`).alternatives.map((a) => a.cause)).toContain('cni.subnet-env-missing');
  });

  it('a cause that does not explain it does not take its place', () => {
    const pull = 'Warning  Failed  1m  kubelet  Failed to pull image "registry.corp.example/app:1": rpc error: code = NotFound desc = failed to pull and unpack image "registry.corp.example/app:1": failed to resolve reference "registry.corp.example/app:1": registry.corp.example/app:1: not found';
    expect(classify(`${pull}\n${sandbox}`).cause).toBe('cni.subnet-env-missing');
  });
});

const PLAIN_DNS = 'coredns: read udp 10.244.0.5:41234->8.8.8.8:53: i/o timeout';

describe('classify: pre-filters', () => {
  const lines = SIGNATURES.flatMap((s) => [...s.samples, ...s.counterSamples]);

  it('substring search, the automaton and the adaptive switch between them give the same answers', () => {
    const substring = createClassifier(SIGNATURES, { prefilter: 'substring' });
    const adaptive = createClassifier(SIGNATURES, { warmUp: Math.floor(lines.length / 2) });
    const expected = lines.map((l) => classify(l));
    expect(lines.map((l) => substring.classify(l))).toEqual(expected);
    expect(lines.map((l) => adaptive.classify(l))).toEqual(expected);
    for (const l of lines) expect(substring.prefilter(l).map((s) => s.id).sort()).toEqual(prefilter(l).map((s) => s.id).sort());
  });

  it('two classifiers share no state: each answers alone, whatever the other has seen', () => {
    const a = createClassifier(SIGNATURES, { prefilter: 'automaton' });
    const b = createClassifier(SIGNATURES, { prefilter: 'automaton' });
    for (const l of lines.slice(0, 50)) a.classify(l);
    for (const l of lines) expect(b.classify(l)).toEqual(a.classify(l));
  });

  it('a signature without anchors, or with an upper-case anchor, is refused when the classifier is built', () => {
    const [s] = SIGNATURES;
    expect(() => createClassifier([{ ...s, anchors: [] }])).toThrow(/at least one anchor/);
    expect(() => createClassifier([{ ...s, anchors: ['Timeout'] }])).toThrow(/lower-case printable ASCII/);
    expect(() => createClassifier([{ ...s, anchors: ['exec: \\"wg\\"'] }])).toThrow(/escaped quote/);
  });

  it('both pre-filters read past backslashes: an anchor is found in a line whose quotes are escaped, and one with backslashes still', () => {
    const sig = (id: string, anchors: string[]) => ({ ...SIGNATURES[0], id, anchors });
    const sigs = [sig('quoted', ['exec: "wg"']), sig('pipe', ['\\pipe\\docker']), sig('plain', ['open //./pipe'])];
    const raw = 'err="failed to run: exec: \\"wg\\": executable file not found" open \\\\.\\pipe\\docker_engine';
    for (const prefilter of ['automaton', 'substring'] as const) {
      const c = createClassifier(sigs, { prefilter });
      expect(c.prefilter(raw).map((x) => x.id)).toEqual(['quoted', 'pipe']);
      expect(c.prefilter('exec: wg, open //./pipe').map((x) => x.id)).toEqual(['plain']);
    }
    // A line that starts with a backslash after a line break is still a line of its own in a block scan.
    const c = createClassifier(SIGNATURES);
    const lines = ['noise', '\\"', PLAIN_DNS, '\\x', PLAIN_DNS];
    const text = lines.join('\n');
    const got: string[] = [];
    c.classifyLines(text, (line, a) => got.push(`${line}=${a.cause}`), Buffer.from(text, 'latin1'));
    expect(got).toEqual(lines.map((l) => `${l}=${c.classify(l).cause}`));
    expect(got[2]).toMatch(/=dns\.upstream$/);
  });

  it('a signature with `also` literals is a candidate only where one of them occurs as well as an anchor, in every mode', () => {
    // Patterns looser than the gate, so an answer shows whether the gate let the signature through.
    const base = { ...SIGNATURES[0], pattern: 'i/o timeout', alternatives: [], check: undefined };
    const sigs = [
      { ...base, id: 'gated', cause: 'registry.server-error', specificity: 90, anchors: ['i/o timeout'], also: ['bad gateway', 'status'] },
      { ...base, id: 'open', cause: 'registry.connect-timeout', specificity: 50, anchors: ['i/o timeout'] },
    ];
    const gated = 'get "https://reg/v2/": 502 Bad Gateway: dial tcp 10.0.0.1:443: i/o timeout';
    const open = 'dial tcp 10.0.0.1:443: i/o timeout';
    for (const prefilter of ['automaton', 'substring'] as const) {
      const c = createClassifier(sigs, { prefilter });
      expect(c.prefilter(gated).map((x) => x.id)).toEqual(['gated', 'open']);
      expect(c.prefilter(open).map((x) => x.id)).toEqual(['open']);
      expect(c.prefilter('STATUS 504 after i/o timeout').map((x) => x.id)).toEqual(['gated', 'open']);
    }
    // A block scan gates line by line: the literal of another line does not open the gate.
    const c = createClassifier(sigs, { prefilter: 'automaton' });
    const text = [open, gated, 'bad gateway', open, `${open} (status)`].join('\n');
    const got: string[] = [];
    c.classifyLines(text, (_line, a) => got.push(a.cause), Buffer.from(text, 'latin1'));
    expect(got).toEqual(['registry.connect-timeout', 'registry.server-error', 'unknown', 'registry.connect-timeout', 'registry.server-error']);
    expect(() => createClassifier([{ ...base, id: 'x', anchors: ['a'], also: [] }])).toThrow(/also/);
    expect(() => createClassifier([{ ...base, id: 'x', anchors: ['a'], also: ['Upper'] }])).toThrow(/lower-case/);
  });

  it('block mode judges a line whose only paste is escaped quotes as classify judges it, answers and ranking alike', () => {
    const c = createClassifier(SIGNATURES);
    const escaped = lines.filter((l) => l.includes('"') && !l.includes('\n') && !/[^\x20-\x7e]/.test(l)).map((l) => `level=error msg="${l.replace(/"/g, '\\"')}"`);
    expect(escaped.length).toBeGreaterThan(200);
    const text = escaped.join('\n');
    const got: unknown[] = [];
    c.classifyLines(text, (line, a) => got.push([line, a]), Buffer.from(text, 'latin1'));
    expect(got).toEqual(escaped.map((l) => [l, c.answer(l)]));
    expect(new Set(got.map((g) => (g as [string, { cause: string }])[1].cause)).size).toBeGreaterThan(40);
  });
});

describe("classify: Go's JSON escapes", () => {
  // encoding/json writes <, > and & as \u003c, \u003e, \u0026 (logrus JSON logs, kubectl -o json).
  const plain = 'coredns: read udp 10.244.0.5:41234->8.8.8.8:53: i/o timeout';
  const escaped = plain.replace('->', '-\\u003e');

  it('a message with them answers as the same message without them', () => {
    expect(escaped).toContain('\\u003e');
    expect(classify(plain).cause).toBe('dns.upstream');
    expect(classify(escaped).cause).toBe('dns.upstream');
    expect(unescapeJsonHtml('a \\u003cb\\u003e \\u0026 c \\u0041')).toBe('a <b> & c \\u0041');
  });

  it('and so do its lines in block mode, with or without their bytes', () => {
    const c = createClassifier(SIGNATURES);
    const text = ['noise', escaped, plain].join('\n');
    for (const bytes of [undefined, Buffer.from(text, 'latin1')]) {
      const got: string[] = [];
      c.classifyLines(text, (_line, a) => got.push(a.cause), bytes);
      expect(got).toEqual(['unknown', 'dns.upstream', 'dns.upstream']);
    }
  });
});

describe('classify: block mode', () => {
  const sampleLines = SIGNATURES.flatMap((s) => [...s.samples, ...s.counterSamples]).map((l) => l.replace(/\n/g, ' '));
  /** What classify says of a line but the line and the matched text: an answer must equal it. */
  const answerPart = (line: string) => {
    const { message: _m, matched: _x, ...rest } = classify(line);
    return rest;
  };

  it('classifyLines answers each line as classify does, across CRLF and empty lines', () => {
    const { classifyLines, answer } = createClassifier(SIGNATURES, { prefilter: 'automaton' });
    const text = sampleLines.map((l, i) => (i % 3 === 0 ? l + '\r' : l)).join('\n') + '\n\n';
    const got: [string, unknown][] = [];
    classifyLines(text, (line, a) => got.push([line, a]));
    expect(got).toHaveLength(sampleLines.length + 2);
    got.slice(0, sampleLines.length).forEach(([line, a], i) => {
      expect(line).toBe(sampleLines[i]);
      expect(a).toEqual(answerPart(line));
      expect(a).toBe(answer(line));
    });
  });

  it('with the bytes of its text, blocks of lines are scanned in four ranges and answered the same, with the same ranking', async () => {
    const { messages } = await import('../../../bench/gen/messages.js');
    const lines = [...messages(2000, 5).split('\n'), ...sampleLines]
      .filter((l) => /^[\x00-\x7f]*$/.test(l))
      .map((l, i) => (i % 5 === 0 ? l + '\r' : i % 7 === 0 ? '' : l));
    const text = lines.join('\n');
    const c = createClassifier(SIGNATURES);
    const single: [string, unknown, number, number][] = [];
    const paired: [string, unknown, number, number][] = [];
    c.classifyLines(text, (line, a, start, end) => single.push([line, a, start, end]));
    c.classifyLines(text, (line, a, start, end) => paired.push([line, a, start, end]), Buffer.from(text, 'latin1'));
    expect(paired).toHaveLength(lines.length);
    expect(paired.filter(([line]) => c.matchAll(line).length > 1).length).toBeGreaterThan(10);
    paired.forEach((p, i) => {
      expect(p).toEqual(single[i]);
      expect(p[1]).toBe(single[i][1]);
      expect(p[1]).toEqual(answerPart(p[0]));
    });
    // The block scan reads aligned words of the bytes: the same answers wherever the bytes start in
    // their memory, and when the bytes change between calls.
    for (const lead of [1, 2, 3, 0]) {
      const chunk = Buffer.alloc(lead + text.length);
      chunk.write(text, lead, 'latin1');
      const shifted: unknown[] = [];
      c.classifyLines(text, (line, a, start, end) => shifted.push([line, a, start, end]), chunk.subarray(lead));
      expect(shifted).toEqual(single);
    }
    // Thousands of lines, each also run through every pattern: a finishing limit for a loaded machine.
  }, 120_000);
});

describe('classify: block scan edges', () => {
  const c = createClassifier(SIGNATURES, { prefilter: 'automaton' });
  const samples = SIGNATURES.flatMap((s) => s.samples).map((l) => l.replace(/\n/g, ' ')).filter((l) => /^[\x00-\x7f]*$/.test(l));
  /** classifyLines of text with its bytes (block scan) and without (each line alone): the same calls. */
  const both = (text: string) => {
    const scanned: unknown[] = [];
    const alone: unknown[] = [];
    c.classifyLines(text, (line, a, start, end) => scanned.push([line, a, start, end]), Buffer.from(text, 'latin1'));
    c.classifyLines(text, (line, a, start, end) => alone.push([line, a, start, end]));
    return { scanned, alone };
  };
  it('empty text, empty lines, a trailing newline, a lone line, CRLF: one call per line, as without bytes', () => {
    const texts = ['', '\n', '\n\n\n', samples[0], samples[0] + '\n', '\n' + samples[1], `${samples[2]}\r\n\r\n${samples[3]}\r`, samples.slice(0, 9).join('\n\n') + '\n'];
    for (const text of texts) {
      const { scanned, alone } = both(text);
      expect(scanned).toHaveLength(text.split('\n').length);
      expect(scanned, JSON.stringify(text)).toEqual(alone);
    }
    // Lines that match something: the comparison is not between two lists of unknowns.
    expect(both(samples.slice(0, 9).join('\n')).scanned.filter((x) => (x as [string, { cause: string }])[1].cause !== 'unknown').length).toBeGreaterThan(5);
  });
  it('blocks of many sizes, lines longer than a block and than MAX_JUDGED: the same answers', () => {
    const long = `${samples[4]} ${'x'.repeat(MAX_JUDGED)} ${samples[5]}`;
    const block = (n: number, from: number) => Array.from({ length: n }, (_, i) => samples[(from + i * 7) % samples.length]);
    for (const lines of [block(3, 0), block(200, 1), block(700, 2), [...block(50, 3), long, ...block(50, 4)], [long], [long, long], ['a'.repeat(40_000), ...block(5, 5)]]) {
      const { scanned, alone } = both(lines.join('\n'));
      expect(scanned).toHaveLength(lines.length);
      expect(scanned).toEqual(alone);
    }
  });
  it('bytes that are not ASCII are never scanned as lines (0x8a would read as a newline): each line alone', () => {
    const text = samples.slice(6, 30).join('\n');
    // In a range's head, in its words, in its tail.
    for (const at of [3, Math.floor(text.length / 3), Math.floor(text.length / 2) + 1, text.length - 2]) {
      const bytes = Buffer.from(text, 'latin1');
      bytes[at] = 0x8a;
      const got: unknown[] = [];
      c.classifyLines(text, (line, a, start, end) => got.push([line, a, start, end]), bytes);
      expect(got).toEqual(both(text).alone);
    }
  });
  it('random joins of sample lines and empty lines: the same calls with and without bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...samples), fc.constant(''), fc.constant('\r')), { minLength: 1, maxLength: 60 }), (lines) => {
        const { scanned, alone } = both(lines.join('\n'));
        expect(scanned).toEqual(alone);
      }),
      { numRuns: 300 },
    );
  });
});

describe('classify: interned answers', () => {
  // Each test uses one automaton classifier for both sides: the substring pre-filter finds candidates
  // in another order, and of two equals matching at one place the first found wins.
  it('equal answers are one frozen object, whatever the lines matched', () => {
    const c = createClassifier(SIGNATURES, { prefilter: 'automaton' });
    const byContent = new Map<string, unknown>();
    let shared = 0;
    for (const l of SIGNATURES.flatMap((s) => s.samples)) {
      const a = c.answer(l);
      expect(Object.isFrozen(a) && Object.isFrozen(a.alternatives)).toBe(true);
      const key = JSON.stringify(a);
      if (byContent.has(key)) {
        expect(a).toBe(byContent.get(key));
        shared++;
      } else byContent.set(key, a);
    }
    expect(shared).toBeGreaterThan(10);
    expect(c.answer('nothing to see here')).toEqual({ cause: 'unknown', confidence: 0, alternatives: [] });
  });

  it('signatures of equal specificity are still ranked by where they match: the later one wins', async () => {
    // Pairs of causes of equal specificity whose samples, joined, match both; each order is answered
    // as classify ranks it, and for some pairs the two orders name different winners.
    const c = createClassifier(SIGNATURES, { prefilter: 'automaton' });
    // Each signature's own pattern first: running every pattern (matchAll) on every pair is what made this slow.
    const re = new Map(SIGNATURES.map((s) => [s.id, new RegExp(s.pattern, 'i')]));
    // The most specific signature the classifier can see in a line: the anchor prefilter's candidates whose pattern
    // matches (running every pattern on every join, as matchAll does, made this test the slowest of the suite).
    const top = (l: string) => Math.max(...c.prefilter(l).filter((s) => re.get(s.id)!.test(l)).map((s) => s.specificity));
    let pairs = 0;
    for (const x of SIGNATURES) {
      // A long synchronous loop starves the test worker's messages to vitest (an RPC timeout on a slow machine).
      await new Promise((resolve) => setImmediate(resolve));
      for (const y of SIGNATURES) {
        if (x.id >= y.id || x.specificity !== y.specificity || x.cause === y.cause || x.cause === 'unknown' || y.cause === 'unknown') continue;
        const xy = `${x.samples[0]} then ${y.samples[0]}`.replace(/\n/g, ' ');
        const yx = `${y.samples[0]} then ${x.samples[0]}`.replace(/\n/g, ' ');
        if (![xy, yx].every((l) => re.get(x.id)!.test(l) && re.get(y.id)!.test(l))) continue;
        if (top(xy) !== x.specificity || top(yx) !== x.specificity) continue;
        for (const l of [xy, yx]) {
          const { message: _m, matched: _x, ...want } = c.classify(l);
          expect(c.answer(l), l).toEqual(want);
        }
        // Where the order alone turns the answer round, position decided it (the set could not have).
        if (c.answer(xy).signature !== c.answer(yx).signature) pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(0);
    // Every pair of equal specificity is tried, so the cost grows with the catalog squared; only pairs whose two
    // patterns match both joins run the classifier. The limit is about finishing, not speed.
  }, 180_000);

  it('never differs from classify on random joins of sample fragments', () => {
    const c = createClassifier(SIGNATURES, { prefilter: 'automaton' });
    const pieces = SIGNATURES.flatMap((s) => [...s.samples, ...s.counterSamples]).flatMap((l) => l.split(/(?<=: )/));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }), (parts) => {
        const msg = parts.join(' ');
        const { message: _m, matched: _x, ...want } = c.classify(msg);
        expect(c.answer(msg)).toEqual(want);
      }),
      { numRuns: 1500 },
    );
  });
});
