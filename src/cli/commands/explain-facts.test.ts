import { describe, expect, it } from 'vitest';
import { fillPlaceholders, messageFacts } from './explain-facts.js';

describe('message facts for fix placeholders', () => {
  it('reads image, registry and port from a containerd pull chain', () => {
    const f = messageFacts('Failed to pull image "reg.lab:5000/tools/api:1.4": rpc error: code = Unknown desc = failed to do request: Head "https://reg.lab:5000/v2/tools/api/manifests/1.4": x509: certificate signed by unknown authority');
    expect(f).toMatchObject({ image: 'reg.lab:5000/tools/api:1.4', registry: 'reg.lab:5000', registryHost: 'reg.lab', port: '5000' });
    expect(fillPlaceholders('put ca.crt in /etc/containerd/certs.d/{registry}/', f)).toBe('put ca.crt in /etc/containerd/certs.d/reg.lab:5000/');
    expect(fillPlaceholders('openssl s_client -connect {registryHost}:{port}', f)).toBe('openssl s_client -connect reg.lab:5000');
    expect(fillPlaceholders('skopeo inspect docker://{registry}/{repository}:{tag}', f)).toBe('skopeo inspect docker://reg.lab:5000/tools/api:1.4');
  });

  it('maps Docker Hub images to the API host and reads nodes and pods', () => {
    const hub = messageFacts('Failed to pull image "nginx:1.25": toomanyrequests');
    expect(hub.registry).toBe('registry-1.docker.io');
    // pull secrets and certs.d name Docker Hub docker.io; connections go to registry-1.docker.io
    expect(fillPlaceholders('--docker-server={registry}; curl https://{registryHost}:{port}/v2/', hub)).toBe('--docker-server=docker.io; curl https://registry-1.docker.io:443/v2/');
    expect(messageFacts('failed to acquire lease: node "worker-2" pod cidr not assigned').node).toBe('worker-2');
    expect(messageFacts('networkPlugin cni failed to set up pod "web-0_shop" network: x')).toMatchObject({ pod: 'web-0', namespace: 'shop' });
  });

  it('leaves placeholders it cannot fill, visibly, and never fills a secret', () => {
    expect(fillPlaceholders('kubectl describe node {node} -n {namespace}', messageFacts('no such host'))).toBe('kubectl describe node <node> -n <namespace>');
    expect(fillPlaceholders('--docker-password={registryPassword}', messageFacts('Failed to pull image "reg.lab:5000/a:1": 401'))).toBe('--docker-password="$REGISTRY_PASSWORD"');
  });
});
