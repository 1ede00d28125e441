/**
 * Registry context: whether a message is about an image pull or a registry at all. Go's transport errors
 * (lookups, dial timeouts, resets, refusals) read the same from every program — a pull, a webhook call,
 * an application's database connection — so a transport text names a registry cause only beside one.
 */

/**
 * The distribution API's own routes: the /v2/ ping, _catalog, and <name>/manifests|blobs|tags/. Other REST APIs
 * version their paths /v2/ too (a cloud's /v2/droplets), so a bare "/v2/" segment is not a registry.
 */
export const REGISTRY_V2_PATH = String.raw`\/v2\/(?:$|[\s"'\\,):]|_catalog|[^\s"'\\]*\/(?:manifests|blobs|tags)\/)`;

/**
 * A TCP connect that timed out, and one that was refused, as Go words them: on Linux and macOS the errno's text
 * after the syscall ("connect: connection timed out"), on Windows the Winsock message of WSAETIMEDOUT and
 * WSAECONNREFUSED after "connectex:" — the same failure, so the same signatures read both.
 */
export const CONNECT_TIMED_OUT = String.raw`((connect|getsockopt): (connection|operation) timed out|connectex: a\sconnection\sattempt\sfailed\sbecause\sthe\sconnected\sparty\sdid\snot\sproperly\srespond)`;
export const CONNECT_REFUSED = String.raw`((connect|getsockopt): connection refused|connectex: no connection could be made because the target machine actively refused it)`;

/**
 * An HTTP status as clients other than Go's report it: Java's HttpURLConnection ("Server returned HTTP response code:
 * 401"), Python's requests ("401 Client Error"), Axios and others ("status code 401"), curl ("returned error: 401"),
 * .NET ("401 (Unauthorized)"), and the plain forms scripts and SDKs print ("HTTP status 401", "returned HTTP
 * 401", "got 401", "responded with 401", "HTTP 401"). `codes` is an alternation of status codes.
 */
export function clientStatus(codes: string): string {
  return String.raw`(http response code: (${codes})\b|\b(${codes}) (client|server) error\b|(http )?status( code)?:? ?\(?(${codes})\b|returned (error: |http |status )?(${codes})\b|\b(got|responded with|unexpected http response) (status |http )?(${codes})\b|response code:? (${codes})\b|\bhttp (${codes})\b|\b(${codes}) \((unauthorized|forbidden|not found)\))`;
}

/**
 * A name that did not resolve, in the words of clients other than Go's dialer (libc via curl, wget, Python and Ruby;
 * Node's getaddrinfo codes; Java's UnknownHostException; .NET's and Windows' texts; Rust's hyper). Which cause it is
 * depends on where the lookup ran: beside a registry request (registry.resolver-failed) or not (dns.client-lookup-failed).
 */
export const CLIENT_LOOKUP_FAILED = String.raw`temporary failure in name resolution|could not resolve host|name or service not known|getaddrinfo (enotfound|eai_again)|no address associated with hostname|unknownhostexception|name does not resolve|unable to resolve host address|nodename nor servname provided|\[errno 11001\] getaddrinfo failed|no such host is known|failed to lookup address information|getaddrinfo(\(3\))?( for \S+)? failed[^\n]{0,80}?: try again|resolving timed out after \d+ milli`;
export const CLIENT_LOOKUP_ANCHORS = ['name resolution', 'could not resolve host', 'name or service not known', 'getaddrinfo', 'no address associated', 'unknownhostexception', 'name does not resolve', 'unable to resolve host address', 'nodename nor servname', 'no such host is known', 'failed to lookup address information', 'try again', 'resolving timed out'];

/**
 * A pull, a login or a registry URL: the TLS and lookup signatures that claim 0.9 need it on the same line, before the text.
 * A Helm chart repository (its index.yaml) is a registry of charts: threads label its failures as a registry's; so is
 * Helm fetching a chart archive ("INSTALLATION FAILED: Get \"https://…/<chart>-<version>.tgz\"", "could not download https://…").
 */
export const REGISTRY_CONTEXT = String.raw`(:\/\/[^\/\s\"\\]+${REGISTRY_V2_PATH}|\/v1\/(_ping|repositories|users|images|search)|failed to (pull|resolve reference|do request|copy|authorize|fetch (anonymous |oauth )?token|fetch https?:)|pulling (image|fs layer)|error pulling|error response from daemon|docker login|login attempt|\b(?<!schema[-_ ]|service[-_ ])registry\b|\bmanifests?\b|\bblobs?\/|\bctr: |crictl|chart repositor|\/index\.yaml|(installation|upgrade) failed: get \\?"?https?:\/\/[^\s"\\]+\.tgz|could not (download|find) (https?|oci):\/\/)`;

/**
 * Weaker, and a superset of REGISTRY_CONTEXT (so a lookup matches either the registry signatures or the one
 * outside pulls, never both): any mention of images, pulls, pushes, a registry, its API or its product or host
 * anywhere in the message. Literals and the /v2/ routes only: it is tried on every line that has a transport text.
 * "received unexpected HTTP status" is the distribution registry client's own error (UnexpectedHTTPStatusError).
 * A push is an image push, not a push notification's sender (Matrix's pusher, "failed to push data") or Prometheus's
 * pushgateway, nor a part of a dotted module name (synapse.push): their lookups are some program's, not a registry client's.
 * A git remote (a clone, a fetch, git's curl transport: "fatal: unable to access '<url>'") is a registry of source: threads
 * label its failures as a registry's.
 */
export const PULL_CONTEXT = String.raw`(${REGISTRY_V2_PATH}|\/v1\/(_ping|repositories|users|search)|pull|image|(?<!\.)\bpush(?!gateway|ers?\b|\.| (?:data|notifications?)\b)|registr|manifest|blob|resolve reference|failed to (do request|copy|authorize|fetch (anonymous |oauth )?token|fetch https?:)|error response from daemon|docker login|login attempt|ctr: |crictl|docker\.io|quay\.io|ghcr\.io|gcr\.io|pkg\.dev|\.ecr(?:-fips)?\.|azurecr|harbor|nexus|artifactory|jfrog|oci:\/\/|chart repositor|\/index\.yaml|(installation|upgrade) failed: get \\?"?https?:\/\/[^\s"\\]+\.tgz|could not (download|find) (https?|oci):\/\/|cloudflare\.docker\.com|jib-(maven|gradle)|received unexpected http status|fatal: unable to access '|cloning into |\bgit (?:clone|fetch|ls-remote)\b|(?:^|\s|msg=\\?")(?:download failed(?:, retrying \(\d+\/\d+\)| after \d+ attempts)|upload failed, retrying):)`;

/** `re` only when PULL_CONTEXT occurs somewhere in the message (before or after it); `key` quotes the text itself. */
export function besidePull(re: RegExp): RegExp {
  return new RegExp(String.raw`(?<key>${re.source})(?:(?<=${PULL_CONTEXT}[\s\S]*?)|(?=[\s\S]*?${PULL_CONTEXT}))`);
}

/** `re` only when nothing in the whole message is about a pull or a registry; `key` quotes the text. */
export function withoutPull(re: RegExp): RegExp {
  return new RegExp(String.raw`^(?![\s\S]*?${PULL_CONTEXT})[\s\S]*?(?<key>${re.source})`);
}
