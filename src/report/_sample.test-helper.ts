/** A realistic broken-cluster diagnosis for the reporter tests, built through diagnose() and the real rules. */
import { diagnose, type DiagnosisReport } from '../engine/diagnose.js';
import { makeEvidence } from '../rules/rule-tester.js';
import { event, node, pod, pullFailedText, secret } from '../rules/image/_fixtures.js';
import { RULES } from '../rules/index.js';

export const HOSTILE = '<script>alert("x")</script> & \'quoted\' ]]> \u0007';

export function sampleReport(): DiagnosisReport {
  const IMG = 'reg.example.com/team/api:1.4';
  const dns = pullFailedText(IMG, IMG, 'failed to do request: Head "https://reg.example.com/v2/team/api/manifests/1.4": dial tcp: lookup reg.example.com on 127.0.0.53:53: no such host');
  const evidence = makeEvidence({
    cluster: {
      nodes: [
        node('n1', { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] }),
        node('n2', { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] }),
        node('n3', { annotations: { 'flannel.alpha.coreos.com/kube-subnet-manager': 'true' } }),
      ],
      pods: [
        pod('shop/api-a1b2c', IMG, { node: 'n1', waiting: 'ImagePullBackOff' }),
        pod('billing/api-d4e5f', IMG, { node: 'n2', waiting: 'ErrImagePull' }),
        pod('web/front-g7h8i', 'acme/front:3', { node: 'n2', waiting: 'ImagePullBackOff', secrets: ['hub'] }),
        pod('web/odd-j1k2l', 'reg.example.com/x:1', { node: 'n1', waiting: 'ErrImagePull', message: HOSTILE }),
      ],
      events: [event('shop/api-a1b2c', 'Failed', dns, { count: 7 }), event('billing/api-d4e5f', 'Failed', dns), event('web/odd-j1k2l', 'Failed', `${dns.replaceAll('team/api:1.4', 'x:1')} ${HOSTILE}`)],
      pullSecrets: [secret('web/hub', ['registry-1.docker.io'])],
    },
  });
  return diagnose(evidence, RULES, { version: '0.1.0-test', now: new Date('2026-11-27T12:00:00Z') });
}
