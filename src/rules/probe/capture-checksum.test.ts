import { testRule } from '../rule-tester.js';
import { A, B, withCapture } from './_capture-sample.js';
import rule from './capture-checksum.js';

testRule(rule, {
  healthy: [
    { name: 'checksums right', evidence: withCapture() },
    { name: 'zero checksums and offload partial sums are fine', evidence: withCapture((c) => Object.assign(c.checksums, { zero: 4000, partial: 64, good: 0 })) },
    { name: 'one wrong checksum in a thousand is noise', evidence: withCapture((c) => (c.checksums.badBySource = [{ src: A, dst: B, bad: 2, checked: 1000 }])) },
  ],
  faulty: [
    {
      name: 'A sends wrong checksums',
      evidence: withCapture((c) => {
        c.checksums.bad = 64;
        c.checksums.badBySource = [{ src: A, dst: B, bad: 64, checked: 64 }];
      }),
      expect: [{ cause: 'flannel.checksum-offload', nodes: [A], messageIncludes: '64 of 64 checked' }],
    },
  ],
});
