/**
 * The agent's write RBAC of deploy/manifests/10-rbac.yaml on the real authorizer: an identity bound to
 * nothing but the ClusterRole flannel-doctor-publish and the Role flannel-doctor-node-events must be
 * able to publish (VerdictPublisher: PATCH nodes/status, then POST an Event in default), and nothing
 * more: its SelfSubjectRulesReview differs from an unbound identity's by exactly those two rules, and
 * every neighbouring write (the Node itself, PUT on status, events elsewhere, pods, secrets) is 403.
 * The service account as deployed (token from TokenRequest) publishes too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { programOf } from '../../lab/cluster/components.js';
import { run } from '../../lab/exec.js';
import { VerdictPublisher } from '../../src/agent/node-verdict.js';
import { KubeClient, loadKubeConfig } from '../../src/sources/kube/client.js';
import { BulkClient } from './http.js';
import type { ScaleLab } from './lab.js';

const PUBLISH_ROLE = 'flannel-doctor-publish';
const EVENTS_ROLE = 'flannel-doctor-node-events';

export interface RbacCheck {
  publishedAsBoundUser: string;
  eventsWritten: number;
  publishedAsServiceAccount: string;
  /** Rules the bound user has beyond an unbound one, as "verbs resource" (should be the two above). */
  extraRules: string[];
  /** Writes that must be refused, with the status each got. */
  refused: { what: string; status: number }[];
  ok: boolean;
}

async function rules(client: KubeClient): Promise<Set<string>> {
  const r = await client.write('POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: 'default' } }, 30_000);
  const out = new Set<string>();
  for (const rule of r.body?.status?.resourceRules ?? []) {
    for (const g of rule.apiGroups ?? ['']) for (const res of rule.resources ?? []) for (const v of rule.verbs ?? []) out.add(`${v} ${g ? `${g}/` : ''}${res}${rule.resourceNames?.length ? `[${rule.resourceNames.join(',')}]` : ''}`);
  }
  return out;
}

export async function checkAgentRbac(lab: ScaleLab, admin: BulkClient, node: string, log: (l: string) => void): Promise<RbacCheck> {
  const user = 'fd-rbac-agent';
  await admin.must('POST', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: `${user}-publish` }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: PUBLISH_ROLE }, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }] }, [201]);
  await admin.must('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: `${user}-events`, namespace: 'default' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: EVENTS_ROLE }, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }] }, [201]);
  const agent = new KubeClient(loadKubeConfig({ kubeconfig: await lab.identity(user, user) }));
  const pki = path.join(lab.state.dir, 'pki');
  const raw = new BulkClient(lab.serverUrl, { ca: lab.tls.ca, cert: fs.readFileSync(path.join(pki, 'users', `${user}.crt`)), key: fs.readFileSync(path.join(pki, 'users', `${user}.key`)) }, 2);
  const nobody = new KubeClient(loadKubeConfig({ kubeconfig: await lab.identity('fd-rbac-nobody', 'fd-rbac-nobody') }));

  const pub = new VerdictPublisher(agent, node, { namespace: 'default' });
  const publishedAsBoundUser = await pub.publish({ status: 'False', reason: 'CniSubnetEnvMissing', message: 'rbac check' });
  if (publishedAsBoundUser === 'failed') log(`rbac: the bound user could not publish: ${pub.counters.lastError}`);

  const mine = await rules(agent);
  const base = await rules(nobody);
  const extraRules = [...mine].filter((r) => !base.has(r)).sort();

  const n = encodeURIComponent(node);
  const attempts: [string, () => Promise<{ status: number }>][] = [
    ['PATCH the Node object', () => agent.write('PATCH', `/api/v1/nodes/${n}`, { metadata: { labels: { x: 'y' } } }, 30_000, 'application/strategic-merge-patch+json')],
    ['PUT nodes/status', () => raw.request('PUT', `/api/v1/nodes/${n}/status`, { apiVersion: 'v1', kind: 'Node', metadata: { name: node } })],
    ['GET a Node', () => agent.get(`/api/v1/nodes/${n}`, 30_000)],
    ['DELETE a Node', () => raw.request('DELETE', `/api/v1/nodes/${n}`)],
    ['POST an Event in kube-system', () => agent.write('POST', '/api/v1/namespaces/kube-system/events', { metadata: { name: 'x.1' }, involvedObject: { kind: 'Node', name: node }, reason: 'X', message: 'x' }, 30_000)],
    ['PATCH an Event in default', () => agent.write('PATCH', '/api/v1/namespaces/default/events/x', { message: 'x' }, 30_000, 'application/merge-patch+json')],
    ['LIST events', () => agent.get('/api/v1/events', 30_000)],
    ['GET a Secret', () => agent.get('/api/v1/namespaces/flannel-doctor/secrets/flannel-doctor-token', 30_000)],
    ['POST a Pod', () => agent.write('POST', '/api/v1/namespaces/default/pods', { metadata: { name: 'x' }, spec: { containers: [{ name: 'x', image: 'x' }] } }, 30_000)],
    ['PATCH pods/status', () => agent.write('PATCH', '/api/v1/namespaces/flannel-doctor/pods/x/status', {}, 30_000, 'application/merge-patch+json')],
  ];
  const refused: { what: string; status: number }[] = [];
  for (const [what, f] of attempts) refused.push({ what, status: (await f()).status });
  raw.close();

  // The service account as deployed: a TokenRequest token (kept in memory and a 0600 file in the lab dir).
  const kubectl = programOf('kubernetes', 'kubectl');
  const token = (await run(undefined, [kubectl, '--kubeconfig', lab.kubeconfig, 'create', 'token', 'flannel-doctor', '-n', 'flannel-doctor', '--duration', '10m'])).stdout.trim();
  const saConf = path.join(lab.state.dir, 'kubeconfigs', 'sa-flannel-doctor.conf');
  const ca = fs.readFileSync(path.join(lab.state.dir, 'pki', 'ca.crt')).toString('base64');
  fs.writeFileSync(saConf, `apiVersion: v1\nkind: Config\nclusters:\n- name: k\n  cluster:\n    certificate-authority-data: ${ca}\n    server: ${lab.serverUrl}\nusers:\n- name: sa\n  user:\n    token: ${token}\ncontexts:\n- name: sa\n  context: {cluster: k, user: sa}\ncurrent-context: sa\n`, { mode: 0o600 });
  const sa = new VerdictPublisher(new KubeClient(loadKubeConfig({ kubeconfig: saConf })), node, { namespace: 'default' });
  const publishedAsServiceAccount = await sa.publish({ status: 'True', reason: 'Healthy', message: 'rbac check (service account)' });
  fs.rmSync(saConf);

  const expected = ['create events', 'patch nodes/status'];
  const ok = publishedAsBoundUser === 'changed' && pub.counters.events === 1 && publishedAsServiceAccount === 'changed' && JSON.stringify(extraRules) === JSON.stringify(expected) && refused.every((r) => r.status === 403);
  log(`rbac: bound user published ${publishedAsBoundUser} (${pub.counters.events} event), service account ${publishedAsServiceAccount}; extra rules ${JSON.stringify(extraRules)}; refused ${refused.map((r) => `${r.what}=${r.status}`).join(', ')}`);
  return { publishedAsBoundUser, eventsWritten: pub.counters.events, publishedAsServiceAccount, extraRules, refused, ok };
}
