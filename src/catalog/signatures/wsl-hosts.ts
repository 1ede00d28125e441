import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * WSL 2 as the node or the developer's host: its Linux side resolves through an address the Windows side serves
 * (10.255.255.254 with DNS tunneling, else the NAT gateway) and reaches proxies through Windows' settings, which
 * NAT mode cannot mirror when they point at the Windows host's localhost.
 */
export const WSL_HOST_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.wsl-tunneling-resolver',
    cause: 'dns.node-resolver',
    // 10.255.255.254 is WSL's own stub (DNS tunneling): refused or silent, every lookup on the distro fails there.
    re: /communications error to 10\.255\.255\.254#53: (connection refused|timed out)|10\.255\.255\.254#53[^\n]{0,40}(connection refused|timed out|no servers could be reached)/,
    anchors: ['10.255.255.254'],
    confidence: 0.8,
    specificity: 91,
    check: 'in the WSL distro: cat /etc/resolv.conf (generateResolvConf in /etc/wsl.conf) and, on Windows, .wslconfig\'s dnsTunneling and networkingMode; a VPN client on Windows often needs dnsTunneling=true or a resolv.conf of its own',
    source: 'dig/host inside WSL 2 with DNS tunneling (";; communications error to 10.255.255.254#53: connection refused")',
    samples: [
      ';; communications error to 10.255.255.254#53: connection refused\n;; communications error to 10.255.255.254#53: connection refused',
      ';; communications error to 10.255.255.254#53: timed out',
    ],
    counterSamples: [';; communications error to 10.96.0.10#53: timed out'],
  }),
  sig({
    id: 'registry.wsl-localhost-proxy-not-mirrored',
    cause: 'registry.proxy',
    // Windows' proxy on 127.0.0.1 is not reachable from a NAT-mode distro: WSL says so at start, and every pull through
    // the proxy it would have used then fails.
    re: /localhost proxy configuration was detected but not mirrored into wsl|wsl: 检测到 localhost 代理配置/,
    anchors: ['localhost proxy configuration was detected', 'wsl: '],
    confidence: 0.75,
    specificity: 90,
    check: '.wslconfig on Windows: networkingMode=mirrored (and autoProxy=true), or a proxy address the distro can reach (the Windows host\'s IP, not 127.0.0.1) in HTTP_PROXY/HTTPS_PROXY and the runtime\'s proxy settings',
    source: 'WSL (wsl.exe start-up: "A localhost proxy configuration was detected but not mirrored into WSL. WSL in NAT mode does not support localhost proxies.", and its translations)',
    samples: [
      'wsl: A localhost proxy configuration was detected but not mirrored into WSL. WSL in NAT mode does not support localhost proxies.',
      'wsl: 检测到 localhost 代理配置，但未镜像到 WSL。NAT 模式下的 WSL 不支持 localhost 代理。',
    ],
    counterSamples: ['wsl: networkingMode=mirrored'],
  }),
];
