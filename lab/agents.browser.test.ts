/**
 * The agent's dashboard opened through the lab API server's pod proxy in headless Chromium (Debian
 * chromium via playwright-core): its relative URLs must resolve under …/pods/<agent>:9464/proxy/.
 * A node fault on n2 must show on n2's dashboard. Needs Linux + root, chromium and a built CLI.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { agentPodName, agentsUp, AGENT_NS } from './agents.js';
import { addFault } from './fault-ops.js';
import type { OpenLab } from './handle.js';
import { labDown, labPrerequisite, labUp } from './lab.js';

const CHROMIUM = '/usr/bin/chromium';
const NAME = `ab${process.pid % 10_000_000}`;
const TOKEN = 'lab-dash-' + process.pid;
const why = labPrerequisite() ?? (existsSync(CHROMIUM) ? undefined : `${CHROMIUM} missing: run scripts/setup.sh (Debian package chromium)`);
const allowSkip = process.env.FLANNEL_DOCTOR_ALLOW_NO_LAB === '1';
if (why && !allowSkip) {
  describe('lab agent dashboard', () => {
    it('needs Linux, root and chromium (set FLANNEL_DOCTOR_ALLOW_NO_LAB=1 to skip)', () => {
      throw new Error(`lab agent dashboard test cannot run here: ${why}`);
    });
  });
}
const d = why ? describe.skip : describe;

d('agent dashboard through the lab API pod proxy (headless Chromium)', () => {
  let lab: OpenLab;
  let browser: Browser;
  const page = (node: string) => `${lab.state.api!.url}/api/v1/namespaces/${AGENT_NS}/pods/${agentPodName(node)}:9464/proxy/`;

  beforeAll(async () => {
    if (!existsSync(new URL('../dist/cli.js', import.meta.url))) throw new Error('the agents run the built CLI: run `npm run build` first');
    await labDown(NAME).catch(() => undefined);
    lab = await labUp({ name: NAME, nodes: 2, podsPerNode: 1, images: false });
    await addFault(lab, 'node.ip-forward', 'n2');
    await agentsUp(lab, { interval: 2, token: TOKEN });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await labDown(NAME).catch(() => undefined);
  }, 60_000);

  it("n2's dashboard shows its node fault, n1's does not, with no console error", async () => {
    for (const [node, expectCause] of [['n2', true], ['n1', false]] as const) {
      const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      p.on('pageerror', (e) => errors.push(e.message));
      // failed requests by URL; the browser's own /favicon.ico goes to the API server's root, not the agent
      const failed: string[] = [];
      p.on('response', (r) => r.status() >= 400 && !new URL(r.url()).pathname.endsWith('/favicon.ico') && failed.push(`${r.status()} ${r.url()}`));
      const res = await p.goto(`${page(node)}?token=${TOKEN}`);
      expect(res?.status()).toBe(200);
      // expressions as strings: this file is type-checked without the DOM library
      await p.waitForFunction(`!document.querySelector('#causes').textContent.includes('waiting for the first check')`, undefined, { timeout: 15_000 });
      // the first check may still be running: wait for the one that has the fault (n2) or a verdict (n1)
      if (expectCause) await p.waitForFunction(`document.querySelector('#causes').textContent.includes('node.ip-forward')`, undefined, { timeout: 15_000 });
      const causes = (await p.textContent('#causes')) ?? '';
      expect(causes.includes('node.ip-forward'), causes).toBe(expectCause);
      expect(failed, node).toEqual([]);
      // Chromium logs the favicon's 404 as a console error without its URL; every other failed request is in `failed`
      expect(errors.filter((e) => !/status of 404/.test(e)), node).toEqual([]);
      await p.close();
    }
  });

  it('without the token the proxied agent refuses (401)', async () => {
    const p = await browser.newPage();
    const res = await p.goto(page('n1'));
    expect(res?.status()).toBe(401);
    await p.close();
  });
});
