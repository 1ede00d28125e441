import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../engine/classifier/index.js';
import { SIGNATURES } from '../../catalog/signatures.js';
import { PLAIN } from '../../report/style.js';
import { renderExplanation, toJson } from './explain-render.js';

const { classify } = createClassifier(SIGNATURES);

describe('explain output: the deciding check', () => {
  it('is shown for an unsure answer, in text and JSON', () => {
    const c = classify('Error: initializing source docker://quay.io/acme/relay:2: reading manifest 2 in quay.io/acme/relay: unauthorized: access to the requested resource is not authorized');
    expect(c.confidence).toBeLessThan(0.9);
    const text = renderExplanation(c, PLAIN);
    expect(text).toMatch(/^to decide: .*repository/m);
    expect(text).toMatch(/also possible:\n {2}- image\.not-found/);
    expect(toJson(c).check).toBe(c.check);
  });

  it('is shown for a recognised unknown', () => {
    const text = renderExplanation(classify("nslookup: can't resolve 'orders.shop'"), PLAIN);
    expect(text).toMatch(/^cause: unknown/);
    expect(text).toMatch(/^to decide: /m);
  });

  it('is absent from a sure answer', () => {
    const c = classify('Warning  Failed  kubelet  Failed to pull image "x/y:1": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/x/y:1": failed to resolve reference "docker.io/x/y:1": unexpected status from HEAD request to https://registry-1.docker.io/v2/x/y/manifests/1: 429 Too Many Requests');
    expect(c.cause).toBe('image.rate-limited');
    expect(renderExplanation(c, PLAIN)).not.toMatch(/to decide:/);
    expect('check' in toJson(c)).toBe(false);
  });
});

describe('explain output: a message no signature knows', () => {
  it('is placed under the symptom its words name, with its candidates and deciding commands, and stays unknown', () => {
    const c = classify('error pulling image configuration: a registry said something never seen before');
    expect(c.cause).toBe('unknown');
    const text = renderExplanation(c, PLAIN);
    expect(text).toMatch(/^its words place it under: a container cannot get its image/m);
    expect(text).toMatch(/^ {2}- registry\.dns: /m);
    expect(text).toMatch(/^ {2}\$ on node <node>: crictl pull <image>/m);
    const json = toJson(c);
    expect(json.cause).toBe('unknown');
    expect(json.layer?.symptom).toBe('image-pull');
    expect(json.layer?.candidates).toContain('image.not-found');
    expect(json.layer?.decide.join('\n')).not.toMatch(/[{}]/);
  });

  it('says nothing more of a message outside every layer, of a recognised unknown, or of a named cause', () => {
    const plain = classify('NullPointerException at com.example.Main');
    expect(renderExplanation(plain, PLAIN)).not.toMatch(/place it under/);
    expect('layer' in toJson(plain)).toBe(false);
    const recognised = classify("nslookup: can't resolve 'orders.shop'");
    expect(recognised.signature).toBeTruthy();
    expect('layer' in toJson(recognised)).toBe(false);
    const named = classify('Failed to pull image "x/y:1": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/x/y:1": failed to resolve reference "docker.io/x/y:1": docker.io/x/y:1: not found');
    expect(named.cause).toBe('image.not-found');
    expect('layer' in toJson(named)).toBe(false);
  });
});

describe('explain output: a cause read from another server than its own', () => {
  it('presents the Kubernetes API\'s certificate with its own title, meaning and fix, keeping the cause id', () => {
    const c = classify('Get "https://10.96.0.1:443/apis/example.io/v1/things": x509: certificate signed by unknown authority');
    expect(c.cause).toBe('registry.tls-untrusted');
    const text = renderExplanation(c, PLAIN);
    expect(text).toMatch(/^cause: +registry\.tls-untrusted — The Kubernetes API server's certificate is not trusted/m);
    expect(text).toMatch(/^fix:\n {2}1\. .*kubeconfig/m);
    expect(text).not.toMatch(/containerd|hosts\.toml/);
    const json = toJson(c, true);
    expect(json.title).toMatch(/Kubernetes API server/);
    expect(json.fix?.join(' ')).toMatch(/certificate-authority-data/);
    expect(json.fix?.join(' ')).not.toMatch(/hosts\.toml/);
  });

  it('leaves a registry\'s certificate with the cause\'s own fix', () => {
    const c = classify('failed to do request: Head "https://harbor.corp.local/v2/apps/api/manifests/2.1": tls: failed to verify certificate: x509: certificate signed by unknown authority');
    expect(c.cause).toBe('registry.tls-untrusted');
    const text = renderExplanation(c, PLAIN);
    expect(text).toMatch(/^cause: +registry\.tls-untrusted — Registry certificate/m);
    expect(text).toMatch(/hosts\.toml/);
  });
});

describe('explain output: every signature subject', () => {
  const withSubject = SIGNATURES.filter((s) => s.subject);

  it('exists where a cause is read from another server (API server, DNS forwarders, SPIRE, Fabric)', () => {
    expect(withSubject.map((s) => s.id)).toEqual(expect.arrayContaining(['kube-api.x509-untrusted', 'dns.forwarder-upstream-failed', 'registry.x509-svid-expired']));
  });

  it.each(withSubject.map((s) => [s.id, s] as const))('%s: its samples are presented with its title and fix, not the cause\'s', (_, s) => {
    expect(s.subject!.title.length).toBeGreaterThan(10);
    expect(s.subject!.fix.length).toBeGreaterThan(0);
    let presented = 0;
    for (const sample of s.samples) {
      const c = classify(sample);
      if (c.signature !== s.id) continue; // a more specific signature may take a sample that also fits it
      const json = toJson(c, true);
      expect(json.title).toBe(s.subject!.title);
      expect(json.explanation).toBe(s.subject!.explanation);
      expect(json.fix?.length).toBe(s.subject!.fix.length);
      presented++;
    }
    expect(presented).toBeGreaterThan(0);
  });
});
