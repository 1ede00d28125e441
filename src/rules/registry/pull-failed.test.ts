import { expect, it } from 'vitest';
import { deepFreeze } from '../../engine/deep-freeze.js';
import { runRules } from '../../engine/run-rules.js';
import { makeEvidence, testRule } from '../rule-tester.js';
import { event, node, pod, pullFailedText } from '../image/_fixtures.js';
import rule from './pull-failed.js';

const IMG = 'reg.example.com/team/api:1.4';
const head = 'failed to do request: Head "https://reg.example.com/v2/team/api/manifests/1.4": ';
const dns = pullFailedText(IMG, IMG, head + 'dial tcp: lookup reg.example.com on 127.0.0.53:53: no such host');
const untrusted = pullFailedText(IMG, IMG, head + 'tls: failed to verify certificate: x509: certificate signed by unknown authority');
const plainHttp = pullFailedText('reg.lab:5000/app:1', 'reg.lab:5000/app:1', 'failed to do request: Head "https://reg.lab:5000/v2/app/manifests/1": http: server gave HTTP response to HTTPS client');
const notFound = pullFailedText('nginx:nope', 'docker.io/library/nginx:nope', 'docker.io/library/nginx:nope: not found');

const docker = { containerRuntimeVersion: 'docker://20.10.24' };

testRule(rule, {
  healthy: [
    { name: 'running pods', evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG)] } } },
    {
      name: 'an application cause (not found) is left to image/pull-failed',
      evidence: { cluster: { pods: [pod('shop/web-a1b2c', 'nginx:nope', { waiting: 'ErrImagePull' })], events: [event('shop/web-a1b2c', 'Failed', notFound)] } },
    },
    {
      name: 'old DNS failure events of a pod now running',
      evidence: { cluster: { pods: [pod('shop/api-a1b2c', IMG)], events: [event('shop/api-a1b2c', 'Failed', dns)] } },
    },
  ],
  faulty: [
    {
      name: 'node resolver cannot resolve the registry on two nodes',
      evidence: {
        cluster: {
          nodes: [node('n2'), node('n3')],
          pods: [pod('shop/api-a1b2c', IMG, { node: 'n2', waiting: 'ImagePullBackOff' }), pod('billing/api-d4e5f', IMG, { node: 'n3', waiting: 'ErrImagePull' })],
          events: [event('shop/api-a1b2c', 'Failed', dns, { count: 5 }), event('billing/api-d4e5f', 'Failed', dns)],
        },
      },
      expect: [
        { cause: 'registry.dns', nodes: ['n2'], pods: ['shop/api-a1b2c'], registry: 'reg.example.com' },
        { cause: 'registry.dns', nodes: ['n3'], pods: ['billing/api-d4e5f'], registry: 'reg.example.com' },
      ],
    },
    {
      name: 'untrusted CA on a containerd node',
      evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG, { waiting: 'ErrImagePull' })], events: [event('shop/api-a1b2c', 'Failed', untrusted)] } },
      expect: [{ cause: 'registry.tls-untrusted', nodes: ['n1'], registry: 'reg.example.com' }],
    },
    {
      name: 'plain-HTTP registry on a Docker node',
      evidence: { cluster: { nodes: [node('n1', docker)], pods: [pod('lab/app-a1b2c', 'reg.lab:5000/app:1', { waiting: 'ErrImagePull', message: plainHttp.replace(/^Failed to pull image "[^"]+": /, '') })] } },
      expect: [{ cause: 'registry.http-to-https', nodes: ['n1'], registry: 'reg.lab:5000' }],
    },
  ],
});

it('the fix follows the node runtime: hosts.toml on containerd, daemon.json on Docker', () => {
  const run = (runtime: string) =>
    runRules(
      deepFreeze(
        makeEvidence({
          cluster: { nodes: [node('n1', { containerRuntimeVersion: runtime })], pods: [pod('lab/app-a1b2c', 'reg.lab:5000/app:1', { waiting: 'ErrImagePull' })], events: [event('lab/app-a1b2c', 'Failed', plainHttp)] },
        }),
      ),
      [rule],
    ).findings;
  const onContainerd = run('containerd://1.7.13');
  expect(onContainerd.map((f) => f.cause)).toEqual(['registry.http-to-https']);
  expect(onContainerd[0].fix.join('\n')).toContain('/etc/containerd/certs.d/reg.lab:5000/hosts.toml');
  expect(onContainerd[0].fix.join('\n')).not.toContain('daemon.json');
  const onDocker = run('docker://20.10.24');
  expect(onDocker[0].fix.join('\n')).toContain('insecure-registries');
  expect(onDocker[0].fix.join('\n')).not.toContain('hosts.toml');
});

it('names the node runtime as evidence only when the fix depends on it', () => {
  const dnsText = plainHttp.replace(/http: server gave HTTP response to HTTPS client/, 'dial tcp: lookup reg.lab on 127.0.0.53:53: no such host');
  const run = (text: string) =>
    runRules(
      deepFreeze(
        makeEvidence({
          cluster: { nodes: [node('n1', { containerRuntimeVersion: 'containerd://1.7.13' })], pods: [pod('lab/app-a1b2c', 'reg.lab:5000/app:1', { waiting: 'ErrImagePull' })], events: [event('lab/app-a1b2c', 'Failed', text)] },
        }),
      ),
      [rule],
    ).findings;
  const runtimeItems = (text: string) => run(text).flatMap((f) => f.evidence).filter((e) => e.what.includes('containerRuntimeVersion'));
  expect(run(dnsText).map((f) => f.cause)).toEqual(['registry.dns']);
  expect(runtimeItems(dnsText)).toEqual([]);
  expect(runtimeItems(plainHttp)).toHaveLength(1);
});
