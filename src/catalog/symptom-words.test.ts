import { describe, expect, it } from 'vitest';
import { placeMessage, SYMPTOM_WORDS } from './symptom-words.js';
import { SYMPTOMS } from './symptoms.js';

describe('placing a message no signature knows under its symptom', () => {
  it('names the layer from the components\' words', () => {
    expect(placeMessage('error pulling image configuration: something new happened')?.kind).toBe('image-pull');
    expect(placeMessage('Failed to create pod sandbox: rpc error: code = Unknown desc = a plugin said something new')?.kind).toBe('pod-start');
    expect(placeMessage('dial tcp: lookup api.internal: something new')?.kind).toBe('dns-log');
    expect(placeMessage('kube-flannel-ds-x7k2p restarted 600 times, OOMKilled')?.kind).toBe('crash-loop');
    expect(placeMessage('kubelet.service: main process exited in a new way')?.kind).toBe('node-not-ready');
  });

  it('puts the sandbox before the image its line also mentions, and the lookup before the pull', () => {
    expect(placeMessage('Failed to create pod sandbox: failed to get sandbox image "registry.k8s.io/pause:3.9": something new')?.kind).toBe('pod-start');
    expect(placeMessage('failed to pull image "reg.lab/app:1": lookup reg.lab: something new')?.kind).toBe('dns-log');
  });

  it('says nothing of a message outside its layers', () => {
    expect(placeMessage('NullPointerException at com.example.Main')).toBeUndefined();
    expect(placeMessage('')).toBeUndefined();
  });

  it('only names symptoms that exist, each with candidates and a deciding command', () => {
    for (const w of SYMPTOM_WORDS) {
      expect(SYMPTOMS[w.kind], w.kind).toBeDefined();
      expect(SYMPTOMS[w.kind].candidates.length, w.kind).toBeGreaterThan(0);
      expect(SYMPTOMS[w.kind].decide.length, w.kind).toBeGreaterThan(0);
    }
  });
});
