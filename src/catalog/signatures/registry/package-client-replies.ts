import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Package clients' words for what answered them (Apache HttpClient's hostname check under Maven, npm's E403 without
 * the registry's own message), read from real runs against a loopback repository and proxy.
 */
export const PACKAGE_CLIENT_REPLY_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.httpclient-san-mismatch',
    cause: 'registry.tls-name-mismatch',
    // Apache HttpClient's DefaultHostnameVerifier (Maven's resolver transport, many JVM clients): the certificate was
    // trusted but names other hosts than the one dialled.
    re: /certificate for <[^>\s]+> doesn't match any of the subject alternative names: \[/,
    anchors: ["doesn't match any of the subject alternative names"],
    confidence: 0.9,
    specificity: 92,
    check: 'openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -ext subjectAltName: the URL\'s host must be among the names; use a name the certificate holds in the repository URL, or reissue the certificate with it',
    source: 'org.apache.http.conn.ssl.DefaultHostnameVerifier ("Certificate for <%s> doesn\'t match any of the subject alternative names: %s")',
    samples: [
      'transfer failed for https://maven.corp.example/repository/maven-public/org/apache/maven/plugins/maven-resources-plugin/2.6/maven-resources-plugin-2.6.pom: Certificate for <maven.corp.example> doesn\'t match any of the subject alternative names: [artifacts.internal.example, *.internal.example] -> [Help 1]',
      'javax.net.ssl.SSLPeerUnverifiedException: Certificate for <nexus.lab> doesn\'t match any of the subject alternative names: [registry.lab]',
    ],
    counterSamples: ['javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target'],
  }),
  sig({
    id: 'registry.npm-e403-bare',
    cause: 'unknown',
    // npm's E403 with nothing after the URL: the 403 carried no registry error message (a registry's JSON body adds
    // " - <message>" after the URL). An HTTPS proxy refusing the CONNECT is worded exactly so by npm, as is a WAF's or
    // an HTML-answering gateway's 403, so the registry's refusal and the proxy's are both open.
    re: /\bnpm (?:error|err!) 403 403 forbidden - get https?:\/\/\S+\s+(?:\S+z\s+)?npm (?:error|err!) 403 in most cases/,
    anchors: ['403 403 forbidden - get'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['image.auth-rejected', 'registry.proxy'],
    check: 'npm config get https-proxy and HTTPS_PROXY: through a proxy, curl -sv -x <proxy> <the URL> shows whether the CONNECT itself is refused (the proxy\'s policy); directly, a 403 is the registry refusing that user or package (npm whoami --registry <url>)',
    source: 'npm (npm-registry-fetch check-response: E403 "%d %s - %s %s" with the body\'s error message appended when there is one)',
    samples: [
      'npm error code E403\nnpm error 403 403 Forbidden - GET https://npm.corp.example/left-pad\nnpm error 403 In most cases, you or one of your dependencies are requesting a package version that is forbidden by your security policy, or on a server you do not have access to.',
      'npm ERR! 403 403 Forbidden - GET https://registry.npmjs.org/lodash\nnpm ERR! 403 In most cases, you or one of your dependencies are requesting',
    ],
    counterSamples: ['npm error 403 403 Forbidden - GET https://npm.corp.example/left-pad - Forbidden\nnpm error 403 In most cases, you or one of your dependencies are requesting'],
  }),
];
