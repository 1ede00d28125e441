/**
 * The test API server as its own process (for a lab that outlives one command):
 *
 *   tsx lab/kube-api/main.ts --port 6443 [--host 127.0.0.1] [--token T] [--state objects.json] [--kubeconfig out.yaml]
 *
 * Loads objects from --state (a JSON array or a List) if it exists, writes every change back to it
 * (debounced), writes the kubeconfig to --kubeconfig, prints {"url","pid"} as one JSON line on stdout
 * when ready, and exits cleanly on SIGTERM/SIGINT.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KubeApiServer } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string' },
    state: { type: 'string' },
    kubeconfig: { type: 'string' },
  },
});

const api = await KubeApiServer.start({ port: Number(values.port), host: values.host, token: values.token });
if (values.state && existsSync(values.state)) {
  const v = JSON.parse(readFileSync(values.state, 'utf8'));
  api.load(Array.isArray(v) ? v : (v.items ?? []));
}
if (values.state) {
  const file = values.state;
  let timer: NodeJS.Timeout | undefined;
  api.store.onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      writeFileSync(file + '.tmp', JSON.stringify(api.snapshot()));
      renameSync(file + '.tmp', file);
    }, 50);
  };
}
if (values.kubeconfig) writeFileSync(values.kubeconfig, api.kubeconfig(), { mode: 0o600 });
process.stdout.write(JSON.stringify({ url: api.url, pid: process.pid }) + '\n');
const stop = async () => {
  await api.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
