import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fillSteps } from '../../fix/steps.js';
import { lenientJson, netConfSteps, netConfText } from './_net-conf-fix.js';

describe('the net-conf.json fix', () => {
  it('reads a hand-edited file with a trailing comma or a comment, and nothing worse', () => {
    expect(lenientJson('{\n  "Network": "10.244.0.0/16", // pods\n  "Backend": {\n    "Type": "vxlan",\n  }\n}\n')).toEqual({ Network: '10.244.0.0/16', Backend: { Type: 'vxlan' } });
    expect(lenientJson('{"Network": "a,}", /* x */ "Backend": {"Type": "vxlan"}}')).toEqual({ Network: 'a,}', Backend: { Type: 'vxlan' } });
    expect(lenientJson('{"Network": "10.244.0.0/16" "Backend": {}}')).toBeUndefined();
    expect(lenientJson('[1, 2,]')).toBeUndefined();
  });

  it('patches the ConfigMap as deployed and verifies the stored text, then rolls flannel', () => {
    const text = netConfText({ Network: "10.244.0.0/16", Note: "it's" });
    const [patch, restart] = fillSteps(netConfSteps({ namespace: 'kube-system', name: 'kube-flannel-cfg', data: {} }, text, 'Set Network')!, { flannelNamespace: 'kube-system', flannelDaemonSet: 'kube-flannel-ds' });
    expect(patch.text).toBe('Set Network in net-conf.json of ConfigMap kube-system/kube-flannel-cfg');
    expect(patch.run).toMatch(/^kubectl -n kube-system patch configmap kube-flannel-cfg --type merge -p '/);
    // the patch argument is one shell word whose JSON carries the file exactly
    const arg = spawnSync('sh', ['-c', `printf '%s' ${patch.run!.split(' -p ')[1]}`], { encoding: 'utf8' }).stdout;
    expect(JSON.parse(arg)).toEqual({ data: { 'net-conf.json': text } });
    const expected = spawnSync('sh', ['-c', `printf '%s' ${patch.verify!.split(' = ')[1]}`], { encoding: 'utf8' }).stdout;
    expect(expected).toBe(text.trimEnd());
    expect(restart.run).toBe('kubectl -n kube-system rollout restart daemonset kube-flannel-ds');
    expect(netConfSteps({ namespace: 'kube-system', name: 'cfg; rm -rf /', data: {} }, text, 'x')).toBeUndefined();
  });
});
