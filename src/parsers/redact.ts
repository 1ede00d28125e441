/**
 * Removes credentials from text that is kept as evidence (log lines, event and termination messages,
 * container arguments, config values). Evidence never carries secrets. Two families of forms:
 *
 *  - by shape, wherever they appear: PEM private keys, JWTs, tokens with a published prefix (GitHub,
 *    GitLab, Slack, AWS key ids, Google API keys, npm, Docker Hub, Stripe, OpenAI-style `sk-`),
 *    `bearer`/`basic` credentials, `user:password@` and `:password@` in URLs;
 *  - by name: a value after a key whose name holds a secret word (password, passwd, passphrase, pwd,
 *    secret, token, api key, access key, private key, credential, auth, authorization, cookie,
 *    session), in any case and with any prefix or suffix (`PGPASSWORD=`, `MYSQL_ROOT_PASSWORD=`,
 *    `client_secret=`, `--aws-secret-access-key=`, `"auth":`), as `key=value`, `key: value`,
 *    `--key value`, quoted values with spaces included. A secret word must not run on into a longer
 *    word (`unauthorized:` and `tokens:` are not keys), so ordinary error text stays as it is.
 *
 * `redactArgs` also handles the value given as the next argument (`["--db-password", "X"]`).
 */

const SECRET_WORD = '(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?|auth|authorization|cookie|session)';
/**
 * A key holding a secret word: from the start of an identifier (so a long identifier is scanned once),
 * any prefix, the word not followed by a letter, any suffix.
 */
const KEY_BODY = `[A-Za-z0-9_.-]*?${SECRET_WORD}(?![A-Za-z])[A-Za-z0-9_.-]*`;
const KEY = `(?<![A-Za-z0-9_.-])${KEY_BODY}`;
const VALUE = `(?:"(?:[^"\\\\]|\\\\.)*"|'[^']*'|(?:bearer|basic|token)\\s+[^\\s"',;}]+|[^\\s"',;&}]+)`;

const BY_SHAPE: RegExp[] = [
  /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g,
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,}|xox[abposre]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}|(?:AKIA|ASIA)[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{30,}|npm_[A-Za-z0-9]{30,}|dckr_pat_[A-Za-z0-9_-]{20,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|sk-(?:proj-)?[A-Za-z0-9_-]{20,})/g,
];

const URL_CREDS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:"']*:[^\s/@"']+@/gi;
const AUTH_SCHEME = /\b(basic|bearer)\s+[A-Za-z0-9+/=._~-]{8,}/gi;
const KEY_VALUE = new RegExp(`(["']?${KEY}["']?\\s*[:=]\\s*)${VALUE}`, 'gi');
const FLAG_VALUE = new RegExp(`((?:^|\\s)--?${KEY_BODY}\\s+)(?!-)${VALUE}`, 'gi');
const SECRET_FLAG = new RegExp(`^--?${KEY_BODY}$`, 'i');
const BARE_WORD = new RegExp(`^["']?${SECRET_WORD}["']?:\\s+$`, 'i');

export function redactSecrets(text: string): string {
  return redactText(text, '<redacted>');
}

/** redactSecrets with another marker (bundles write [REDACTED]). */
export function redactText(text: string, marker: string): string {
  let out = text;
  for (const re of BY_SHAPE) out = out.replace(re, marker);
  return out
    .replace(URL_CREDS, `$1${marker}@`)
    .replace(AUTH_SCHEME, `$1 ${marker}`)
    .replace(KEY_VALUE, (m, key: string, at: number, all: string) => (isProse(key, m.slice(key.length), all.slice(at + m.length)) ? m : key + marker))
    .replace(FLAG_VALUE, (_m, flag: string) => flag + marker);
}

/** A command line or argument list: each argument redacted, and the one after a secret flag replaced. */
export function redactArgs(args: readonly string[], marker = '<redacted>'): string[] {
  return args.map((a, i) => (i > 0 && SECRET_FLAG.test(args[i - 1]) && !a.startsWith('-') ? marker : redactText(a, marker)));
}

/**
 * `token: unexpected status: 401` is an error message about a token, not a token: a bare secret word,
 * a colon and a space, then a lowercase word that goes on as prose. Anything else after a key is a value.
 */
function isProse(key: string, value: string, rest: string): boolean {
  return BARE_WORD.test(key) && /^[a-z]+$/.test(value) && /^ [a-z]/.test(rest);
}
