import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * PHP's Composer 2.5 (`composer update`, `composer require`) fetching a Composer repository's packages.json, read from
 * what it printed against faults built on loopback. Composer prints an exception inside a box under "In
 * CurlDownloader.php line N:" (or RemoteFilesystem.php without the curl extension), wrapped at the terminal's width in
 * the middle of words, so these anchor on the words that open a line or stand in parentheses, not on whole sentences.
 */
export const COMPOSER_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.composer-curl-resolve-host',
    cause: 'registry.dns',
    // curl error 6 (CURLE_COULDNT_RESOLVE_HOST), with Composer's own hint printed before the box: the repository's
    // host name did not resolve where composer runs.
    re: /the following exception probably indicates you are offline or have misconfigured dns resolver|curl error 6 while downloading https?:\/\//,
    anchors: ['misconfigured dns resolver', 'curl error 6 while downloading'],
    confidence: 0.8,
    specificity: 91,
    alternatives: ['dns.node-resolver', 'registry.proxy'],
    check: 'getent hosts <host> where composer runs (a CI container has its own resolv.conf); the repository URL in composer.json must name a host that resolves there, or the network needs HTTPS_PROXY',
    source: 'Composer CurlDownloader ("curl error %d while downloading %s: %s") and its hint for CURLE_COULDNT_RESOLVE_HOST ("The following exception probably indicates you are offline or have misconfigured DNS resolver(s)")',
    samples: [
      'The following exception probably indicates you are offline or have misconfigured DNS resolver(s)\nIn CurlDownloader.php line 365:\ncurl error 6 while downloading https://repo.corp.example/packages.json\n: Could not resolve host: repo.corp.example',
      'curl error 6 while downloading https://repo.packagist.org/packages.json: Could not resolve host: repo.packagist.org',
    ],
    counterSamples: ['curl error 5 while downloading https://repo.packagist.org/packages.json: Could not resolve proxy: proxy.corp.example'],
  }),
  sig({
    id: 'registry.composer-curl-proxy',
    cause: 'registry.proxy',
    // curl error 5 (the proxy's name did not resolve) or 56 with "CONNECT tunnel failed, response N" (the proxy refused
    // the tunnel: 403 by policy, 407 for credentials, 502 when it could not reach the repository).
    re: /curl error (?:5 while downloading \S+: could not resolve proxy|56 while downloading \S+: connect tunnel failed, response \d{3})/,
    anchors: ['could not resolve proxy', 'connect tunnel failed, response'],
    confidence: 0.85,
    specificity: 93,
    check: 'HTTPS_PROXY / HTTP_PROXY where composer runs: the proxy must resolve and allow CONNECT to the repository host (407: put credentials in the proxy URL; 403: the proxy\'s allow list; or NO_PROXY for an internal repository)',
    source: 'Composer CurlDownloader ("curl error %d while downloading %s: %s") with libcurl CURLE_COULDNT_RESOLVE_PROXY and CURLE_RECV_ERROR ("CONNECT tunnel failed, response %d")',
    samples: [
      'https://repo.corp.example/composer could not be fully loaded (curl error 56 while downloading https://repo.corp.example/composer/packages.json: CONNECT tunnel failed, response 407), package information was loaded from the local cache and may be out of date',
      'https://repo.corp.example could not be fully loaded (curl error 5 while downloading https://repo.corp.example/packages.json: Could not resolve proxy: proxy.corp.example), package information was loaded from the local cache and may be out of date',
    ],
    counterSamples: ['curl error 6 while downloading https://repo.packagist.org/packages.json: Could not resolve host: repo.packagist.org'],
  }),
  sig({
    id: 'registry.composer-curl-connect',
    cause: 'registry.connection-refused',
    // curl error 7 (CURLE_COULDNT_CONNECT): nothing accepted the connection at the repository's host and port — or at
    // the proxy's, when the host named after "Failed to connect to" is the proxy.
    re: /curl error 7 while downloading https?:\/\/\S+/,
    anchors: ['curl error 7 while downloading'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['registry.proxy', 'node.firewall'],
    check: 'the host after "Failed to connect to": the repository (nc -vz <host> <port>: is it up, is the port in the URL right) or, when it is the proxy in HTTPS_PROXY, the proxy',
    source: 'Composer CurlDownloader ("curl error %d while downloading %s: %s") with libcurl CURLE_COULDNT_CONNECT',
    samples: [
      "In CurlDownloader.php line 365:\ncurl error 7 while downloading https://repo.corp.example/composer/packag\nes.json: Failed to connect to repo.corp.example port 443 after 0 ms: Cou\nldn't connect to server",
      'curl error 7 while downloading https://repo.packagist.org/packages.json: Failed to connect to repo.packagist.org port 443 after 3 ms: Connection refused',
    ],
    counterSamples: ['curl error 28 while downloading https://repo.packagist.org/packages.json: Connection timed out after 10001 milliseconds'],
  }),
  sig({
    id: 'registry.composer-stream-connect-timeout',
    cause: 'registry.connect-timeout',
    // Without the curl extension Composer opens PHP streams: "Failed to open stream: Connection timed out" is the TCP
    // connect timing out (a firewall dropping SYNs, a host that is down).
    re: /failed to open stream: connection timed out/,
    anchors: ['failed to open stream: connection timed out'],
    confidence: 0.8,
    specificity: 91,
    alternatives: ['node.firewall', 'registry.proxy'],
    check: 'nc -vz -w5 <host> 443 where composer runs: no answer is a firewall, route or down host; a network that reaches out through a proxy needs HTTPS_PROXY',
    source: 'Composer RemoteFilesystem ("The \\"%s\\" file could not be downloaded: %s") with PHP\'s stream wrapper error',
    samples: ['In RemoteFilesystem.php line 476:\nThe "https://repo.corp.example/packages.json" file could not\nbe downloaded: Failed to open stream: Connection timed out', 'The "https://repo.packagist.org/packages.json" file could not be downloaded: Failed to open stream: Connection timed out'],
    counterSamples: ['be downloaded: SSL: Handshake timed out'],
  }),
  sig({
    id: 'registry.composer-stream-handshake-timeout',
    cause: 'registry.tls-handshake-timeout',
    // PHP's OpenSSL stream: TCP connected, then the handshake did not finish in time ("SSL: Handshake timed out",
    // "Failed to enable crypto").
    re: /ssl: handshake timed out\s*failed to enable crypto/,
    anchors: ['ssl: handshake timed out'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['flannel.mtu', 'registry.proxy'],
    check: 'openssl s_client -connect <host>:443 -servername <host> where composer runs: a connect that then hangs is a firewall or proxy in the path, or an MTU black hole',
    source: 'PHP ext/openssl xp_ssl ("SSL: Handshake timed out", "Failed to enable crypto") through Composer RemoteFilesystem',
    samples: ['The "https://repo.corp.example/packages.json" file could not be do\nwnloaded: SSL: Handshake timed out\nFailed to enable crypto\nFailed to open stream: operation failed', 'The "https://repo.packagist.org/p2/monolog/monolog.json" file could not be downloaded: SSL: Handshake timed out\nFailed to enable crypto\nFailed to open stream: operation failed'],
    counterSamples: ['Failed to open stream: Connection timed out'],
  }),
  sig({
    id: 'registry.composer-secure-http',
    cause: 'registry.http-to-https',
    // Composer's secure-http (on by default) refuses an http:// repository URL: the repository is configured on plain
    // HTTP while the client insists on HTTPS. Use its https:// URL (or, for a trusted network, secure-http false).
    re: /your configuration does not allow connections to\s+http:\/\//,
    anchors: ['does not allow connections to'],
    confidence: 0.75,
    specificity: 92,
    check: 'the repository URL in composer.json (repositories[].url): use https:// if the repository serves TLS; only for a repository that has no TLS, set "secure-http": false in config',
    source: 'Composer Config::prohibitUrlByConfig ("Your configuration does not allow connections to %s. See https://getcomposer.org/doc/06-config.md#secure-http for details.")',
    samples: ['In Config.php line 582:\nYour configuration does not allow connections to http://repo.corp.example\n/packages.json. See https://getcomposer.org/doc/06-config.md#secu\nre-http for details.', 'Your configuration does not allow connections to http://satis.corp.example/packages.json. See https://getcomposer.org/doc/06-config.md#secure-http for details.'],
    counterSamples: ['curl error 35 while downloading https://repo.corp.example/packages.json: OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number'],
  }),
  sig({
    id: 'registry.composer-http-401',
    cause: 'image.auth-missing',
    // A 401 from the repository without stored credentials (auth.json): Composer would ask, but cannot in a
    // non-interactive run.
    re: /\(http 401\)\.?\s*you must be using the interactive console to authenticate|url required\s+authentication \(http 401\)/,
    anchors: ['(http 401)'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['image.auth-rejected'],
    check: 'auth.json (COMPOSER_HOME or the project) or COMPOSER_AUTH must hold http-basic or bearer credentials for the repository\'s host: composer config --global http-basic.<host> <user> <token>',
    source: 'Composer AuthHelper ("The \'%s\' URL required authentication (HTTP 401).\\nYou must be using the interactive console to authenticate")',
    samples: ["In AuthHelper.php line 197:\nThe 'https://repo.corp.example/packages.json' URL required\nauthentication (HTTP 401).\nYou must be using the interactive console to authenticate", "The 'https://satis.corp.example/packages.json' URL required authentication (HTTP 401).\nYou must be using the interactive console to authenticate"],
    counterSamples: ["The 'https://repo.corp.example/packages.json' URL could not be accessed (HTTP 403): HTTP/1.1 403 Forbidden"],
  }),
  sig({
    id: 'registry.composer-http-403',
    cause: 'image.auth-rejected',
    // A 403 from the repository: the credentials (or the lack of them) are refused for that path.
    re: /could not\s*be accessed \(http 403\)/,
    anchors: ['(http 403)'],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'the credentials auth.json holds for that host (a token without access to the repository, an expired one) — or a repository URL whose path the server refuses to anonymous clients',
    source: 'Composer AuthHelper ("The \'%s\' URL could not be accessed (HTTP 403): %s")',
    samples: ["In AuthHelper.php line 197:\nThe 'https://repo.corp.example/packages.json' URL could not\nbe accessed (HTTP 403): HTTP/1.0 403 Forbidden", "The 'https://satis.corp.example/packages.json' URL could not be accessed (HTTP 403): HTTP/1.1 403 Forbidden"],
    counterSamples: ["The 'https://repo.corp.example/packages.json' URL required authentication (HTTP 401)."],
  }),
  sig({
    id: 'registry.composer-http-status',
    cause: 'registry.server-error',
    // CurlDownloader's TransportException for a status it does not handle itself: the status line in parentheses
    // after "could not be downloaded", then the body. 5xx: the repository (or its proxy) failed while it is up.
    re: /(?:" file could[\s\S]{0,40}?|curldownloader\.php line \d+:\s+[\s\S]{0,300}?)\(http\/[\d.]+ 50[0-4] [a-z ]+\):/,
    anchors: ['(http/'],
    confidence: 0.8,
    specificity: 91,
    alternatives: ['registry.proxy'],
    check: 'the repository itself (or the proxy in front of it) answers with a server error: its logs or status page; retry later',
    source: 'Composer CurlDownloader ("The \\"%s\\" file could not be downloaded (%s)" with the HTTP status line)',
    samples: ['In CurlDownloader.php line 623:\nThe "https://repo.corp.example/packages.json" file could no\nt be downloaded (HTTP/1.1 503 Service Unavailable):', 'The "https://satis.corp.example/packages.json" file could not be downloaded (HTTP/1.1 502 Bad Gateway):'],
    counterSamples: ['The "https://repo.corp.example/packages.json" file could not be downloaded (HTTP/1.1 404 Not Found)'],
  }),
  sig({
    id: 'registry.composer-http-404',
    cause: 'image.not-found',
    // 404 for packages.json: nothing is a Composer repository at that URL (the path is wrong).
    re: /(?:" file could[\s\S]{0,40}?|curldownloader\.php line \d+:\s+[\s\S]{0,300}?)\(http\/[\d.]+ 404 not found\)/,
    anchors: ['(http/'],
    confidence: 0.75,
    specificity: 91,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'curl -sI <repository URL>/packages.json: a Composer repository serves packages.json at its root — fix the repository URL in composer.json',
    source: 'Composer CurlDownloader ("The \\"%s\\" file could not be downloaded (%s)")',
    samples: ['In CurlDownloader.php line 623:\nThe "https://repo.corp.example/packages.json" file could no\nt be downloaded (HTTP/1.1 404 Not Found):', 'The "https://satis.corp.example/composer/packages.json" file could not be downloaded (HTTP/2 404 Not Found):'],
    counterSamples: ['The "https://repo.corp.example/packages.json" file could not be downloaded (HTTP/1.1 503 Service Unavailable)'],
  }),
  sig({
    id: 'registry.composer-http-429',
    cause: 'image.rate-limited',
    re: /(?:" file could[\s\S]{0,40}?|curldownloader\.php line \d+:\s+[\s\S]{0,300}?)\(http\/[\d.]+ 429 too many requests\)/,
    anchors: ['(http/'],
    confidence: 0.85,
    specificity: 91,
    check: 'the repository\'s rate limit: fewer parallel runs from one address, a cache or mirror in between, or authenticated requests',
    source: 'Composer CurlDownloader ("The \\"%s\\" file could not be downloaded (%s)")',
    samples: ['The "https://repo.corp.example/packages.json" file could no\nt be downloaded (HTTP/1.1 429 Too Many Requests):', 'In CurlDownloader.php line 623:\nThe "https://repo.packagist.org/p2/symfony/console.json" file could not be downloaded (HTTP/2 429 Too Many Requests):'],
    counterSamples: ['The "https://repo.corp.example/packages.json" file could not be downloaded (HTTP/1.1 404 Not Found)'],
  }),
  sig({
    id: 'registry.composer-write-enospc',
    cause: 'image.disk-full',
    // PHP's file functions reporting errno 28 while Composer writes its cache or vendor directory.
    re: /(?:file_put_contents|copy|fwrite|mkdir)\(\): write of \d+ bytes failed with errno=28 no space left/,
    anchors: ['failed with errno=28'],
    confidence: 0.85,
    specificity: 92,
    check: 'df -h on the cache directory (composer config cache-dir) and on vendor/: free space or move COMPOSER_CACHE_DIR',
    source: 'PHP plain-files stream ("Write of %zu bytes failed with errno=%d %s") through Composer Cache',
    samples: ['In Cache.php line 149:\nfile_put_contents(): Write of 668 bytes failed with errno=28 No space left\non device', 'copy(): Write of 539 bytes failed with errno=28 No space left on device'],
    counterSamples: ['file_put_contents(/root/.cache/composer/repo/x.json): Failed to open stream: Permission denied'],
  }),
  sig({
    id: 'registry.composer-curl-reset',
    cause: 'registry.connection-refused',
    // curl error 35 with "Recv failure: Connection reset by peer": the peer reset the connection during the TLS
    // handshake (a service that is not TLS there, a balancer without backends, a filtering middlebox).
    re: /curl error 35 while downloading[\s\S]{0,200}?recv failure: connection\s+reset\s+by\s+peer/,
    anchors: ['curl error 35 while downloading'],
    confidence: 0.6,
    specificity: 91,
    alternatives: ['registry.http-to-https', 'registry.proxy', 'node.firewall'],
    check: 'openssl s_client -connect <host>:<port> -servername <host> where composer runs: a reset before any certificate is the service at that port or a middlebox in the path',
    source: 'Composer CurlDownloader ("curl error %d while downloading %s: %s") with libcurl CURLE_SSL_CONNECT_ERROR',
    samples: ['In CurlDownloader.php line 365:\ncurl error 35 while downloading https://repo.corp.example/composer/package\ns.json: Recv failure: Connection reset by peer', 'curl error 35 while downloading https://repo.packagist.org/packages.json: Recv failure: Connection reset by peer'],
    counterSamples: ['curl error 35 while downloading https://repo.corp.example/packages.json: OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number'],
  }),
  sig({
    id: 'registry.composer-package-not-found',
    cause: 'image.not-found',
    // The solver's words for a requirement no repository can meet: no package by that name, or none of its versions
    // matches the constraint.
    re: /root composer\.json requires [\w.\/-]+[^\n]{0,80}?, (?:it could not be found in any version|found [\w.\/-]+\[[^\]\n]*\] but it does not match the constraint)/,
    anchors: ['root composer.json requires'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'composer show -a <vendor/package> against the repositories composer.json lists: the name and versions they offer — fix the name or constraint, or add the repository that publishes it',
    source: 'Composer solver Problem ("Root composer.json requires %s, it could not be found in any version…", "…found %s but it does not match the constraint.")',
    samples: [
      'Your requirements could not be resolved to an installable set of packages.\n  Problem 1\n    - Root composer.json requires acme/gadgets, it could not be found in any version, there may be a typo in the package name.',
      '- Root composer.json requires acme/widgets ^4.0, found acme/widgets[1.2.0, 1.3.1] but it does not match the constraint.',
    ],
    counterSamples: ['- Root composer.json requires php ^8.3 but your php version (8.2.36) does not satisfy that requirement.'],
  }),
];
