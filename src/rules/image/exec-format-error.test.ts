import type { PodInfo } from '../../evidence/cluster.js';
import { testRule } from '../rule-tester.js';
import { node, pod } from './_fixtures.js';
import rule from './exec-format-error.js';

const crashing = (ref: string, nodeName: string, message: string, where: 'current' | 'last'): PodInfo => {
  const p = pod(ref, 'reg.example.com/tools/x86only:2', { node: nodeName });
  const st = { ...p.statuses[0], ready: false, restartCount: 7 };
  return {
    ...p,
    phase: 'Running',
    statuses: [
      where === 'current'
        ? { ...st, state: 'terminated', reason: 'StartError', message, exitCode: 128 }
        : { ...st, state: 'waiting', reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=app', lastTerminationReason: 'Error', lastTerminationMessage: message, lastExitCode: 1 },
    ],
  };
};

testRule(rule, {
  healthy: [
    { name: 'running pods', evidence: { cluster: { nodes: [node('pi1', { architecture: 'arm64' })], pods: [pod('tools/x-a1b2c', 'alpine:3', { node: 'pi1' })] } } },
    { name: 'a crash for another reason', evidence: { cluster: { pods: [crashing('tools/x-a1b2c', 'n1', 'panic: runtime error: invalid memory address', 'last')] } } },
  ],
  faulty: [
    {
      name: 'runc StartError on an arm64 node',
      evidence: {
        cluster: {
          nodes: [node('pi1', { architecture: 'arm64' })],
          pods: [crashing('tools/x-a1b2c', 'pi1', 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app": exec format error: unknown', 'current')],
        },
      },
      expect: [
        {
          cause: 'image.platform-mismatch',
          messageId: 'execFormat',
          data: { container: 'app', pod: 'tools/x-a1b2c', node: 'pi1', platform: 'linux/arm64', image: 'reg.example.com/tools/x86only:2' },
          nodes: ['pi1'],
          pods: ['tools/x-a1b2c'],
          fix: [
            'Use an image built for linux/arm64 (a multi-arch image index, or a tag built for that architecture): check with `docker manifest inspect reg.example.com/tools/x86only:2` or `crane manifest reg.example.com/tools/x86only:2`.',
            'Or keep the pod off such nodes with a nodeSelector kubernetes.io/arch: <architecture the image supports>.',
          ],
        },
      ],
    },
    {
      name: 'log tail of a crash-looping container',
      evidence: { cluster: { pods: [crashing('tools/x-a1b2c', 'n1', 'exec /usr/local/bin/tool: exec format error', 'last')] } },
      expect: [
        {
          cause: 'image.platform-mismatch',
          messageId: 'execFormat',
          data: { container: 'app', pod: 'tools/x-a1b2c', node: 'n1', platform: 'node platform unknown', image: 'reg.example.com/tools/x86only:2' },
          nodes: ['n1'],
          pods: ['tools/x-a1b2c'],
          fix: [
            'Use an image built for node platform unknown (a multi-arch image index, or a tag built for that architecture): check with `docker manifest inspect reg.example.com/tools/x86only:2` or `crane manifest reg.example.com/tools/x86only:2`.',
            'Or keep the pod off such nodes with a nodeSelector kubernetes.io/arch: <architecture the image supports>.',
          ],
        },
      ],
    },
  ],
});
