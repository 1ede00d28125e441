/**
 * kubelet's first check of a container image (it applies the default tag through the docker
 * reference parser): the grammar of facts §7, with the parser's error texts. Used by the lab's
 * kubelet step, which must reject a bad reference before ever calling the CRI.
 */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** undefined when valid; otherwise the parser's error text (e.g. `invalid reference format`). */
export function imageReferenceError(image: string): string | undefined {
  if (image === '') return 'repository name must have at least one component';
  const m = REFERENCE.exec(image);
  if (m) {
    if (m[1].length > 255) return 'repository name must not be more than 255 characters';
    return undefined;
  }
  // the parser retries on the lower-cased name to tell "must be lowercase" apart
  const at = image.indexOf('@');
  const namePart = at >= 0 ? image.slice(0, at) : image;
  const colon = namePart.lastIndexOf(':');
  const name = colon > namePart.lastIndexOf('/') ? namePart.slice(0, colon) : namePart;
  const lowered = name.toLowerCase() + image.slice(name.length);
  if (name !== name.toLowerCase() && REFERENCE.test(lowered)) {
    const slash = name.indexOf('/');
    const first = slash >= 0 ? name.slice(0, slash) : '';
    const isDomain = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
    const remote = isDomain ? name.slice(slash + 1) : slash >= 0 ? name : `library/${name}`;
    return `invalid reference format: repository name (${remote}) must be lowercase`;
  }
  return 'invalid reference format';
}
