import { describe, expect, it } from 'vitest';
import { SIGNATURES } from '../../catalog/signatures.js';
import { createClassifier } from './classifier.js';
import { looksPasted, onOneLine, pastedScanner, undoPaste } from './paste.js';

// Real texts' shapes: a containerd pull behind a proxy, CoreDNS's loop, a flannel start-up error.
const PLAIN = [
  'failed to do request: Head "https://registry-1.docker.io/v2/library/nginx/manifests/1.27": proxyconnect tcp: dial tcp 10.1.1.1:3128: connect: connection refused',
  '[FATAL] plugin/loop: Loop (127.0.0.1:38827 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."',
  'Error registering network: failed to acquire lease: node "worker-2" pod cidr not assigned',
];

/** What copying through a page, a terminal, a chat tool or Windows does to a text. */
const PASTES: Record<string, (s: string) => string> = {
  'HTML entities': (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  'terminal colours': (s) => `\x1b[31mERRO\x1b[0m ${s.replace(/(error)/gi, '\x1b[1;31m$1\x1b[0m')}`,
  'colours without their ESC': (s) => `[31mERRO[0m ${s}`,
  'typographic quotes': (s) => s.replace(/"([^"]*)"/g, '“$1”').replace(/'/g, '’'),
  'no-break and zero-width spaces': (s) => '\ufeff' + s.replace(/ /g, '\u00a0').replace(/:/, ':\u200b'),
  tabs: (s) => s.replace(/ /g, '\t'),
  'Windows line ends': (s) => `${s}\r\n`,
  'full-width punctuation of a CJK input method': (s) => `报错：${s.replace(/: /g, '：').replace(/, /g, '，').replace(/ \(/g, '（').replace(/\)/g, '）')}`,
};

describe('undoPaste: what a paste adds is taken away, and nothing else', () => {
  for (const [name, paste] of Object.entries(PASTES)) {
    it(`${name}: each text answers as itself`, () => {
      const { classify } = createClassifier(SIGNATURES);
      for (const plain of PLAIN) {
        const pasted = paste(plain);
        expect(pasted).not.toBe(plain);
        expect(looksPasted(pasted)).toBe(true);
        expect(classify(pasted)).toMatchObject({ cause: classify(plain).cause, confidence: classify(plain).confidence, signature: classify(plain).signature });
      }
    });
  }

  it('leaves texts that only look alike untouched: brackets, ampersands in URLs, escapes that are not Go\'s', () => {
    for (const t of [
      'unexpected status code [manifests latest]: 503 Service Unavailable',
      '(Mirrors also failed: [mirror.gcr.io/library/app:1: manifest unknown])',
      'GET https://auth.docker.io/token?scope=repository%3Alibrary%2Fnginx%3Apull&service=registry.docker.io',
      'a \\u0041 and a [5m wait',
      'R&D &copy; &#8364;',
    ]) expect(undoPaste(t)).toBe(t);
    expect(undoPaste('&#x2F;v2&#47; &unknown;')).toBe('/v2/ &unknown;');
  });

  it('reads a message nested in a log line\'s quoted string or JSON as written, however deep the escapes', () => {
    const { classify } = createClassifier(SIGNATURES);
    // containerd's apparmor_parser lookup, as its logrus line, as kubelet's klog err=, and as journalctl -o json of the first.
    const inner = 'failed to create containerd container: get apparmor_parser version: exec: "apparmor_parser": executable file not found in $PATH';
    const logrus = `time="2024-12-01T10:00:00Z" level=error msg="CreateContainer within sandbox \\"4be93975\\" failed" error=${JSON.stringify(inner)}`;
    const klog = `E1201 10:00:00.412233    1234 kuberuntime_manager.go:1256] "CreateContainer in sandbox failed" err=${JSON.stringify('rpc error: code = Unknown desc = ' + inner)}`;
    const journal = JSON.stringify({ _SYSTEMD_UNIT: 'containerd.service', MESSAGE: logrus });
    expect(journal).toContain('\\\\\\"apparmor_parser\\\\\\"');
    for (const t of [logrus, klog, journal]) {
      expect(looksPasted(t)).toBe(true);
      expect(undoPaste(t)).toContain('exec: "apparmor_parser": executable file not found');
      expect(classify(t).cause).toBe(classify(inner).cause);
    }
    expect(classify(inner).cause).toBe('runtime.unavailable');
    // a backslash before anything but a quote stays (Windows paths, JSON's \n)
    expect(undoPaste('open \\\\.\\pipe\\docker_engine: \\"x\\"\\n')).toBe('open \\\\.\\pipe\\docker_engine: "x"\\n');
  });

  it("folds back a single-quoted YAML value goyaml.v2 broke past 80 columns (kubectl get events -o yaml), and nothing else", () => {
    const message = 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "c0ffee1234ab": plugin type="flannel" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254';
    const folded = [
      '- apiVersion: v1',
      "  message: 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed",
      '    to setup network for sandbox "c0ffee1234ab": plugin type="flannel" failed (add):',
      '    failed to delegate add: failed to allocate for range 0: no IP addresses available',
      "    in range set: 10.244.1.1-10.244.1.254'",
      '  reason: FailedCreatePodSandBox',
    ].join('\n');
    expect(looksPasted(folded)).toBe(true);
    expect(undoPaste(folded)).toBe(`- apiVersion: v1\n  message: '${message}'\n  reason: FailedCreatePodSandBox`);
    const { classify } = createClassifier(SIGNATURES);
    expect(classify(folded).cause).toBe(classify(message).cause);
    expect(classify(folded).cause).toBe('cni.ipam-exhausted');
    // doubled quotes inside the value are one quote again
    expect(undoPaste("  message: 'error retrieving pod spec for ''kube-flannel/kube-flannel-ds-7xk2p'':\n    pods is forbidden'")).toBe(
      "  message: 'error retrieving pod spec for 'kube-flannel/kube-flannel-ds-7xk2p': pods is forbidden'",
    );
    // a quote closed on its own line, one never closed, or a break without indent: left as written
    for (const t of [
      "msg: 'subnet.env' missing\n  next line",
      "error: 'unterminated\n    and never closed",
      "message: 'first line\nsecond line'",
    ]) expect(undoPaste(t)).toBe(t);
  });

  it('finds the next pasted place in a long ASCII text from any offset, or -1; an ampersand only where an entity starts', () => {
    const text = `${'x'.repeat(100)}\t${'y'.repeat(50)}a&b=c&quot;${'z'.repeat(20)}\\u003e[0m err=\\"x`;
    const next = pastedScanner(text);
    expect(next(0)).toBe(100);
    expect(next(101)).toBe(156);
    expect(next(157)).toBe(text.indexOf('\\u003e'));
    expect(next(text.indexOf('\\u003e') + 1)).toBe(text.indexOf('[0m'));
    expect(next(text.indexOf('[0m') + 1)).toBe(text.indexOf('\\"'));
    expect(next(text.length)).toBe(-1);
    expect(pastedScanner('plain\r\nline a&b')(0)).toBe(-1); // a line's \r is block mode's to drop
    // the same answers as a regular expression over the text, from every offset
    const re = /\t|\x1b|\\u00|\[0m|\\"|&(?:quot|apos|amp|lt|gt|nbsp|#\d{2,3}|#x[\da-f]{2});/gi;
    const fresh = pastedScanner(text);
    for (let from = 0; from <= text.length; from++) {
      re.lastIndex = from;
      const m = re.exec(text);
      expect(fresh(from)).toBe(m ? m.index : -1);
    }
  });

  it('block mode answers pasted lines as classify does, with and without the bytes of the text', () => {
    const c = createClassifier(SIGNATURES);
    const lines = PLAIN.flatMap((p) => [p, ...Object.values(PASTES).map((f) => f(p).replace(/\r?\n$/, ''))]);
    const text = ['noise', ...lines].join('\n');
    const want = text.split('\n').map((l) => c.classify(l).cause);
    for (const bytes of [undefined, /[^\x00-\x7f]/.test(text) ? undefined : Buffer.from(text, 'latin1')]) {
      const got: string[] = [];
      c.classifyLines(text, (_line, a) => got.push(a.cause), bytes);
      expect(got).toEqual(want);
    }
    // An ASCII text whose only paste is a tab or an entity goes through the scanned path's check too.
    const ascii = ['noise', PASTES.tabs(PLAIN[0]), PASTES['HTML entities'](PLAIN[1]), PLAIN[2]].join('\n');
    const got: string[] = [];
    c.classifyLines(ascii, (_line, a) => got.push(a.cause), Buffer.from(ascii, 'latin1'));
    expect(got).toEqual(['unknown', 'registry.proxy', 'dns.loop', 'flannel.no-pod-cidr']);
  });
});

describe('onOneLine: a message laid out on several lines reads as the component wrote it', () => {
  /** A hard wrap at a width, between words, as a terminal, a forum or a YAML printer breaks a long line. */
  const wrap = (s: string, width: number) => {
    const out: string[] = [];
    let cur = '';
    for (const word of s.split(' ')) {
      if (cur && cur.length + 1 + word.length > width) {
        out.push(cur);
        cur = word;
      } else cur = cur ? `${cur} ${word}` : word;
    }
    return [...out, cur].join('\n');
  };

  it('a hard-wrapped message, indented or not, answers as the message on one line', () => {
    const { classify } = createClassifier(SIGNATURES);
    for (const plain of PLAIN) {
      const want = classify(plain).cause;
      expect(want).not.toBe('unknown');
      for (const width of [24, 40, 60]) {
        expect(classify(wrap(plain, width)).cause, `${width}: ${plain}`).toBe(want);
        expect(classify(wrap(plain, width).replace(/\n/g, '\n        ')).cause).toBe(want);
      }
    }
  });

  it("a log envelope's escaped line breaks (JSON, Go's %q) answer as the lines they stand for", () => {
    const { classify } = createClassifier(SIGNATURES);
    for (const plain of PLAIN) {
      const want = classify(plain).cause;
      expect(classify(JSON.stringify({ log: wrap(plain, 30) })).cause).toBe(want);
      expect(classify(`E1207 10:00:00.000000 1 main.go:1] "sync failed" err="${wrap(plain, 30).replace(/\n/g, '\\n\\t')}"`).cause).toBe(want);
    }
  });

  it('leaves a text on one line alone, and an escaped backslash before n', () => {
    expect(onOneLine(PLAIN[0])).toBeUndefined();
    expect(onOneLine('C:\\\\new\\\\dir')).toBeUndefined();
    expect(onOneLine('a\\nb')).toBe('a b');
    expect(onOneLine('first line:  \n   second\n\nthird')).toBe('first line: second third');
  });

  it('block mode answers a line with escaped line breaks as answer does, with and without the bytes', () => {
    const c = createClassifier(SIGNATURES);
    const escaped = PLAIN.map((p) => JSON.stringify(wrap(p, 30)).slice(1, -1));
    const text = ['noise', ...escaped, ...PLAIN].join('\n');
    const want = text.split('\n').map((l) => c.answer(l));
    expect(want.map((a) => a.cause)).toEqual(['unknown', ...PLAIN.map((p) => c.classify(p).cause), ...PLAIN.map((p) => c.classify(p).cause)]);
    for (const bytes of [undefined, Buffer.from(text, 'latin1')]) {
      const got: unknown[] = [];
      c.classifyLines(text, (_line, a) => got.push(a), bytes);
      expect(got).toEqual(want);
    }
  });
});
