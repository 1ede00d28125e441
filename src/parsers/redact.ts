/**
 * Removes credentials from text that is kept as evidence (log lines, URLs): HTTP auth headers,
 * bearer tokens, user:password@ in URLs, password/token/auth key-value pairs. Evidence never carries secrets.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(basic|bearer)\s+[A-Za-z0-9+/=._~-]{8,}/gi, '$1 <redacted>')
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:"']+:[^\s/@"']*@/gi, '$1<redacted>@')
    .replace(/(["']?\b(?:password|passwd|token|secret|auth|identitytoken|registrytoken|x-registry-auth)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi, '$1<redacted>');
}
