import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * What toolchain installers and build tools print when the server they download from answers with a status, in
 * their own formats: curl -f behind nvm, pyenv, dotnet-install and rustup-init ("(22) The requested URL returned
 * error: <status>"), Gradle ("Received status code <status> from server: <reason>", "Could not read '<url>' as it does
 * not exist."), node-gyp ("<status> response downloading <url>"), cabal ("ErrorMisc \"Error HTTP code: <status>\""),
 * SwiftPM ("badResponseStatusCode(<status>)"), .NET's HttpClient ("Response status code does not indicate success:
 * <status>"). As for a registry, the status decides: 5xx is the server (or a proxy in front of it) failing, 404 a file
 * not published at that address.
 */
const STATUS = String.raw`(?:\(22\) the requested url returned error:|received status code|does not indicate success:|badresponsestatuscode\(|errormisc \\?"error\s+http code:)`;

export const TOOLCHAIN_DOWNLOAD_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.download-status-5xx',
    cause: 'registry.server-error',
    re: new RegExp(String.raw`${STATUS} ?5\d\d\b|\b5\d\d response downloading https?:\/\/`),
    anchors: ['the requested url returned error: 5', 'received status code 5', 'does not indicate success: 5', 'badresponsestatuscode(5', 'http code: 5', 'response downloading http'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['registry.proxy'],
    check: 'retry, and see whether the download host reports an incident (a CDN\'s 52x says its origin failed); a 502 or 504 can come from a proxy or mirror in between (HTTPS_PROXY, the tool\'s mirror setting): curl -sSI <url> from the same place shows who answers',
    source: 'curl -f (CURLE_HTTP_RETURNED_ERROR "The requested URL returned error: %d"), Gradle HttpResourceAccessor ("Received status code %s from server: %s"), node-gyp install ("%d response downloading %s"), cabal HTTP transport, SwiftPM HTTPClientError.badResponseStatusCode, .NET HttpResponseMessage.EnsureSuccessStatusCode',
    samples: [
      'curl: (22) The requested URL returned error: 503',
      "> Could not HEAD 'https://plugins.gradle.org/m2/a/b/1.0/b-1.0.pom'. Received status code 502 from server: Bad Gateway",
      'gyp ERR! stack Error: 503 response downloading https://nodejs.org/download/release/v18.20.0/node-v18.20.0-headers.tar.gz',
      'Response status code does not indicate success: 503 (Service Unavailable).',
    ],
    counterSamples: ['curl: (22) The requested URL returned error: 404', 'curl: (22) The requested URL returned error: 407'],
  }),
  sig({
    id: 'registry.download-status-404',
    cause: 'image.not-found',
    // The file is not at that address: a version or platform the server does not publish, or a mirror that lacks it.
    // Not curl -f's bare 404: scripts probe with it for files that may be missing (a prebuilt kernel driver before
    // building one), so the text alone says nothing went wrong.
    re: new RegExp(String.raw`(?:received status code|does not indicate success:|badresponsestatuscode\(|errormisc \\?"error\s+http code:) ?404\b|\b404 response downloading https?:\/\/|could not read '[^'\n]+' as it does not exist`),
    anchors: ['received status code 404', 'does not indicate success: 404', 'badresponsestatuscode(404', 'http code: 404', '404 response downloading', 'as it does not exist'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'open the URL\'s folder on the server: is that version for that platform published there? A mirror or dist-server setting (RUSTUP_DIST_SERVER, NVM_NODEJS_ORG_MIRROR, PYTHON_BUILD_MIRROR_URL, a Gradle or Maven repository URL) must serve the same paths as the origin',
    source: 'curl -f, Gradle ("Could not read \'%s\' as it does not exist."), node-gyp, cabal, SwiftPM, .NET HttpClient',
    samples: [
      'Response status code does not indicate success: 404 (Not Found).',
      "failed downloading 'https://github.com/acme/kit/releases/download/1.2.0/Kit.xcframework.zip' which is required by binary target 'Kit': badResponseStatusCode(404)",
      "Could not read 'https://repo.lab/m2/org/acme/lib/1.0/lib-1.0.pom' as it does not exist.",
    ],
    counterSamples: ['curl: (22) The requested URL returned error: 503', 'curl: (22) The requested URL returned error: 404'],
  }),
  sig({
    id: 'registry.download-status-407',
    cause: 'registry.proxy',
    // 407 is only ever a proxy's answer.
    re: /does not indicate success: 407\b|received status code 407\b|badresponsestatuscode\(407\)/,
    anchors: ['does not indicate success: 407', 'received status code 407', 'badresponsestatuscode(407)'],
    confidence: 0.9,
    specificity: 92,
    check: 'the proxy credentials the tool sends (HTTPS_PROXY with user:password@, NuGet\'s config http_proxy.user/password, Gradle\'s systemProp.https.proxyUser) or the proxy\'s rules for this client',
    source: '.NET HttpResponseMessage.EnsureSuccessStatusCode ("Response status code does not indicate success: %d (%s).")',
    samples: ['Response status code does not indicate success: 407 (Proxy Authentication Required).', 'Response status code does not indicate success: 407 (authenticationrequired).'],
    counterSamples: ['Response status code does not indicate success: 401 (Unauthorized).'],
  }),
  sig({
    id: 'registry.libcurl-unsupported-proxy-scheme',
    cause: 'registry.proxy',
    // libcurl refuses the proxy URL's scheme (https:// to a proxy on a build without HTTPS-proxy support, a typo'd
    // scheme): no request leaves, whatever the server.
    re: /unsupported proxy scheme for '[^'\n]*'/,
    anchors: ['unsupported proxy scheme for'],
    confidence: 0.85,
    specificity: 94,
    check: 'the proxy variables (env | grep -i _proxy): a proxy reached over plain HTTP is written http://host:port even for HTTPS traffic',
    source: 'libcurl lib/url.c ("Unsupported proxy scheme for \'%s\'")',
    samples: ["info: caused by: [7] Couldn't connect to server (Unsupported proxy scheme for 'https://10.0.0.8:8080')", "curl: (7) Unsupported proxy scheme for 'htps://proxy.lab:3128'"],
    counterSamples: ["curl: (7) Failed to connect to proxy.lab port 3128"],
  }),
  sig({
    id: 'image.go-toolchain-not-available',
    cause: 'image.not-found',
    // cmd/go switching toolchains (GOTOOLCHAIN, a go.mod `toolchain` or `go` line): the version asked for has no release
    // (go1.22 is a language version; its first release is go1.22.0), or the module proxy does not serve it.
    re: /download go[\w.]+ for [\w/]+: toolchain not available/,
    anchors: ['toolchain not available'],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the version in go.mod (go and toolchain lines) or GOTOOLCHAIN: a release name has three parts (go1.22.0); GOPROXY must serve golang.org/toolchain (go env GOPROXY)',
    source: 'cmd/go toolchain switch ("go: download %s for %s/%s: toolchain not available")',
    samples: ['go: download go1.22 for linux/amd64: toolchain not available', 'go: downloading go1.23 (linux/arm64)\ngo: download go1.23 for linux/arm64: toolchain not available'],
    counterSamples: ['go: downloading go1.22.0 (linux/amd64)'],
  }),
  sig({
    id: 'image.installer-no-build-for-platform',
    cause: 'image.platform-mismatch',
    // An installer that picks a prebuilt binary by the machine's target triple or architecture and has none for it.
    re: /there isn't a package for [\w.-]+|unsupported machine architecture \\?"\w+\\?"/,
    anchors: ["there isn't a package for", 'unsupported machine architecture'],
    confidence: 0.8,
    specificity: 94,
    check: 'uname -m and the libc (ldd --version: musl on Alpine): the project\'s release assets list the platforms it builds for; use an image of a supported platform or build from source',
    source: 'cargo-dist shell installers ("there isn\'t a package for %s"), bazelisk platforms.go ("unsupported machine architecture \\"%s\\", must be arm64 or x86_64")',
    samples: ["ERROR: there isn't a package for aarch64-unknown-linux-musl-dynamic", 'could not download Bazel: could not determine path segment to use for Bazel binary: unsupported machine architecture "arm", must be arm64 or x86_64'],
    counterSamples: ['unsupported architecture'],
  }),
  sig({
    id: 'image.rustup-invalid-toolchain-name',
    cause: 'image.invalid-reference',
    // rustup could not parse the toolchain named (a rust-toolchain file in TOML form read by an old rustup, a
    // channel with a typo).
    re: /invalid toolchain name:? '[^'\n]*'/,
    anchors: ['invalid toolchain name'],
    confidence: 0.8,
    specificity: 94,
    check: 'the toolchain named (rust-toolchain or rust-toolchain.toml, RUSTUP_TOOLCHAIN, +<toolchain>): stable, beta, nightly, a version or a dated channel; a rust-toolchain.toml needs rustup 1.23 or later',
    source: 'rustup ("invalid toolchain name: \'%s\'")',
    samples: ["error: invalid toolchain name: '[toolchain]'", "error: invalid toolchain name: 'stabel'"],
    counterSamples: ["error: toolchain 'stable-x86_64-unknown-linux-gnu' is not installed"],
  }),
  sig({
    id: 'registry.maven-transfer-not-authorized',
    cause: 'image.auth-missing',
    // Maven's wagon transport words a 401 as "Not authorized": the repository wants credentials that the settings.xml
    // <server> whose id matches the repository's id did not supply (none, or refused ones: the text does not tell).
    re: /could not (?:transfer|find) artifact [^\n]{0,400}?: not authorized\b/,
    anchors: ['not authorized'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['image.auth-rejected'],
    check: 'the <server> in ~/.m2/settings.xml (or the CI\'s settings file) whose <id> equals the repository\'s or mirror\'s id in the build: present, with a user and password the repository accepts (curl -u user:pass -I <repository url>/<path>.pom)',
    source: 'Maven wagon-http ("Not authorized", "Not authorized , ReasonPhrase:Unauthorized.") inside "Could not transfer artifact %s from/to %s (%s): %s"',
    samples: [
      'Could not transfer artifact org.acme:lib:pom:1.0 from/to nexus (http://nexus.lab:8081/repository/maven-public/): Not authorized -> [Help 1]',
      'Failed to read artifact descriptor for org.acme:lib:jar:1.0: Could not transfer artifact org.acme:lib:pom:1.0 from/to corp (https://repo.lab/maven2/): Not authorized , ReasonPhrase:Unauthorized.',
    ],
    counterSamples: ['Could not transfer artifact org.acme:lib:pom:1.0 from/to corp (https://repo.lab/maven2/): Transfer failed for https://repo.lab/maven2/org/acme/lib/1.0/lib-1.0.pom 503 Service Unavailable'],
  }),
];
