import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * containerd 2.x's docker remote (core/remotes/docker) in the texts of its own making that are about neither the
 * credentials nor the network: a token service that answered 200 with a body that is no token, and the host
 * configuration fields of hosts.toml that containerd refuses while it reads the file (core/remotes/docker/config).
 */
export const CONTAINERD_REMOTE_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.token-response-unusable',
    cause: 'unknown',
    // auth/fetch.go: the token realm answered 200, then its body did not decode as JSON (cut short, empty) or held
    // neither "token" nor "access_token". The credentials were never judged: the answer came from something that is
    // not a Docker token service (a proxy or WAF cutting the body, a realm pointing at a web page or another API, a
    // mirror's token endpoint that is broken). An HTML page is ambiguous.token-response-html.
    re: /unable to decode token response: (?!invalid character '<')|authorization server did not include a token in the response/,
    anchors: ['unable to decode token response', 'did not include a token in the response'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['registry.server-error', 'registry.proxy', 'registry.mirror-misconfigured'],
    check: 'the realm and service of the registry\'s challenge (curl -sI https://<registry>/v2/ | grep -i www-authenticate), then curl -sv "<realm>?service=<service>&scope=repository:<name>:pull" from the node: the body must be JSON with a token or access_token field; a body cut short is the proxy or the token service, another JSON shape is a realm that is not a token service',
    source: 'containerd v2 core/remotes/docker/auth/fetch.go (FetchToken, FetchTokenWithOAuth: "unable to decode token response: %w", ErrNoToken "authorization server did not include a token in the response"), wrapped by authorizer.go ("failed to fetch anonymous token: %w", "failed to fetch oauth token: %w")',
    samples: [
      'failed to pull and unpack image "registry.corp.example/team/api:1.4": failed to resolve reference "registry.corp.example/team/api:1.4": failed to authorize: failed to fetch anonymous token: unable to decode token response: unexpected EOF',
      'ctr: failed to resolve reference "nexus.internal:8443/docker-group/app:2": failed to authorize: failed to fetch oauth token: authorization server did not include a token in the response',
      'level=info msg="trying next host" error="failed to authorize: failed to fetch anonymous token: unable to decode token response: json: cannot unmarshal string into Go value of type auth.FetchTokenResponse" host=mirror.corp.example',
    ],
    counterSamples: [
      'failed to authorize: failed to fetch anonymous token: unable to decode token response: invalid character \'<\' looking for beginning of value',
      'failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Fnginx%3Apull&service=registry.docker.io: 401 Unauthorized',
    ],
  }),
  sig({
    id: 'registry.hosts-toml-field-invalid',
    cause: 'registry.mirror-misconfigured',
    // config/hosts.go parseHostConfig: a server URL that does not parse, ca or client of a type it does not take
    // (a number, a table), a client pair that is not [cert, key], a header value that is neither a string nor a list
    // of strings. containerd logs it ("failed to decode <dir>/hosts.toml") and drops the whole file, so the mirrors,
    // CA and plain-HTTP settings of that registry are silently not in effect and pulls go to the upstream as if unset.
    re: /invalid type [^\n]{1,60}? for (\\?"(ca|client)\\?"|header \\?")|invalid pair \[[^\]\n]{0,300}\] for \\?"client\\?"|unable to parse server https?:\/\/[^\n]{1,200}?: parse \\?"https?:/,
    anchors: ['for "ca"', 'for "client"', 'for header', 'invalid pair', 'unable to parse server'],
    confidence: 0.8,
    specificity: 93,
    check: 'the hosts.toml of that registry (/etc/containerd/certs.d/<host>/hosts.toml, or the config_path directory) at the key the message names: server a URL such as "https://mirror.example:5000", ca a path or list of paths, client a path, a list of paths or a list of [cert, key] pairs, each [header] value a string or list of strings; journalctl -u containerd | grep "failed to decode" shows whether the file is read now',
    source: 'containerd v2 core/remotes/docker/config/hosts.go (parseHostConfig: "unable to parse server %v: %w", "invalid type %v for \\"ca\\"", "invalid pair %v for \\"client\\"", "invalid type %v for header %q"; loadHostDir logs "failed to decode %s" and falls back to certificate files)',
    samples: [
      'invalid type []interface {} for header "Authorization"',
      'level=error msg="failed to decode /etc/containerd/certs.d/reg.lab:5000/hosts.toml" error="invalid type int64 for \\"ca\\""',
      'error="unable to parse server https://mirror corp.example:5000: parse \\"https://mirror corp.example:5000\\": invalid character \\" \\" in host name"',
      'invalid pair [/etc/containerd/certs.d/reg.lab/client.cert] for "client"',
    ],
    counterSamples: [
      'unable to parse server address: parse https://reg.example: invalid character " " in host name',
      'invalid type for field "ca" in config.yaml',
    ],
  }),
];
