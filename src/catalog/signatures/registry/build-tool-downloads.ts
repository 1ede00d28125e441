import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** Build tools fetching their dependencies inside image builds and CI: where the tool itself says why it failed. */
export const BUILD_TOOL_DOWNLOAD_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.bazel-ignored-proxy',
    cause: 'registry.proxy',
    // Bazel warns that it ignores an http_proxy it cannot parse (no scheme, a malformed URL) and then downloads
    // directly: on a network that only reaches the outside through the proxy, every mirror fails to resolve or connect.
    re: /warning: ignoring http_proxy in environment\.?[\s\S]{0,3000}?(unknown host|all mirrors are down|connect timed out|connection refused)/,
    anchors: ['ignoring http_proxy in environment'],
    confidence: 0.85,
    specificity: 92,
    check: 'echo $http_proxy $https_proxy: Bazel wants a full URL with its scheme (http://proxy.corp:3128); pass it to the build (--action_env, build args) and no_proxy for inside hosts',
    source: 'Bazel ProxyHelper ("ignoring http_proxy in environment") and HttpDownloader ("All mirrors are down")',
    samples: [
      'WARNING: ignoring http_proxy in environment.\nERROR: no such package \'@rules_closure//closure\': Error downloading [https://mirror.bazel.build/x.tar.gz] to /root/.cache/bazel/x.tar.gz: All mirrors are down: [Unknown host: mirror.bazel.build]',
      'WARNING: ignoring http_proxy in environment.\nERROR: Error downloading https://github.com/bazelbuild/rules_go/archive/v0.20.tar.gz: Unknown host: github.com',
    ],
    counterSamples: ['ERROR: Error downloading [https://mirror.bazel.build/x.tar.gz]: All mirrors are down: [Unknown host: mirror.bazel.build]'],
  }),
];
