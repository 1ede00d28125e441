/**
 * The dashboard in real headless Chromium (Debian chromium, driven by playwright-core) against an
 * agent whose mesh probe runs over a real VXLAN testbed with UDP 8472 dropped on n2.
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { emptyNode } from '../evidence/node.js';
import { probeMesh } from '../probes/mesh/probe-mesh.js';
import { buildTestbed, type Testbed } from '../probes/mesh/testbed.js';
import { RULES } from '../rules/index.js';
import { Agent } from './agent.js';
import { DEFAULT_CONFIG } from './config.js';
import { createAgentServer } from './server.js';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'dash-token-1b2c';
let tb: Testbed;
let browser: Browser;
let base: string;
let agent: Agent;
let close: () => Promise<void>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: run scripts/setup.sh (Debian package chromium)`);
  tb = await buildTestbed(`fdd${process.pid % 1000}`, 3);
  await tb.sh(tb.targets[1].netns!, 'iptables -A INPUT -p udp --dport 8472 -j DROP');
  const node = emptyNode('n1');
  agent = new Agent({ ...DEFAULT_CONFIG, hostRoot: '/nonexistent', nodeName: 'n1', token: TOKEN }, {
    gatherNode: async () => node,
    probeMesh: () => probeMesh(tb.targets, { timeoutMs: 500 }),
  }, RULES, 'test');
  await agent.checkNow();
  const server = createAgentServer(agent);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((r) => server.close(() => r()));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
  await tb?.destroy();
});

describe('dashboard in headless Chromium', () => {
  it('renders the broken pair, the root cause and its fix, with no console error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/?token=${TOKEN}`);
    await page.waitForSelector('table.matrix');
    const broken = await page.$$eval('td[data-ok="false"]', (tds) => tds.map((t) => t.getAttribute('data-pair')));
    expect(broken.sort()).toEqual(['n1-n2', 'n2-n1', 'n2-n3', 'n3-n2']);
    const healthy = await page.$$eval('td[data-ok="true"]', (tds) => tds.map((t) => t.getAttribute('data-pair')));
    expect(healthy.sort()).toEqual(['n1-n3', 'n3-n1']);
    expect(await page.textContent('#causes')).toContain('flannel.vxlan-blocked');
    expect(await page.getAttribute('.tier[data-tier="infrastructure"]', 'class')).toContain('error');
    // The README's screenshot is refreshed on demand only, so a test run leaves the tree clean.
    const shot = process.env.UPDATE_SCREENSHOTS ? new URL('../../docs/img/dashboard.png', import.meta.url).pathname : join(tmpdir(), `fd-dashboard-${process.pid}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    if (!process.env.UPDATE_SCREENSHOTS) rmSync(shot, { force: true }); // taken to prove the page renders; nothing left in /tmp
    expect(errors).toEqual([]);
  });

  it('without the token the API refuses, and the page says the agent is unreachable instead of breaking', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const res = await page.goto(`${base}/`);
    expect(res?.status()).toBe(401);
    expect(pageErrors).toEqual([]);
  });
});
