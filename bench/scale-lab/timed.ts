/** One child process measured by GNU time: wall, CPU (user+sys) and peak RSS; stdout to a file or dropped. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface Timed {
  wallS: number;
  cpuS: number;
  rssMB: number;
  code: number;
  stderr: string;
}

export function timed(argv: string[], opts: { env?: NodeJS.ProcessEnv; stdout?: string } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const out = opts.stdout ? fs.openSync(opts.stdout, 'w') : 'ignore';
    const t0 = performance.now();
    const c = spawn('/usr/bin/time', ['-f', '@@time %U %S %M', ...argv], { stdio: ['ignore', out, 'pipe'], env: opts.env ?? process.env });
    if (typeof out === 'number') fs.closeSync(out);
    let err = '';
    c.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    c.on('error', reject);
    c.on('close', (code) => {
      const wallS = (performance.now() - t0) / 1000;
      const m = /@@time (\S+) (\S+) (\d+)\s*$/.exec(err);
      resolve({ wallS, cpuS: m ? Number(m[1]) + Number(m[2]) : NaN, rssMB: m ? Number(m[3]) / 1024 : NaN, code: code ?? 1, stderr: err.replace(/@@time[^\n]*\s*$/, '').trim() });
    });
  });
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
