import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * git fetching a remote, in its own words and in those of the transports it runs: the smart-HTTP RPC through libcurl
 * ("error: RPC failed; HTTP <status> curl 22 …"), ssh ("Permission denied (publickey).", "ssh: connect to host …"),
 * Git LFS's batch API and object downloads. A git remote is a registry of source: threads label its failures as a
 * registry's, and the status or the transport's verdict decides as it does for a pull.
 */
export const GIT_TRANSPORT_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.git-rpc-status-5xx',
    cause: 'registry.server-error',
    // The Git host (or the reverse proxy in front of it) failed the upload-pack or receive-pack request itself.
    re: /rpc failed; http 5\d\d curl 22 the requested url returned error: 5\d\d(?! internal privoxy error)/,
    anchors: ['rpc failed; http 5'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['registry.proxy'],
    check: 'the Git server\'s own log for that request (Gitea, GitLab workhorse, the web server in front): a 500 on push is often its hooks or its disk; a 502 or 504 a reverse proxy timing out on a large pack (its proxy_read_timeout, client_max_body_size)',
    source: 'git remote-curl.c ("RPC failed; %s" with curl\'s "HTTP %ld curl %d %s")',
    samples: [
      'error: RPC failed; HTTP 500 curl 22 The requested URL returned error: 500 Internal Server Error\nfatal: The remote end hung up unexpectedly',
      'error: RPC failed; HTTP 504 curl 22 The requested URL returned error: 504 Gateway Time-out',
    ],
    counterSamples: ['error: RPC failed; HTTP 413 curl 22 The requested URL returned error: 413 Request Entity Too Large'],
  }),
  sig({
    id: 'registry.privoxy-error-page',
    cause: 'registry.proxy',
    // Privoxy's own error page (its status line names it): the proxy in between failed, not the server.
    re: /\b5\d\d internal privoxy error\b/,
    anchors: ['internal privoxy error'],
    confidence: 0.85,
    specificity: 94,
    check: 'the proxy the client is set to (env | grep -i _proxy, git config --get http.proxy): Privoxy\'s log says why it failed the request (its forwarding rules, the upstream it could not reach); bypass it for this host with no_proxy if it should not be used',
    source: 'Privoxy error responses ("500 Internal Privoxy Error")',
    samples: ['error: RPC failed; HTTP 500 curl 22 The requested URL returned error: 500 Internal Privoxy Error', 'HTTP/1.1 500 Internal Privoxy Error'],
    counterSamples: ['The requested URL returned error: 500 Internal Server Error'],
  }),
  sig({
    id: 'registry.git-ssh-publickey-denied',
    cause: 'image.auth-missing',
    // The SSH server accepted none of the keys offered: none was offered (no key in the job or the build, an agent
    // not forwarded), or the key offered is not one the account or deploy key list holds.
    re: /permission denied \(publickey\)\.?[\s\S]{0,200}?fatal: could not read from remote repository|(?:fatal: could not read from remote repository|git clone|error fetching)[\s\S]{0,300}?permission denied \(publickey\)/,
    anchors: ['permission denied (publickey)'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['image.auth-rejected'],
    check: 'ssh -vT git@<host> from where the clone runs: "Offering public key" lines show whether a key is offered at all (none: mount or forward one, docker build --ssh default); a key offered and refused must be added to the account or as the repository\'s deploy key',
    source: 'OpenSSH ssh ("Permission denied (%s).") and git connect.c ("Could not read from remote repository.")',
    samples: [
      'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.',
      "unable to prepare context: unable to 'git clone' to temporary context directory: error fetching: git@github.com: Permission denied (publickey).",
    ],
    counterSamples: ['Permission denied (publickey,password).'],
  }),
  sig({
    id: 'registry.git-ssh-connect-refused',
    cause: 'registry.connection-refused',
    // ssh's own refusal: nothing listens on the Git host's SSH port at that address (a port not published, the
    // service's SSH server off).
    re: /ssh: connect to host \S+ port \d+: connection refused/,
    anchors: ['ssh: connect to host'],
    confidence: 0.8,
    specificity: 92,
    check: 'which port the remote URL names (ssh://git@host:<port>/ or the host\'s SSH port in ~/.ssh/config) and whether the Git server publishes it: nc -vz <host> <port>; a container or Service must expose that port',
    source: 'OpenSSH ssh ("ssh: connect to host %s port %s: %s")',
    samples: ['ssh: connect to host gitea.lab port 2222: Connection refused\nfatal: Could not read from remote repository.', 'ssh: connect to host 10.0.0.5 port 29418: Connection refused'],
    counterSamples: ['ssh: connect to host gitea.lab port 22: Connection timed out'],
  }),
  sig({
    id: 'image.git-lfs-over-quota',
    cause: 'image.rate-limited',
    // The LFS server refuses downloads for the account's bandwidth or storage quota: every client is refused until
    // the quota resets or is raised, whatever its credentials or network.
    re: /this repository is over its data quota/,
    anchors: ['this repository is over its data quota'],
    confidence: 0.85,
    specificity: 94,
    check: 'the repository owner\'s LFS bandwidth and storage usage (GitHub: Settings, Billing, Git LFS data); clone with GIT_LFS_SKIP_SMUDGE=1 where the large files are not needed, or serve them from elsewhere',
    source: 'GitHub\'s LFS batch API answer ("This repository is over its data quota. Account responsible for LFS bandwidth should purchase more data packs to restore access.")',
    samples: [
      'batch response: This repository is over its data quota. Account responsible for LFS bandwidth should purchase more data packs to restore access.',
      'Error downloading object: model.bin (3f2a): Smudge error: batch response: This repository is over its data quota.',
    ],
    counterSamples: ['batch response: Repository or object not found'],
  }),
  sig({
    id: 'image.git-lfs-object-missing',
    cause: 'image.not-found',
    // The LFS server has no object for the pointer committed: it was never pushed (a push without LFS), or was
    // deleted. The server words a permission problem the same way, hence the alternative.
    re: /\[404\] object does not exist on the server/,
    anchors: ['object does not exist on the server'],
    confidence: 0.7,
    specificity: 94,
    alternatives: ['image.auth-missing'],
    check: 'git lfs ls-files and, where the commit was made, git lfs push --all origin: an object missing on the server was never uploaded; with credentials that lack access the server says the same — try with the repository owner\'s',
    source: 'git-lfs tq transfer errors ("[404] Object does not exist on the server")',
    samples: [
      'Smudge error: Error downloading data/a.bin (9f1c): [9f1c] Object does not exist on the server: [404] Object does not exist on the server',
      'Error downloading object: weights.pt (77aa): [404] Object does not exist on the server',
    ],
    counterSamples: ['batch response: This repository is over its data quota.'],
  }),
  sig({
    id: 'image.git-empty-repository-url',
    cause: 'image.invalid-reference',
    // An empty repository URL (a variable that expanded to nothing): git and Argo CD name the empty string.
    re: /repository '' does not exist|repository \\?"\\?" cannot be initialized: repo url is invalid/,
    anchors: ["repository '' does not exist", 'cannot be initialized: repo url is invalid'],
    confidence: 0.85,
    specificity: 94,
    check: 'the variable or field that holds the repository URL (a CI variable, the Application\'s spec.source.repoURL): it is empty where it is used',
    source: 'git clone ("fatal: repository \'%s\' does not exist"), Argo CD repo server ("repository %q cannot be initialized: repo URL is invalid")',
    samples: ['fatal: repository \'\' does not exist', 'rpc error: code = Unknown desc = error testing repository connectivity: repository "" cannot be initialized: repo URL is invalid'],
    counterSamples: ["fatal: repository 'https://github.com/acme/tools.git/' not found"],
  }),
];
