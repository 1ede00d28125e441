/**
 * Shell quoting for the commands fix steps print. Values from the evidence (an iptables rule, a
 * file name, a ConfigMap) are hostile input: every one goes into a command as one single-quoted
 * word, so `$(…)`, `;` or a quote inside it can never run.
 */

const PLAIN = /^[A-Za-z0-9_./:,=@%+-]+$/;

/** One shell word: as is when it holds only safe characters, else single-quoted. */
export function shq(s: string): string {
  if (s !== '' && PLAIN.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Words joined into a command line, each quoted as needed. */
export function shellJoin(words: readonly string[]): string {
  return words.map(shq).join(' ');
}
