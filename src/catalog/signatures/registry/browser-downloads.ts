import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The browser and driver downloads of test tools, run in CI pods and image builds: Playwright's and Puppeteer's
 * installers ("Download failed: server returned code <status>. URL: <url>", @puppeteer/browsers httpUtil and
 * Playwright's browser fetcher), Cypress's binary download ("Failed downloading the Cypress binary." with the
 * response code on its own line) and webdriver-manager's GitHub lookups. The status decides, as a registry's does.
 */
const DOWNLOAD = String.raw`download failed: server returned code`;
const CYPRESS = String.raw`failed downloading the cypress binary\.[\s\S]{0,200}?response code: `;

export const BROWSER_DOWNLOAD_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.browser-download-proxy-auth',
    cause: 'registry.proxy',
    // 407 is only ever a proxy's answer: the proxy the installer went through wants credentials it was not given.
    re: new RegExp(String.raw`${DOWNLOAD} 407\b|${CYPRESS}407\b`),
    anchors: ['download failed: server returned code 407', 'failed downloading the cypress binary'],
    confidence: 0.9,
    specificity: 95,
    check: 'the proxy settings the installer reads (HTTPS_PROXY with user:password@, or npm config get https-proxy; Cypress reads HTTP_PROXY) and whether the proxy lets this host download from the browser CDN',
    source: '@puppeteer/browsers httpUtil ("Download failed: server returned code ${statusCode}. URL: ${url}"), Playwright browserFetcher, cypress/lib/tasks/download.js ("Failed downloading the Cypress binary." / "Response code: ")',
    samples: [
      'Error: Download failed: server returned code 407. URL: https://playwright.azureedge.net/builds/chromium/1097/chromium-linux.zip',
      '[FAILED] Failed downloading the Cypress binary.\n[FAILED] Response code: 407\n[FAILED] Response message: Proxy Authentication Required',
    ],
    counterSamples: ['Error: Download failed: server returned code 404. URL: https://storage.googleapis.com/chrome-for-testing-public/1/linux64/chrome-linux64.zip'],
  }),
  sig({
    id: 'registry.browser-download-not-found',
    cause: 'image.not-found',
    // The build asked for is not published at that URL: a revision or channel the CDN no longer (or not yet) serves,
    // or a platform it has no build for.
    re: new RegExp(String.raw`${DOWNLOAD} 404\b|${CYPRESS}404\b`),
    anchors: ['download failed: server returned code 404', 'failed downloading the cypress binary'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the URL in the message: is that version and platform published there (open its folder on the CDN)? A download host or mirror set in the environment (PLAYWRIGHT_DOWNLOAD_HOST, PUPPETEER_DOWNLOAD_BASE_URL, CYPRESS_DOWNLOAD_MIRROR) must serve the same paths; pin a browser version that exists',
    source: '@puppeteer/browsers httpUtil, Playwright browserFetcher, cypress/lib/tasks/download.js',
    samples: [
      'Error: Download failed: server returned code 404. URL: https://archive.mozilla.org/pub/firefox/nightly/latest-mozilla-central/firefox-130.0a1.en-US.linux-x86_64.tar.bz2',
      '[FAILED] Failed downloading the Cypress binary.\n[FAILED] Response code: 404\n[FAILED] Response message: Not Found',
    ],
    counterSamples: ['Error: Download failed: server returned code 500. URL: https://cdn.playwright.dev/builds/chromium/1/chromium-linux.zip'],
  }),
  sig({
    id: 'registry.browser-download-server-error',
    cause: 'registry.server-error',
    // The CDN (or the proxy in front of it: 502, 504; Cloudflare's 52x and 530) failed the request itself.
    re: new RegExp(String.raw`${DOWNLOAD} 5\d\d\b|${CYPRESS}5\d\d\b`),
    anchors: ['download failed: server returned code 5', 'failed downloading the cypress binary'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['registry.proxy'],
    check: 'retry later, and see whether the download host reports an incident; a 502 or 504 may come from a proxy or mirror in between (HTTPS_PROXY, CYPRESS_DOWNLOAD_MIRROR, PLAYWRIGHT_DOWNLOAD_HOST)',
    source: '@puppeteer/browsers httpUtil, Playwright browserFetcher, cypress/lib/tasks/download.js',
    samples: [
      'Error: Download failed: server returned code 503. URL: https://playwright.azureedge.net/builds/firefox/1408/firefox-ubuntu-20.04.zip',
      '[FAILED] Failed downloading the Cypress binary.\n[FAILED] Response code: 502\n[FAILED] Response message: Bad Gateway',
    ],
    counterSamples: ['[FAILED] Failed downloading the Cypress binary.\n[FAILED] Response code: 404'],
  }),
  sig({
    id: 'registry.webdriver-manager-github-rate-limit',
    cause: 'image.rate-limited',
    // webdriver-manager asks GitHub's API for driver releases without a token: 60 requests an hour per address,
    // which a CI fleet behind one address uses up.
    re: /failed to make github request, rate limit reached/,
    anchors: ['failed to make github request, rate limit reached'],
    confidence: 0.85,
    specificity: 95,
    check: 'how many jobs share this egress address; give webdriver-manager a token (--github_token, or GITHUB_TOKEN where it reads it) or pin and cache the driver in the image',
    source: 'webdriver-manager (angular/webdriver-manager) GitHub release lookup ("Failed to make Github request, rate limit reached.")',
    samples: [
      'Error: Failed to make Github request, rate limit reached.',
      '[12:01:33] E/downloader - Failed to make Github request, rate limit reached.',
    ],
    counterSamples: ['Error: Failed to make Github request: getaddrinfo ENOTFOUND api.github.com'],
  }),
];
