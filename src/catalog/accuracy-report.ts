import { HIGH, SPLITS, judgeAnswer, scoreAnswers, type LabelledMessage, type Score } from './evaluate.js';
import type { Classification } from './types.js';

/**
 * The blind batch: messages from threads in no file of the repository, labelled and committed before
 * `explain` ran on them (the commit adding them to corpus/threads.jsonl touches no signature). Batches
 * collected side by side and scored at the same catalog are held out together: one larger sample.
 */
export const HELD_OUT: readonly string[] = ['eval337', 'eval340', 'eval342', 'eval339', 'eval338', 'eval341', 'eval343', 'eval345', 'eval344', 'eval346'];

/** How the held-out batch is named in the report. */
export const HELD_OUT_NAME = HELD_OUT.join(' + ');

/**
 * Its one blind scoring (`npx tsx scripts/explain-accuracy.ts --split <batch> --wrong`), kept as data: the current
 * numbers are computed, this one cannot be. Each batch was scored once with main's catalog at its merge, which held the
 * rounds made for the batches merged before it, never one made for itself. The search index was nearly spent, so this
 * stop's collectors searched kinds of workload the corpus had met least: telecom and 5G network functions (eval337),
 * multi-cluster and virtual-cluster tools (eval340), realtime media, game and messaging servers (eval342), research and
 * education platforms (eval339), blockchain and distributed-ledger networks (eval338), browser-testing grids, load
 * generators and chaos tools (eval341); then self-hosted open-source SaaS (eval343), identity, secrets and policy
 * components (eval345), language toolchains and dependency fetchers (eval344); last git and Git LFS transport (eval346).
 * The catalogs: eval337, eval340 and eval342 the one stop 57 ended with, at their merges (3ad9fa73, f7921bae, 4018c817);
 * eval339 and eval338 after round 260 (820068e4, 95b70b4f); eval341 after round 261 (8724b4cb); eval343 and eval345
 * after round 262, the classifier's one-line retry for answers that name no cause, and the NodeLocal DNSCache reading
 * (0cdf90b4, 8c68fa15); eval344 after round 263 (48d63161); eval346 after round 264 and the Multus, JVM and cri-dockerd
 * readings (1532863a). eval337: 9 messages, 9 right, 3 of 3 at ≥ 0.9; eval340: 7, 7 right, 1 of 1; eval342: 18, 16
 * right, none; eval339: 57, 50 right, 6 of 6; eval338: 35, 34 right, 4 of 4; eval341: 67, 57 right, 1 of 1; eval343: 30,
 * 30 right, none; eval345: 29, 27 right, 1 of 1; eval344: 129, 102 right, 4 of 4; eval346: 85, 64 right, 3 of 3. No answer
 * was wrong at ≥ 0.9. Each collector ran no test and no classifier, only scripts/corpus-check.ts and tsc, grepped for
 * novelty outside src/catalog, and committed its batch on its own branch (657d5b19, 053f96a6, f8bc97a7, e67efdc5,
 * 38418b53, 0c900903, c7057d8f, 7708dc98, ba92e55f, ed56f199) before it was scored; none saw a score of its own batch
 * (several saw a few lines of corpus/README.md outside the collection paragraphs in a grep or diff, recorded in their
 * paragraphs; eval341's saw five lines of one cause page after its first 58 labels). 122 rows were dropped unread at
 * merging by the lead's address and fold checks against main and every batch merged before (eval345 thirty-one, eval338
 * nineteen, eval341 sixteen, eval346 fifteen, eval344 thirteen, eval343 eight, eval339 seven, eval342 six, eval340 five,
 * eval337 two). 83 of the 466 rows are labelled `unknown` (79 right); of the 383 labelled with a cause, 317 were right.
 * (eval327 to eval336, held out together before them: 178 messages, 156 right, 31 of 44 decidable, 5 of 5 at ≥ 0.9,
 * none wrong at ≥ 0.9: storage and security add-ons (eval331) 10, 9 right; edge and IoT (eval327) 3, 3; ML and GPU
 * (eval329) 18, 15; meshes and gateways (eval330) 11, 10; sandboxed and VM runtimes (eval328) 42, 31; installers and
 * upgrades (eval332) 15, 14; inner-loop tools (eval334) 10, 9; application platforms (eval335) 21, 19; data platforms
 * (eval333) 43, 41; homelab clusters (eval336) 5, 5; committed on their branches (22228a65, 3c894c22, 92ca0bd1, c624c5fc,
 * f103f4eb, 3b32bb13, d506c40e, 55f504ca, ccb513d4, 63a6e97e) before each was scored; forty-two rows dropped unread at
 * merging; 70 of the 178 rows labelled `unknown`.)
 * (eval317 to eval326, held out together before them: 210 messages, 192 right, 61 of 71 decidable, 12 of 12 at ≥ 0.9,
 * none wrong at ≥ 0.9. Each collector searched where threads come from that the corpus had met least: eval322 (clusters
 * built by hand) 2, 2 right; eval320 (pod sandboxes without network) 34, 32; eval318 (name resolution in pods'
 * applications) 34, 32; eval319 (pod-network addressing) 17, 13; eval321 (the newest versions' wordings) 20, 19;
 * eval317 (Helm charts' pod Events) 26, 23; eval323 (OpenStack and bare-metal provisioners) 11, 11; eval325 (database,
 * queue and middleware operators) 19, 16; eval324 (languages met least) 33, 31; eval326 (CI jobs as pods) 14, 13;
 * committed on their branches (a3ef52c5, 9fe7f67e, ac891cf5, 7ffc013c, 8f01f85a, e66e35fa, 2620deff, e4d82e03,
 * a6c115ab, 5e64731a) before each was scored; twenty-nine rows dropped unread at merging; 96 of the 210 rows labelled
 * `unknown`.)
 * (eval308 to eval316, held out together before them: 281 messages, 237 right, 136 of 169 decidable, 40 of 41 at ≥ 0.9,
 * one wrong at ≥ 0.9 (CRI-O listing its own store read as a pull's platform). Each collector searched one family of
 * issue 13 by its components' strings: eval313 (pod, Service and node connectivity) 6, 6 right; eval308 (flannel's
 * backends in the products that embed it) 22, 17; eval311 (private-registry authentication) 61, 47; eval309 (cluster
 * DNS) 24, 20; eval314 (text-scarce causes) 24, 22; eval310 (kubelet and runtime start-up) 39, 28; eval315 (images that
 * are not there) 42, 39; eval316 (rate limits, disk, server errors, mirrors) 33, 31; eval312 (the transport to
 * registries) 30, 27; committed on their branches (0cc0956f, 9e708488, 7da36415, 0e823d0a, 78820d7e, d1deb555,
 * 9cfe7561, 2921026e, 15b99416) before each was scored; seventy-nine rows dropped unread at merging; 80 of the 281 rows
 * labelled `unknown`.)
 * (eval295 to eval307, held out together before them: 398 messages, 346 right, 159 of 199 decidable, 21 of 21 at
 * ≥ 0.9, none wrong at ≥ 0.9. Each collector searched by a kind of thread: eval295 (image-automation and
 * registry-scanning tools) 42, 38 right; eval296 (edge and IoT frameworks) 20, 20; eval297 (macOS hosts) 33, 33;
 * eval298 (registries beside the cluster) 34, 33; eval299 (bare-metal Service exposure) 21, 19; eval300 (signature
 * verifiers and admission callouts) 33, 30; eval301 (system containers hosting runtimes) 38, 24; eval302 (HPC
 * runtimes) 36, 27; eval303 (operator catalogs) 34, 34; eval304 (AI coding-agent sandboxes) 36, 31; eval305 (languages
 * other than English and Chinese) 8, 7; eval306 (registries' retention) 26, 18; eval307 (GitOps controllers fetching
 * OCI artifacts) 37, 32; committed on their branches (1449546e, 402d5f96, 19ebc960, f25149ed, 3f6009b5, 22787e59,
 * 34b36fcd, 4523d20d, 20fae677, 9e4fc5b0, 9a89f092, da89e112, 77d0c517) before each was scored; twenty-three rows
 * dropped unread at merging; 133 of the 398 rows labelled `unknown`.)
 * (eval283 to eval294, held out together before them: 364 messages, 272 right, 126 of 207 decidable, 17 of 17 at ≥ 0.9,
 * none wrong at ≥ 0.9. Each collector searched by a kind of thread: eval283 (images and registries that moved or were
 * removed) 56, 50 right; eval284 (rootless and unprivileged stacks) 54, 17; eval285 (nested containers) 34, 24; eval286
 * (cloud credential chains) 40, 29; eval287 (platforms other than amd64) 55, 49; eval288 (nodes with several
 * addresses) 33, 26; eval289 (per-node DNS caches) 10, 9; eval290 (flannel's configuration over time) 12, 9; eval291
 * (WSL 2) 15, 10; eval292 (the egress path) 14, 13; eval293 (hosts built differently) 31, 26; eval294 (a broad sample by
 * symptom) 10, 10; committed on their branches (2eb1c5ab, 85cb13e2, 1dda9bac, de3d7e9c, ff98e43b, f06fdf19, d13a50d2,
 * 2dc881bd, a121e41b, c91e67cc, a0ef22b0, 075a43da) before each was scored; forty-six rows dropped unread at merging; 84
 * of the 364 rows labelled `unknown`.)
 * (eval272 to eval282, held out together before them: 238 messages, 195 right, 82 of 115 decidable, 16 of 18 at ≥ 0.9,
 * two wrong at ≥ 0.9 (a kubelet's ImageGCFailed for a filesystem it had no numbers for, read as a full disk; a proxy's
 * name looked up through Go's loopback fallback, read as the proxy). Each collector searched by a kind of thread:
 * eval272 (Windows nodes and containers) 31, 28 right; eval273 (service meshes) 10, 8; eval274 (nodes after reboots and
 * resets) 23, 14; eval275 (structured pastes) 25, 22; eval276 (local VMs and system containers) 11, 7; eval277
 * (registries' server-side logs) 30, 23; eval278 (pushes through reverse proxies) 43, 39; eval279 (mainland China) 17,
 * 16; eval280 (clusters built by hand) 14, 12; eval281 (secondary-network CNI plugins) 12, 7; eval282 (CRI-O nodes) 22,
 * 19; committed on their branches (8d7501c, eb99dff, bc79ea5, 30b26ef, 496eb35, 6921d35, b1fc695, 2e22f0e, be70ba1,
 * 40b5e8f, 15b74d2) before each was scored; thirteen rows dropped unread at merging; 52 of the 238 rows labelled
 * `unknown`.)
 * (eval265 to eval271, held out together before them: 217 messages, 190 right, 62 of 84 decidable, 15 of 15 at ≥ 0.9,
 * none wrong at ≥ 0.9. Each collector searched by a kind of thread: eval265 (lazy-pulling snapshotters) 28, 23 right;
 * eval266 (nodes new to the cluster) 27, 25; eval267 (desktop and dashboard tools) 44, 39; eval268 (infrastructure as
 * code) 18, 17; eval269 (GPU and ML serving) 51, 45; eval270 (developer platforms) 18, 12; eval271 (hardened and
 * disconnected environments) 31, 29; committed on their branches (56695ad, 5a5a6c3, 4e3883d, 7420b19, a9bf3c4,
 * 44be13a, f08aa7a) before each was scored; twenty-five rows dropped unread at merging; 35 of the 217 rows labelled
 * `unknown`.)
 * (eval253 to eval264, held out together before them: 233 messages, 204 right, 47 of 58 decidable, 18 of 18 at ≥ 0.9,
 * none wrong at ≥ 0.9. Each collector searched by an era, the project's own infrastructure or a kind of thread: eval253
 * (the Kubernetes project's own CI) 26, 19 right; eval254 (2014 to 2018) 25, 20; eval255 (the newest releases) 17, 15;
 * eval256 (clustered applications' peer discovery) 45, 41; eval257 (pods that cannot reach the API server) 27, 27;
 * eval258 (observability) 25, 23; eval259 (storage and backup) 9, 8; eval260 (security agents) 26, 23; eval261 (pull
 * requests) 11, 10; eval262 (smaller clouds) 5, 3; eval263 (2019 to 2021) 10, 8; eval264 (2022 to 2024) 7, 7;
 * committed on their branches (7436695, c839f41, eab6f54, 905e1e6, 1f27530, 91a3da2, a44c973, 3827609, 77dc4ca,
 * d545904, a6a5fd5, 11ee136) before each was scored; forty-one rows dropped unread at merging; 112 of the 233 rows
 * labelled `unknown`.)
 * (eval237 to eval252, held out together before them: 435 messages, 383 right, 141 of 186 decidable, 25 of 26 at
 * ≥ 0.9, one wrong at ≥ 0.9 (an npm mirror's retired domain whose certificate had expired, read as the certificate).
 * Each collector searched by the words of one kind of thread: eval237 (managed serverless and hosted PaaS) 32, 27
 * right; eval238 (language runtimes' resolver errors) 21, 19; eval239 (the C library resolver) 37, 35; eval240
 * (orchestrators other than Kubernetes) 27, 22; eval241 (cloud development environments) 23, 23; eval242 (accelerator
 * stacks) 37, 30; eval243 (home-lab hypervisors) 25, 24; eval244 (operators' development loops) 25, 23; eval245
 * (scientific workflow managers) 28, 23; eval246 (distributed data engines) 13, 13; eval247 (DNS servers and filters)
 * 7, 5; eval248 (reverse proxies and ingress) 25, 24; eval249 (package installs in image builds) 60, 55; eval250
 * (clocks) 34, 28; eval251 (unusual kernels and hosts) 27, 22; eval252 (corporate security appliances) 14, 10;
 * committed on their branches (e15e5ac, 4da4762, 4019a61, 38fad41, 3301155, 791796c, 0acefd7, 873a9e0, 824610e,
 * ff34a61, fe502e4, 3826e95, c737f68, 8ca9a6c, 1157f06, a8c058e) before each was scored; fifteen rows dropped unread at
 * merging.)
 * (eval226 to eval236, held out together before them: 390 messages, 338 right, 115 of 150 decidable, 26 of 28 at ≥ 0.9,
 * two wrong at ≥ 0.9 (a crun Wasm handler's error after a wasi/wasm platform warning, an ollama blob fetch behind a proxy
 * answered as plain HTTP). Each collector searched by the words of one kind of thread: eval226 (telecom and 5G) 19, 18
 * right; eval227 (distributions' trackers) 69, 65; eval228 (WebAssembly and sandboxed runtimes) 36, 26; eval229
 * (robotics and embedded Linux) 32, 28; eval230 (blockchain nodes) 18, 18; eval231 (beyond GitHub issues) 47, 40;
 * eval232 (game servers and research portals) 27, 27; eval233 (network emulation and test grids) 34, 29; eval234
 * (self-hosted AI inference) 59, 45; eval235 (hardened and FIPS-mode nodes) 23, 21; eval236 (frameworks' image
 * builders) 26, 21; committed on their branches (80c402f, bb8f570, eeefc50, be5649c, 7603ea0, 6420147, b9f5455,
 * 6d512d7, 142b64e, a7f2003, ca6c8f2) before each was scored; thirty rows dropped unread at merging.)
 * (eval216 to eval225, held out together before them: 287 messages, 257 right, 131 of 158 decidable, 18 of 18 at
 * ≥ 0.9, none wrong at ≥ 0.9. Each collector searched by the words of one kind of thread: eval216 (diagnostic and
 * cluster-UI tools) 11, 10 right; eval217 (learners' threads) 26, 24; eval218 (multi-cluster systems and virtual
 * nodes) 15, 14; eval219 (upgrades of the node stack) 26, 23; eval220 (CI services) 57, 53; eval221 (self-hosted
 * applications' charts) 34, 32; eval222 (the newest releases) 47, 35; eval223 (IPv6-only and dual-stack) 18, 15;
 * eval224 (NAS systems and appliances) 35, 33; eval225 (workflow engines) 18, 18; committed on their branches
 * (dfedc57, 8a9243f, 9b956cf, d0beceb, 05bc6c3, 65faeb8, aba6bd5, f93c2b7, 7d98473, e7ddbe7) before each was scored;
 * fifteen rows dropped unread at merging.)
 * (eval203 to eval215, held out together before them: 353 messages, 302 right, 121 of 163 decidable, 38 of 38 at
 * ≥ 0.9, none wrong at ≥ 0.9. Each collector searched by the words of one kind of product that wraps the components:
 * eval203 (developer environments) 31, 24 right; eval204 (self-hosting platforms) 53, 49; eval205 (virtualization and
 * storage) 26, 24; eval206 (observability agents) 61, 58; eval207 (other languages) 24, 18; eval208 (data platforms)
 * 6, 6; eval209 (application platforms) 33, 29; eval210 (other orchestrators) 40, 32; eval211 (security tools) 38, 37;
 * eval212 (databases and brokers) 25, 13; eval213 (ingress proxies) 5, 5; eval214 (VPNs on nodes) 5, 3; eval215
 * (clouds and hypervisors) 6, 4; committed on their branches (dfbd109, 6a493a7, 8982b78, 7119fa3, 1b5e7a7, 017879f,
 * 244e50c, cd985ed, 1c18e20, d6ea6d1, a89fd15, ef90506, 00c774b) before each was scored; seven rows dropped unread at
 * merging.)
 * (eval192 to eval202, held out together before them: 366 messages, 314 right, 168 of 214 decidable, 43 of 44 at
 * ≥ 0.9, one wrong at ≥ 0.9 (ghcr.io credentials a deploy tool sent to Docker Hub, read as Docker Hub refusing a
 * password). Each collector searched by the own error strings of one family from their sources in the Go module cache:
 * eval192 (Go's standard library) 38, 34 right; eval193 (Q&A pages) 1, 1; eval194 (flannel's data path) 14, 13;
 * eval195 (pull secrets and credentials) 49, 35; eval196 (the kubelet's Events) 21, 17; eval197 (references and
 * platforms) 48, 42; eval198 (the thinnest ids) 23, 23; eval199 (Docker Engine's registry client) 43, 39; eval200
 * (Docker SDKs in other languages) 58, 48; eval201 (systemd's words) 51, 43; eval202 (air-gapped installs) 20, 19;
 * committed on their branches (a06f366, ac9fb5a, e3db59a, 30486f2, 8b0e628, d0abf28, b11bff6, c13cea9, 6545291,
 * 7b1e294, f829f5b) before each was scored; four rows dropped unread at merging.)
 * (eval182 to eval191, held out together before them: 415 messages, 334 right, 161 of 234 decidable, 31 of 32 at
 * ≥ 0.9, one wrong at ≥ 0.9. Each batch was scored once with main's catalog at its merge, which
 * held the rounds made for the batches merged before it and for the source readings done so far, never one made for
 * itself. Each collector searched by the components' own error format strings, taken from their sources in the Go
 * module cache: six side by side (eval182 to eval187), three in a second wave (eval188 to eval190) and a last one with
 * the look-ups left (eval191). The catalogs: eval184, eval187 and eval185 after round 182 (c653069: the lean explain
 * bundle and libcni's network-name check), eval186 and eval182 after round 183 (c157e74), eval183 after round 184
 * (3d72487), eval188 after round 186 (9a912ea), eval189 and eval190 after round 187 (6826e49), eval191 after round 191
 * (841af43). eval182 (containerd's strings): 38 messages, 35 right, 1 of 2 at ≥ 0.9 (one wrong: ENOSPC making a
 * directory under /var/run, read as the image disk at 0.92, where the thread's cause was another; round 184 leaves
 * /run, a tmpfs, to the hedged reading); eval183 (the kubelet's and kubeadm's): 50, 39 right, 3 of 3; eval184
 * (flannel's and the CNI plugins'): 21, 21 right, 4 of 4; eval185 (CoreDNS's and the resolvers around it): 29, 22
 * right, 2 of 2; eval186 (image clients and registry servers other than containerd): 55, 47 right, 8 of 8; eval187
 * (the control plane's and kube-proxy's): 53, 52 right, none at ≥ 0.9; eval188 (CRI-O's, Podman's and the OCI
 * runtimes'): 63, 37 right, 1 of 1; eval189 (Docker Engine's daemon): 42, 34 right, 8 of 8; eval190 (the registry
 * servers' own logs): 34, 25 right, 1 of 1; eval191 (the node's packet path outside flannel): 30, 22 right, 3 of 3.
 * Each collector ran no test and no classifier, only scripts/corpus-check.ts and tsc, grepped for novelty outside
 * src/catalog, and committed its batch on its own branch (e721ecc, 0a28468, f11d4c3, 72d02a3, 61ea266, 6c5cd7b,
 * a7956ef, 261d80d, 9a6e77c, 2c53538) before it was scored. Nine rows were dropped unread at merging by the lead's
 * address and fold checks (two eval182 threads eval186 also holds; seven rows whose folded text an earlier corpus
 * message holds or mostly holds); each batch's paragraph in corpus/README.md counts its drops. eval188's collector
 * committed one intermediate state with four rows from one repository, corrected before its last commit; eval190's
 * saw, in a diff of its own README edit, the usage line that follows the collection paragraphs — corpus/README.md.)
 * (eval174 to eval181, held out together before them: 244 messages, 198 right, 85 of 120 decidable, 23 of 24 at
 * ≥ 0.9, one wrong at ≥ 0.9, scored one by one with the catalogs after rounds 170 to 181 (308d176, 0ade6ee, 2a83a8e,
 * e7d7110, 9dbcb5c, 174fee4, e71e39b); eval174 (the CNIs beside or replacing flannel) 35 messages, 28 right; eval175
 * (small, edge and appliance distributions) 23, 20 right, 3 of 4 at ≥ 0.9; eval176 (CI and developer tools) 16, 15
 * right; eval177 (application charts, whole pastes) 63, 48 right, 1 of 1; eval178 (upgrades and migrations) 38, 27
 * right, 2 of 2; eval179 (Windows nodes) 37, 28 right, 14 of 14; eval180 (GPU and large-image workloads) 21, 21 right,
 * 3 of 3; eval181 (service meshes and node-local agents, all `unknown`) 11, 11 right; committed on their branches
 * (5812061, 7c2a048, 5fde0de, 7d1fa21, 92946de, b137cdb, 7701ba2, cd402c6) before each was scored.)
 * (eval164 to eval173, held out together before them: 275 messages, 239 right, 80 of 101 decidable, 32 of 34 at
 * ≥ 0.9, two wrong at ≥ 0.9, scored one by one with the catalogs after rounds 161 to 168 (2731e27, fbdbc5f, db41b56,
 * 45162ff, 1a66c3a, 63f3823); eval164 (the container runtimes' own strings) 23 messages, 17 right, 4 of 5 at ≥ 0.9;
 * eval165 (the kubelet's, kube-proxy's, kubeadm's and the controller-manager's) 26, 22 right; eval166 (flannel's, the
 * CNI plugins' and CoreDNS's) 26, 22 right; eval167 (registry clients' and servers') 52, 44 right, 5 of 6; eval168
 * (crictl, runc, ctr, nerdctl, kind) 31, 26 right; eval169 (clients in pods when the network fails) 7, 6 right;
 * eval170 (tools that pull charts and images) 60, 57 right, 8 of 8; eval171 (in-cluster controllers that pull or
 * verify images) 17, 16 right; eval172 (node bootstrap agents) 12, 12 right; eval173 (image caches and pull
 * accelerators) 21, 17 right; their batches were committed on their own branches (befd119, 666ea64, 6f2e509,
 * dc906af, f4c2c8b, 9f30cf1, efcd685, a98b6e4, 7632035, 3d6bfa2) before they were scored; six rows were dropped unread
 * at merging.)
 * (eval156 to eval163, held out together before them: 224 messages, 180 right, 86 of 124 decidable, 19 of 20 at ≥ 0.9,
 * one wrong at ≥ 0.9, scored one by one with the catalogs after rounds 146 to 156 (b156c20, 942f3a7, 621ab1a,
 * 91720d6, c63f3b5, ba1cdab, 9f516d2); eval156 (the API server and control plane reaching into pods) 24 messages, 19
 * right; eval157 (image pulls by scanners, signers, policy engines and GitOps tools) 61, 49 right, 9 of 9 at ≥ 0.9;
 * eval158 (day-2 operations) 36, 25 right, 1 of 1; eval159 (troubleshooting notes and issue threads) 30, 23 right, 3
 * of 4; eval160 (downstream platforms and installers) 32, 28 right, 1 of 1; eval161 (air-gapped clusters) 33, 30
 * right, 5 of 5; eval162 (Japanese notes) 3, 1 right; eval163 (threads opened in 2025 and 2026) 5, 5 right; their
 * batches were committed on their own branches (740feee, 492e783, fc8f9aa, a5eb151, 054d283, 5883225, 959d92a,
 * c617274) before they were scored; seven rows were dropped unread at merging.)
 * (eval147 to eval155, held out together before them: 280 messages, 172 right, 82 of 184 decidable, 7 of 8 at ≥ 0.9,
 * one wrong at ≥ 0.9, scored one by one with the catalogs after rounds 127 to 144 (c4ba91f, 0eb91f8, 863d8b4,
 * 1cd1761, c0a2bb4, 4faf5e7, 0761f62, f14aafa); eval147 (threads in languages other than English and Chinese) 4
 * messages, 3 right; eval148 (the ecosystem's dated changes) 50, 27 right; eval149 (flannel embedded by other
 * products) 8, 7 right; eval150 (node operating systems and kernels) 71, 31 right, 2 of 3 at ≥ 0.9; eval151
 * (enterprise and cloud registries) 52, 49 right, 1 of 1; eval152 (cluster DNS) 24, 20 right, 1 of 1; eval153 (Helm
 * chart and operator installs) 15, 12 right, 2 of 2; eval154 (unusual hosts and sandboxes) 53, 20 right, 1 of 1;
 * eval155 (kube-proxy's modes) 3, 3 right; their batches were committed on their own branches (00ed338, 601bc25,
 * 9866c51, 19d4843, 19cfc0c, b4bb848, c2cacb9, 6c1daf5, 444b9eb) before they were scored; nine rows were dropped
 * unread at merging.)
 * (eval135 to eval146, held out together before them: 333 messages, 265 right, 105 of 157 decidable, 21 of 21 at ≥ 0.9,
 * none wrong at ≥ 0.9. Their one blind scoring, kept as data: each batch was scored once with main's catalog at its merge, which
 * held the rounds made for the batches merged before it and never one made for itself. Eight were collected side by
 * side (eval135 to eval142) and merged as they came in: eval140 and eval141 were scored with the catalog after round
 * 108 (2964a7e: rounds 107 and 108 were readings from other clients' and go-containerregistry's, regclient's and
 * distribution's sources, made before any batch came in); eval136, eval142, eval135, eval137 and eval138 with the
 * catalog after round 109 (511aefc); eval139 after round 110 (468b2a0). Three more were collected side by side after
 * them: eval143 after round 113 (17174f4), eval145 after round 114 (b726dbb), eval144 after round 115 (0653cdf); and
 * eval146, collected last and alone with the session's last 50 look-ups, after round 117 (b392b64). eval135 (threads in
 * languages other than English): 39 messages, 28 right, 5 of 5 at ≥ 0.9; eval136 (the older era, 2014 to 2018): 40,
 * 30 right, 2 of 2; eval137 (Windows nodes and mixed clusters): 32, 27 right, 3 of 3; eval138 (developer inner-loop
 * tools and local clusters): 39, 30 right, 2 of 2; eval139 (CI systems whose jobs run as pods): 50, 43 right, 2 of 2;
 * eval140 (applications' own lookup and connection words in pods): 8, 7 right, none at ≥ 0.9; eval141 (flannel
 * backends and node networking on bare metal and VMs): 21, 18 right, 1 of 1; eval142 (registry servers, proxies and
 * caches seen from the client): 29, 23 right, 2 of 2; eval143 (pull secrets and the kubelet's credentials): 25, 20
 * right, 2 of 2; eval144 (flannel's data path on clouds and hypervisors): 21, 19 right, 1 of 1; eval145 (cluster DNS
 * across distributions): 21, 15 right, none at ≥ 0.9; eval146 (flanneld's start-up and leases): 8, 5 right, 1 of 1.
 * Each collector ran no test and no classifier, only scripts/corpus-check.ts and tsc, grepped for novelty outside
 * src/catalog, and committed its batch on its own branch (c3465cd, b75101c, 842c9bf, fae1e04, 57c6b23, aaddb1c,
 * 9d86e0f, d1f90c3, a3994f0, b447b7a, b577079, 857c9d0) before it was scored. Eight rows were dropped unread at
 * merging by the lead's fold and address check: rows whose thread a batch merged first holds (one flannel thread
 * three batches had found), and rows whose folded text holds a generic line the corpus has (each batch's paragraph in
 * corpus/README.md counts its own). Slips the collectors reported, none showing a score: most printed the first
 * characters of a line or two around the place of their own paragraph (openings of the eval133, eval134 or eval139
 * paragraphs, in a diff hunk or a grep); eval141's printed the file's last 200 bytes; eval143's sed changed a phrase of
 * the eval125 paragraph, showed about 150 characters of it, and was undone before its commit; eval136's and eval144's
 * read scripts/corpus-check.ts's per-repository rule; several listed file names (no contents) in their greps
 * — corpus/README.md.)
 * (eval123 to eval134, held out together before them: 454 messages, 384 right, 191 of 245 decidable, 53 of 54 at ≥ 0.9,
 * 1 wrong at ≥ 0.9. Their one blind scoring, kept as data: each batch was scored once with main's catalog at its merge, which
 * held the rounds made for the batches merged before it and never one made for itself. eval123 to eval130 were
 * collected side by side and each scored once with one catalog (d74fdf6, the catalog after round 97, made before
 * any of them came in); eval131, eval132 and eval133, collected side by side after them, were each scored once
 * with the catalog after rounds 98 and 99 (ca94a2e), which held the rounds for the first eight and none for
 * themselves; eval134, collected last and alone with the session's last 50 look-ups, was scored once with the
 * catalog after round 100 (0f7629d). eval123 (HPC runtimes and build systems that pull without Docker): 48
 * messages, 39 right, 4 of 4 at ≥ 0.9; eval124 (self-hosted PaaS and app deployers): 57, 50 right, 7 of 7; eval125
 * (home-lab and NAS appliances): 44, 39 right, 7 of 7; eval126 (OpenStack tooling and VM or sandbox stacks): 29,
 * 26 right, 3 of 4; eval127 (edge and IoT fleets): 45, 39 right, 14 of 14; eval128 (stateful data operators and
 * storage helpers): 51, 43 right, none at ≥ 0.9; eval129 (service meshes and their CNI parts): 9, 6 right, none at
 * ≥ 0.9; eval130 (release and packaging tools): 59, 50 right, 3 of 3; eval131 (serverless and function platforms):
 * 39, 33 right, 3 of 3; eval132 (runtime security and observability agents): 38, 31 right, 8 of 8; eval133 (GPU
 * and model-serving stacks): 27, 23 right, 3 of 3; eval134 (secondary pod networks and IPAM add-ons): 8, 5 right,
 * 1 of 1. Each collector ran no test and no classifier, only scripts/corpus-check.ts and tsc, grepped for novelty
 * outside src/catalog, and committed its batch on its own branch (017b947, 60c535d, 5c7afab, e386818, 7688c8d,
 * 7f07abe, 8ca72ef, d42e626, 68091ff, 7b635c2, 62bb6ae, ab32bc9) before it was scored. Nineteen rows were dropped
 * unread at merging, found by the lead's fold check, whose folding differs in detail from the collectors' (how an
 * address, a port or a quoted string folds), so it met overlaps theirs did not: rows whose folded text equals,
 * contains or sits inside a generic line of an earlier batch, and rows whose thread a batch merged first holds
 * (each batch's paragraph in corpus/README.md counts its own). Slips the collectors reported, none showing a
 * score: most printed the first characters of one or two lines after the collection paragraphs while placing their
 * own (the usage line of the scoring script); eval125 and eval127 printed the eval122 or the style paragraphs in
 * full; eval131 saw the opening words of eval129's paragraph in a diff hunk; eval129's and eval132's collectors
 * read scripts/corpus-check.ts's per-repository rule; eval125's printed the last 200 characters of the file (a
 * benchmark note); a few messages were trimmed where the search excerpt ended mid-line (said in their paragraphs)
 * — corpus/README.md.)
 * (eval111 to eval122, held out together before them: 589 messages, 501 right, 207 of 276 decidable, 59 of 64 at ≥ 0.9,
 * 5 wrong at ≥ 0.9. Their one blind scoring, kept as data: each batch was scored once with main's catalog at its merge, which held
 * the rounds made for the batches merged before it and never one made for itself: eval111 after round 83 (readings
 * taken from the components' own sources before any batch came in), eval112 after round 84, eval113, eval115,
 * eval116 and eval117 together after round 85, eval114 after round 86, eval119 after round 88 (other clients' words
 * for known mechanisms, without a batch), eval118 after round 89, eval120 after round 90, eval121, collected alone
 * with the budget's remainder, after round 91, and eval122, collected last with its last 40 look-ups, after round 94. eval111 (IPv6, dual stack and kube-proxy's modes): 29
 * messages, 24 right, 7 of 7 at ≥ 0.9; eval112 (Kubernetes API clients, infrastructure as code, GitOps controllers):
 * 61, 50 right, 6 of 7; eval113 (workflow, batch and distributed-compute engines): 81, 60 right, 6 of 6; eval114
 * (local and desktop Kubernetes): 39, 34 right, 3 of 3; eval115 (immutable node operating systems): 13, 13 right, none
 * at ≥ 0.9; eval116 (image build and distribution tools): 65, 49 right, 8 of 10; eval117 (troubleshooting and
 * monitoring tools): 48, 44 right, 0 of 1; eval118 (Java-ecosystem container tooling, Testcontainers): 60, 53 right,
 * 10 of 10; eval119 (developer inner-loop tools): 60, 57 right, 2 of 2; eval120 (CI runners and their actions): 61,
 * 55 right, 10 of 11; eval121 (automation that pulls, scans and updates images): 60, 51 right, 5 of 5; eval122
 * (in-cluster image controllers and admission verifiers): 12, 11 right, 2 of 2. Each collector
 * ran no test and no classifier, only scripts/corpus-check.ts and tsc, grepped for novelty outside src/catalog, and
 * committed its batch on its own branch (4ea2b3f, ec208a5, 2d657ad, d0041b8, 3da3249, 1c120f2, d1b4f50, 7d666c7,
 * 2cbabf1, 11e3e2b, 91b617f, 08cc035) before it was scored. Six eval113 rows were dropped unread at merging, found by the
 * lead's fold check (four whose thread or folded text an eval112 row holds, two whose thread an eval116 row holds;
 * 258aba7, 6add8b1). Slips the collectors reported, none showing a score: every collector but eval116's printed the
 * first characters of the usage paragraph after the collection paragraphs while placing its own (eval118 about five
 * of its lines); eval119 and eval121 printed other batches' collection paragraphs
 * besides the two style models; several listed file names (no contents) outside src/catalog in their greps; eval111
 * and eval119 counted only words, not placeholders, toward the fold check's five-word floor (the lead's check, which
 * counts the same way, found no overlap in their rows); eval122's grep showed it the first 120 characters of a few
 * table rows and round notes about eval110 (no score of its own batch, which was not yet scored) — corpus/README.md.)
 * (eval102 to eval110, held out together before them: 211 messages, 174 right, 88 of 121 decidable, 27 of 28 at ≥ 0.9,
 * 1 wrong at ≥ 0.9. Their one blind scoring, kept as data: eval102 to eval107 were collected side by side, merged together and each
 * scored once with one catalog (7dbacf7: round 78 and a Node.js transport reading made before any of them came in);
 * eval108, eval109 and eval110, collected after them, were scored with the catalog of main at their merge (the rounds
 * for the batches before them, never one for themselves: eval109 after round 79, eval108 after round 80, eval110 after
 * round 81). eval102 (distributed
 * datastores, streaming and messaging): 14 messages, 13 right, 4 of 4 at ≥ 0.9; eval103 (enterprise and regional Linux
 * distributions as nodes): 20, 18 right, 3 of 3; eval104 (clusters behind corporate networks and proxies): 60, 48
 * right, 12 of 12; eval105 (bare-metal networking, highly available control planes and clocks): 51, 39 right, 4 of 4;
 * eval106 (applications' own runtimes inside pods): 8, 8 right, none at ≥ 0.9; eval107 (self-hosted business and
 * content applications): 8, 8 right, 1 of 1; eval108 (Cluster API providers and hosted control planes): 26, 18 right,
 * 0 of 1; eval109 (threads in languages other than English and Chinese): 4, 3 right, none at ≥ 0.9; eval110
 * (certificate lifecycle, collected last with the budget's remainder): 20, 19 right, 3 of 3. Each collector ran
 * no test and no classifier, only scripts/corpus-check.ts and tsc, grepped for novelty outside src/catalog, and
 * committed its batch on its own branch (66501a7, 93e1bde, 9920928, 1c93ec1, 6e01e62, 447857f, 3811d59, 0038d8d,
 * 022569d)
 * before it was scored. Two rows were dropped unread at merging, found by the lead's fold check: an eval103 row whose
 * folded text sits inside an earlier row's, and an eval106 row whose thread and folded text an eval102 row holds
 * (ae6ce91, 6c2b1de). eval110's collector reported printing the first 300 characters of eval109's paragraph and the
 * first 80 characters of six lines after it (how to run the accuracy script) while placing its own; no score. Most
 * batches are short: these regions' threads were largely corpus sources already (about 980 of the session's 1,000
 * look-ups gave 213 rows) — corpus/README.md.)
 * (eval93 to eval101, held out together before them: 430 messages, 373 right, 164 of 207 decidable, 52 of 53 at ≥ 0.9,
 * 1 wrong at ≥ 0.9. Their one blind scoring, batch by batch as each came in (`npx tsx scripts/explain-accuracy.ts --split <batch> --wrong`,
 * catalog of main at its merge: the rounds made for the batches merged before it, never one made for itself; the
 * order was eval93, eval97, eval95, eval94, eval96, eval100, eval99, eval98, eval101), kept as data: the current
 * numbers are computed, this one cannot be. eval93 (security and identity components): 61 messages, 55 right, 1 of 1
 * at ≥ 0.9; eval94 (hardened and locked-down hosts): 46, 40 right, 2 of 2; eval95 (telecom/5G and HPC/batch clusters):
 * 59, 53 right, 10 of 10; eval96 (in-cluster developer workspaces and inner-loop tools): 59, 51 right, 11 of 12;
 * eval97 (self-hosted application stacks, ledgers and game servers): 59, 54 right, 10 of 10; eval98 (sandboxed and
 * alternative container runtimes): 52, 42 right, 5 of 5; eval99 (smaller clouds' managed Kubernetes and node
 * autoscaling): 20, 18 right, 5 of 5; eval100 (scientific and research computing): 49, 41 right, 8 of 8; eval101 (DNS
 * servers and add-ons beside cluster DNS, collected last with the budget's remainder): 25, 19 right, none at ≥ 0.9.
 * Each collector ran no test and no classifier, only scripts/corpus-check.ts and tsc, grepped for novelty outside
 * src/catalog, and committed its batch on its own branch (44fa9af, fd83608, 416774b, 9b07dd6, 38ef5f6, ad9feb2,
 * 3d542de, 76bf8db, c615b60) before it was scored. Four rows were dropped unread at merging, each found by the lead's
 * fold check against main: one of eval95 (its folded text inside earlier rows'), eval96 (equal to an earlier row's),
 * eval97 (inside an earlier row's) and eval98 (equal to an earlier row's) (c12132b, b576f33, c2d97b9, d653d25).
 * Slips the collectors reported, none showing a score of their own batch: eval93 printed 90 characters of the
 * ninety-fourth collection paragraph; eval97 two lines of corpus/README.md after the collection paragraphs (how to run
 * the accuracy script) and one corpus message while debugging its fold check; eval99 the first words of a few lines
 * around its paragraph and file names (no contents) outside src/catalog from its greps; eval94 kept two rows sharing an
 * error phrase with corpus rows whose folded texts differ; eval95 and eval94 had a duplicate or a failing row in a
 * partial commit, removed before the final one — corpus/README.md.)
 * (eval84 to eval92, held out together before them: 429 messages, 378 right, 171 of 205 decidable, 85 of 86 at ≥ 0.9,
 * 1 wrong at ≥ 0.9. Their one blind scoring, batch by batch as each came in (`npx tsx scripts/explain-accuracy.ts --split <batch> --wrong`,
 * catalog of main at its merge: the rounds made for the batches merged before it, never one made for itself; the
 * order was eval84, eval86, eval85, eval87, eval88, eval89, eval90, eval91, eval92, with the classifier's reading of
 * Go's JSON escapes (f8a5b43) before eval91), kept as data: the current numbers are computed, this one cannot be.
 * eval84 (GPU and AI inference serving): 60 messages, 53 right, 15 of 15 at ≥ 0.9; eval85 (storage, backup and CSI):
 * 60, 58 right, 8 of 8; eval86 (local and developer clusters behind VPNs, proxies and TLS-inspecting firewalls): 60,
 * 49 right, 15 of 15; eval87 (CNI chains and network add-ons beside flannel): 27, 23 right, 1 of 1; eval88 (edge, IoT
 * and far-edge clusters): 54, 51 right, 19 of 19; eval89 (cluster lifecycle and provisioning tools): 38, 33 right, 7 of
 * 7; eval90 (a broad sample by symptom, aimed at Q&A pages, all from issue threads in the end): 68, 61 right, 13 of 14;
 * eval91 (clusters on virtualization platforms): 30, 24 right, 5 of 5; eval92 (multi-cluster and cross-site
 * networking, collected last with the budget's remainder): 32, 26 right, 2 of 2. Each collector ran no test and no
 * classifier, only scripts/corpus-check.ts and tsc, grepped for novelty outside src/catalog, and committed its batch on
 * its own branch (8247ead, 8a25bad, 66857c0, d49feed, fa0d752, 699c4d7, c165263, 9ff0d64, 866d78e) before it was
 * scored. Three rows were dropped: an eval90 row whose thread eval86 already held, after its scoring (it had been
 * answered right below 0.9, and is out of the figures), and, unread, an eval91 row and an eval92 row whose folded texts
 * equal an eval90 and an eval60 row. Slips the collectors reported, none showing a score of their own batch: eval84,
 * eval88 and eval89 printed a few characters or fragments of lines of corpus/README.md beyond their paragraph while
 * placing it (eval89 a fragment of each of 16 collection paragraphs), and eval84, eval88 and eval91 the ends of the two
 * split lines or a doc-comment line of evaluate.ts; eval85's one-letter stretch listed file names (no contents) under
 * src/catalog; eval92 printed three corpus messages while debugging its fold check; eval88, eval90 and eval92 folded
 * quoted log fields more narrowly than COLLECTING.md says (whole logfmt lines folded alike otherwise) — corpus/README.md.)
 * (eval73 to eval83, held out together before them: 604 messages, 529 right, 187 of 233 decidable, 103 of 108 at
 * ≥ 0.9, 5 wrong at ≥ 0.9. Scored one by one as each came in (`npx tsx scripts/explain-accuracy.ts --split <batch> --wrong`,
 * catalog of main at its merge: the rounds made for the batches merged before it, never one made for itself; the
 * order was eval76, eval75, eval74, eval73, eval77, eval79, eval78, eval80, eval82, eval81, eval83, after the changes outside any batch of
 * 0c0501e to c5107a1). eval73 (service meshes,
 * ingress controllers and API gateways): 49 messages, 46 right, 4 of 4 at ≥ 0.9; eval74 (data and ML platforms): 59,
 * 55 right, 17 of 18; eval75 (database, messaging and stateful operators and their charts): 60, 45 right, 6 of 6;
 * eval76 (node agents and DaemonSets): 63, 56 right, 5 of 5; eval77 (CI and build pods): 62, 52 right, 12 of 13;
 * eval78 (home labs and self-hosted apps): 50, 43 right, 10 of 10; eval79 (supply-chain and policy tools, in-cluster
 * mirrors): 62, 51 right, 17 of 18; eval80 (serverless, function and application platforms): 62, 59 right, 9 of 9;
 * eval81 (Windows worker nodes and hybrid clusters): 56, 50 right, 11 of 11; eval82 (air-gapped and offline installs):
 * 61, 55 right, 8 of 10; eval83 (observability back ends, collected last with the budget's remainder): 20, 17 right, 4 of 4.
 * Each collector ran no test and no classifier, only scripts/corpus-check.ts and tsc, grepped for novelty outside
 * src/catalog, and committed its batch on its own branch (6f1836b, e1636b1, 48a8ffe, ebdf895, 3ad70b8, e80d509,
 * aa8cc46, 8ab2a2c, ce80101, 0d74f90, 298bd06) before it was scored. Two rows were dropped unread after the merges (eval74: a thread already in
 * eval76, a text equal to an eval75 row). Slips the collectors reported, none showing a score of their own batch:
 * several printed other collection paragraphs of corpus/README.md while finding where theirs goes, eval75 also the
 * first rows of its table, eval80 three lines after the paragraphs; eval79's git log showed the previous catalog
 * commit's subject after its labelling; eval73 and eval74 held back `unknown` candidates to keep that share low;
 * eval78 took most messages from search excerpts and 18 from Docker-only home servers, eval81 about a dozen from Docker
 * on Windows hosts; eval81's grep showed one line of evaluate.ts outside the split list, eval82's one boilerplate line
 * of docs/causes/README.md, eval83's the whole of three other collection paragraphs — corpus/README.md.)
 * (eval65 to eval68, held out together before them: 206 messages, 170 right, 49 of 51 at ≥ 0.9, scored with the
 * catalog after round 47 and 43c98e7. eval65 alone (pages in languages other than English, thin, then mostly issue
 * threads): 46 messages, 39 right, 11 of 11 at ≥ 0.9; eval66 alone (forum and Q&A threads by symptom, in the end
 * all from issue threads): 46 messages, 41 right, 12 of 12 at ≥ 0.9; eval67 alone (vendor and project
 * documentation quoting an error and its cause): 54 messages, 39 right, 16 of 17 at ≥ 0.9; eval68 alone (the
 * node's operating system: appliance systems, Raspberry Pi hosts, container distributions): 60 messages, 51
 * right, 10 of 11 at ≥ 0.9. Each collector ran no test and no classifier, only scripts/corpus-check.ts and tsc,
 * grepped for novelty outside the signature files, and committed its batch on its own branch (bbe8f72, 266cd54,
 * 3133c0f, f17d7c8) before it was scored. Fifteen rows were dropped unread after the merges: eight whose threads
 * were already in a batch merged while they were collected, seven whose texts, names and numbers set aside,
 * equal or sit inside earlier rows. eval67's collector listed file names under src/catalog/causes once.
 * eval69 (3), eval71 (8) and eval72 (15), collected after them until the search tool's budget ran out (eval70 found
 * nothing), are too few to be held out: scored once with the catalog after round 48 (e934a4b), 22 of 26 right,
 * none wrong at ≥ 0.9 — corpus/README.md.)
 * (eval61 to eval64, held out together before them: 173 messages, 148 right, 39 of 40 at ≥ 0.9, scored with the
 * catalog after round 46 and the dial-timeout change of
 * 42cde74; eval61 alone (a broad sample of image pulls failing, found by symptom in application, operator, CI and ML
 * repositories): 60 messages, 50 right, 16 of 17 at ≥ 0.9; eval62 alone (pod networking and DNS failing, found by
 * symptom in application repositories; short, as most threads found were corpus sources already): 29 messages,
 * 23 right, 1 of 1 at ≥ 0.9; eval63 alone (node and control-plane start-up in small clusters; short for the same
 * reason): 20 messages, 18 right, 2 of 2 at ≥ 0.9; eval64 alone (private and self-hosted registries, mostly met
 * through tools that pull beside or inside clusters: Apptainer, Nomad, CI runners, podman, Portainer): 64
 * messages, 57 right, 20 of 20 at ≥ 0.9 (merged and scored after the other three, before any change). Their collectors ran no test and no classifier, only
 * scripts/corpus-check.ts and tsc, and grepped for novelty outside the signature files; each committed its batch
 * on its own branch (c40b492, 0036910, 88db49c, 869669b) before any was scored. No row was dropped for overlap. eval63's
 * collector saw three lines of this file in a grep for split names, and its branch history keeps a partial commit
 * with two rows it removed before its final commit (one failed its novelty check, one was a fourth row from a
 * repository.)
 * (eval59 and eval60, held out together before them: 92 messages, 78 right, 17 of 17 at ≥ 0.9, scored with the
 * catalog after round 45; eval59 alone (installers and platforms of communities that
 * post in other languages: kubesphere, sealos, kubeasz, KubeEdge, Chinese cloud mirrors): 60 messages, 47 right,
 * 10 of 10 at ≥ 0.9; eval60 alone (production clusters on managed clouds and enterprise distributions, found by
 * symptom; short, as the session's search budget ran out): 32 messages, 31 right, 7 of 7 at ≥ 0.9. Their
 * collectors ran no test and no classifier, only scripts/corpus-check.ts and tsc, and grepped for novelty outside
 * the signature files; each committed its batch on its own branch (3bf618b, 2906681) before either was scored.
 * No row was dropped for overlap.)
 * (eval57 and eval58, held out together before them: 121 messages, 103 right, 31 of 31 at ≥ 0.9, scored with the
 * catalog after round 44 and the fixes of 808a1dc; eval57 alone (tools and platforms that wrap pulls and pod
 * networking) 60 messages, 50 right, 15 of 15 at ≥ 0.9; eval58 alone (setups off the beaten path) 61 messages,
 * 53 right, 16 of 16 at ≥ 0.9; committed on their branches (526be1a, 416674d) before either was scored; eval57's
 * collector ran one `git diff --stat` against its own branch's HEAD only.)
 * (eval55 and eval56, held out together before them: 79 messages, 71 right, 8 of 8 at ≥ 0.9, scored with the
 * catalog after round 43; eval55 alone (pod DNS and flannel itself) 23 messages, 21 right, 4 of 4 at ≥ 0.9;
 * eval56 alone (the network around the pods) 56 messages, 50 right, 4 of 4 at ≥ 0.9; committed on their branches
 * (6b2d2c2, 8ca0149) before either was scored.)
 * (eval53 and eval54, held out together before them: 109 messages, 93 right, 21 of 21 at ≥ 0.9, scored with the
 * catalog after round 42 and the peer-name lookup fix (4cc429f); eval53 alone (no particular family, found by
 * symptom) 49 messages, 46 right, 15 of 15 at ≥ 0.9; eval54 alone (other network add-ons, the host under the
 * runtime and kubelet, name resolution by node agents) 60 messages, 47 right, 6 of 6 at ≥ 0.9; committed on their
 * branches (dc6f928, b7ecd04) before either was scored; one eval53 row dropped unread because its folded text is
 * contained in an eval54 row from another thread (7bec8f2).)
 * (eval49 and eval50, held out together before them: 89 messages, 61 right, 14 of 16 at ≥ 0.9, scored with the
 * catalog after round 40; eval49 alone (name resolution in and around clusters) 50 messages, 31 right, 7 of 9
 * at ≥ 0.9; eval50 alone (no particular family, found by symptom) 39 messages, 30 right, 7 of 7 at ≥ 0.9; their
 * batches were committed on their own branches (5817c63, 553b4dc) before round 41; one eval49 row was dropped
 * unread because eval48 holds the same thread (7f5df8f); eval49's collector saw the start of one non-collection
 * line of corpus/README.md.)
 * eval51 (11) and eval52 (10), collected after eval49 and eval50 and scored once with the catalog after round 41 (cb576fc), are
 * too few to be held out (21 together, at least 60; the search tool's budget ran out during their collection):
 * 9 and 8 right, none answered at ≥ 0.9 — corpus/README.md. Their collectors saw the first characters of a few
 * non-collection lines of corpus/README.md (eval51) and a file count of a diff against main (eval52).
 * (eval47 and eval48, held out together before them: 125 messages, 82 right, 13 of 13 at ≥ 0.9; eval47 alone
 * 61 messages, 46 right, 4 of 4 at ≥ 0.9; eval48 alone 64 messages, 36 right, 9 of 9 at ≥ 0.9; eval47's collector
 * saw, in a grep for eval25, a few table rows of corpus/README.md and the first line of a round paragraph.
 * eval45 and eval46, held out together before them: 129 messages, 92 right, 20 of 23 at ≥ 0.9; eval45 alone
 * 61 messages, 37 right, 1 of 1 at ≥ 0.9; eval46 alone 68 messages, 55 right, 19 of 22 at ≥ 0.9; both collectors
 * saw, after their labels were committed, a few lines of main's newer corpus/README.md in a git diff against main.
 * eval43 and eval44, held out together before them: 120 messages, 112 right, 34 of 35 at ≥ 0.9; eval43 alone
 * 61 messages, 55 right, 19 of 20 at ≥ 0.9; eval44 alone 59 messages, 57 right, 15 of 15 at ≥ 0.9, one row
 * dropped unread because eval43 holds its thread; eval43's collector saw a few lines of corpus/README.md's table
 * and round 37 paragraph in a grep for eval42.
 * eval39 and eval40, held out together before them: 128 messages, 95 right, 32 of 32 at ≥ 0.9; eval39 alone
 * 64 messages, 38 right, 7 of 7 at ≥ 0.9; eval40 alone 64 messages, 57 right, 25 of 25 at ≥ 0.9; eval39's
 * collector saw one line fragment of a corpus/ file that was not a corpus row (likely corpus/README.md).
 * eval41 (15) and eval42 (24), collected after them and scored once with the catalog after round 36 (108c0ed), are
 * too few to be held out (39 together, at least 60): 13 and 22 right, 2 of 3 and 5 of 5 at ≥ 0.9 — corpus/README.md.
 * eval37 and eval38, held out together before them: 89 messages, 70 right, 14 of 14 at ≥ 0.9; eval37 alone
 * 26 messages, 21 right, 2 of 2 at ≥ 0.9; eval38 alone 63 messages, 49 right, 12 of 12 at ≥ 0.9.
 * eval35 and eval36, held out together before them: 111 messages, 97 right, 13 of 13 at ≥ 0.9; eval35 alone
 * 67 messages, 60 right, 12 of 12 at ≥ 0.9; eval36 alone 44 messages, 37 right, 1 of 1 at ≥ 0.9.
 * eval33 and eval34, held out together before them: 110 messages, 91 right, 13 of 14 at ≥ 0.9; eval33 alone
 * 68 messages, 60 right, 11 of 11 at ≥ 0.9; eval34 alone 42 messages, 31 right, 2 of 3 at ≥ 0.9.
 * eval31 and eval32, held out together before them: 105 messages, 88 right, 17 of 20 at ≥ 0.9; eval31 alone
 * 45 messages, 36 right, 2 of 2 at ≥ 0.9; eval32 alone 60 messages, 52 right, 15 of 18 at ≥ 0.9, its collector
 * having seen three score lines of corpus/README.md after its labels were done.
 * eval29 and eval30, held out together before them: 127 messages, 103 right, 12 of 14 at ≥ 0.9; eval29 alone
 * 64 messages, 51 right, 8 of 9 at ≥ 0.9; eval30 alone 63 messages, 52 right, 4 of 5 at ≥ 0.9.
 * eval28, scored before them, 60 messages, 42 right, 13 of 17 at ≥ 0.9;
 * eval27 has 27 messages, too few to be the held-out batch (at least 60): 23 right, 2 of 3 at ≥ 0.9;
 * eval26, 65 messages, 55 right, 18 of 19 at ≥ 0.9.
 * The batches before: eval25, 58 messages, too few to be the held-out batch (at least 60), 54 right, 8 of 8 at ≥ 0.9;
 * eval24, 63 messages, 54 right, 10 of 12 at ≥ 0.9; eval23, 67 messages, 53 right, 17 of 18 at ≥ 0.9;
 * eval22, 70 messages, 55 right, 12 of 14 at ≥ 0.9;
 * eval21, 31 messages, 25 right, 2 of 2 at ≥ 0.9; eval20, 65 messages, 59 right, 4 of 4 at ≥ 0.9;
 * eval19, 70 messages, 63 right, 16 of 16 at ≥ 0.9; eval18, 74 messages, 59 right, 17 of 18 at ≥ 0.9; eval17, 71 messages, 62 right, 12 of 13 at ≥ 0.9, about ten of its outcomes printed to its collector by a test; eval16, 77 messages, 63 right, 9 of 10 at ≥ 0.9; eval15, 74 messages, 62 right, 22 of 22 at ≥ 0.9; eval14, 76 messages, 59 right, 23 of 25 at ≥ 0.9; eval13, 66 messages, 60 right, 23 of 26 at ≥ 0.9; eval12, 92 messages, 74 right, 28 of 29 at ≥ 0.9; eval11, 101 messages, 81 right, 22 of 25 at ≥ 0.9; eval10, 102 messages, 77 right, 37 of 43 at ≥ 0.9; eval9, 108 messages, 94 right, 39 of 41 at ≥ 0.9; eval8, 104 messages, 87 right,
 * 38 of 42 at ≥ 0.9; eval7, 66 messages, 61 right, 43 of 44 at ≥ 0.9 — corpus/README.md.)
 */
export const HELD_OUT_BLIND = { messages: 466, right: 396, decidable: { right: 135, total: 197 }, confident: { right: 23, total: 23 }, confidentWrong: 0 } as const;

/** corpus/text-scarce.json: causes with fewer than MIN_PER_CAUSE messages, and why. */
export interface TextScarce {
  about: string;
  causes: Record<string, string>;
}

export const MIN_PER_CAUSE = 5;

export const README_START = '<!-- explain-accuracy:start -->';
export const README_END = '<!-- explain-accuracy:end -->';

const COMMAND = 'npx tsx scripts/explain-accuracy.ts --write';

const pct = (n: number, d: number) => `${d ? ((100 * n) / d).toFixed(1) : '100.0'}%`;

function row(name: string, n: number, s: Score): string {
  return `| ${name} | ${n} | ${s.right}/${s.total} = ${pct(s.right, s.total)} | ${s.decidable.right}/${s.decidable.total} = ${pct(s.decidable.right, s.decidable.total)} | ${pct(s.confident.right, s.confident.total)} of ${s.confident.total} | ${s.confidentWrong.length} |`;
}

/**
 * The accuracy document and the README line, both from one scoring of the corpus with the current
 * catalog. Pure: the script writes them, a test recomputes them to catch a stale copy.
 */
export function accuracyReport(
  rows: readonly LabelledMessage[],
  classify: (m: string) => Classification,
  causes: readonly string[],
  scarce: TextScarce,
  signatures: number,
): { markdown: string; readme: string } {
  const verdicts = rows.map((r) => judgeAnswer(r, classify(r.message)));
  const bySplit = (split: string) => verdicts.filter((v) => v.row.split === split);
  const heldVerdicts = verdicts.filter((v) => HELD_OUT.includes(v.row.split));
  const held = scoreAnswers(heldVerdicts);
  const all = scoreAnswers(verdicts);
  const heldN = heldVerdicts.length;
  const B = HELD_OUT_BLIND;
  // The batch's answers are still those of its blind scoring: nothing has been changed for it yet.
  const untouched =
    held.total === B.messages && held.right === B.right && held.confident.right === B.confident.right && held.confident.total === B.confident.total && held.confidentWrong.length === B.confidentWrong;

  const out: string[] = [
    '# `explain` accuracy on real messages',
    '',
    `Generated by \`${COMMAND}\` from [corpus/threads.jsonl](../corpus/threads.jsonl) (${rows.length} messages from public threads, labelled with the root cause the thread settled on) and the catalog (${signatures} signatures). Do not edit by hand: a test recomputes it.`,
    '',
    `**Held out, blind: \`${HELD_OUT_NAME}\`** — ${B.messages} messages from public threads that appear in no file of the repository, labelled from each thread's resolution and committed before \`explain\` ran on any of them (\`git log -- corpus/threads.jsonl\`), then scored once: **${pct(B.right, B.messages)} right** (${B.right}/${B.messages}), ${pct(B.decidable.right, B.decidable.total)} of the messages that decide their cause by text, answers at confidence ≥ ${HIGH} right ${pct(B.confident.right, B.confident.total)} (${B.confident.right}/${B.confident.total}), ${B.confidentWrong} wrong at confidence ≥ ${HIGH}. That is the estimate for messages nobody here has seen. ${
      untouched
        ? `No signature has changed for its misses since: the current score of the batch is the same (${held.right}/${held.total}, ${held.confident.right} of ${held.confident.total} at ≥ ${HIGH}), and it stays the blind figure until its misses are looked at.`
        : `Its misses were looked at afterwards and some signatures changed from the components' mechanisms ([corpus/README.md](../corpus/README.md)), so the current score of the batch — ${pct(held.right, held.total)} right (${held.right}/${held.total}), ${pct(held.confident.right, held.confident.total)} of ${held.confident.total} at ≥ ${HIGH}, ${held.confidentWrong.length} wrong at ≥ ${HIGH} — is no longer blind.`
    }`,
    '',
    'Right means: a message that decides its cause gets exactly that cause; a message that needs context gets an honest `unknown`, the true cause, or an answer below 0.9 that names the true cause among its alternatives (the check it prints then decides). The other batches were looked at while the catalog was written (see [corpus/README.md](../corpus/README.md) for which, and each batch\'s first, untouched score); `eval6` was held out but read while collected, so not blind.',
    '',
    `| split | messages | right | decidable by text | right at confidence ≥ ${HIGH} | wrong at ≥ ${HIGH} |`,
    '|---|---|---|---|---|---|',
  ];
  for (const split of SPLITS) {
    const v = bySplit(split);
    if (v.length) out.push(row(HELD_OUT.includes(split) ? `**${split}** (held out)` : split, v.length, scoreAnswers(v)));
  }
  out.push(row('all', rows.length, all));
  if (held.confidentWrong.length || held.wrong.length) {
    out.push('', `## Wrong answers in \`${HELD_OUT_NAME}\``, '');
    for (const v of held.wrong) out.push(`- \`${v.row.id}\` (${v.row.needs_context ? 'needs context' : 'decidable'}): expected \`${v.row.cause}\`, answered \`${v.answer.cause}\` at ${v.answer.confidence}${v.answer.alternatives.length ? ` (alternatives ${v.answer.alternatives.map((a) => `\`${a.cause}\``).join(', ')})` : ''} — [source](${v.row.source})`);
  }

  const count = new Map<string, { n: number; ctx: number }>();
  for (const r of rows) {
    const c = count.get(r.cause) ?? { n: 0, ctx: 0 };
    c.n++;
    if (r.needs_context) c.ctx++;
    count.set(r.cause, c);
  }
  out.push('', '## Messages per cause', '', `Every cause of [shared/causes.md](../../shared/causes.md) with at least ${MIN_PER_CAUSE} messages, or the reason it has fewer ([corpus/text-scarce.json](../corpus/text-scarce.json)).`, '', '| cause | messages | of which need context | fewer than 5 because |', '|---|---|---|---|');
  for (const id of [...causes, 'unknown']) {
    const c = count.get(id) ?? { n: 0, ctx: 0 };
    const why = c.n < MIN_PER_CAUSE && id !== 'unknown' ? (scarce.causes[id] ?? '**no reason recorded**') : '';
    out.push(`| ${id} | ${c.n} | ${c.ctx} | ${why.replace(/\|/g, '\\|')} |`);
  }

  const readme = `Accuracy on ${rows.length} real messages from public threads ([docs/explain-accuracy.md](docs/explain-accuracy.md), regenerated with this line by \`${COMMAND}\`): on the blind batch \`${HELD_OUT_NAME}\` (${B.messages} messages from threads in no file of the repository, labelled and committed before \`explain\` ran on them, scored once) **${pct(B.right, B.messages)} right**, answers at confidence ≥ ${HIGH} right ${pct(B.confident.right, B.confident.total)}${untouched ? ' (no change for its misses yet)' : `; after fixes from mechanisms for its misses (no longer blind) ${pct(held.right, held.total)}`}; on all messages ${pct(all.right, all.total)} right, ${pct(all.confident.right, all.confident.total)} at ≥ ${HIGH}.`;
  return { markdown: out.join('\n') + '\n', readme };
}

/** The README with its accuracy block replaced (markers kept). */
export function withReadmeBlock(readme: string, line: string): string {
  const a = readme.indexOf(README_START);
  const b = readme.indexOf(README_END);
  if (a === -1 || b === -1 || b < a) throw new Error(`README.md lacks the ${README_START} … ${README_END} block`);
  return readme.slice(0, a + README_START.length) + '\n' + line + '\n' + readme.slice(b);
}
