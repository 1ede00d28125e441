// A small lab "front" standing where a registry should answer, started by fronts.ts inside a lab
// namespace (plain node, no build step). Modes:
//   status <ip> <port> <code>  every HTTP request gets <code> with a registry-style error body
//                              (429 carries Docker Hub's toomanyrequests body and rate-limit headers)
//   tarpit <ip> <port>         accepts TCP and never sends a byte (a TLS handshake that never ends)
import http from 'node:http';
import net from 'node:net';

const [mode, ip, portS, codeS] = process.argv.slice(2);
const port = Number(portS);

const BODIES = {
  429: {
    headers: { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '0;w=21600', 'docker-ratelimit-source': ip },
    errors: [{ code: 'TOOMANYREQUESTS', message: 'You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limits' }],
  },
  500: { headers: {}, errors: [{ code: 'UNKNOWN', message: 'unknown error', detail: 'storage backend unavailable' }] },
  503: { headers: {}, errors: [{ code: 'UNAVAILABLE', message: 'service unavailable' }] },
};

if (mode === 'status') {
  const code = Number(codeS);
  const spec = BODIES[code] ?? { headers: {}, errors: [{ code: 'UNKNOWN', message: http.STATUS_CODES[code] ?? 'error' }] };
  const body = JSON.stringify({ errors: spec.errors });
  http
    .createServer((req, res) => {
      res.writeHead(code, {
        'content-type': 'application/json; charset=utf-8',
        'docker-distribution-api-version': 'registry/2.0',
        'content-length': Buffer.byteLength(body),
        ...spec.headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })
    .listen(port, ip);
} else if (mode === 'tarpit') {
  const held = new Set();
  net
    .createServer((sock) => {
      held.add(sock);
      sock.on('error', () => held.delete(sock));
      sock.on('close', () => held.delete(sock));
    })
    .listen(port, ip);
} else {
  console.error(`front-server: unknown mode ${mode}`);
  process.exit(2);
}
process.on('SIGTERM', () => process.exit(0));
