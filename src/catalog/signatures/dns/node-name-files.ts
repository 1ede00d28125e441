import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The files a host's and a container's name resolution start from: /etc/hosts for the host's own name, the
 * resolv.conf a runtime copies into each container, and the loopback stub that copy may name. A name lookup
 * that fails because of them is the node's resolver, whatever program printed it.
 */
export const NODE_NAME_FILE_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.hostname-lookup-failure',
    cause: 'dns.node-resolver',
    // hostname -s, -f and -i resolve the host's own name through NSS: a name in neither /etc/hosts nor DNS fails
    // (after the resolver's timeouts), and so do kubeadm, the kubelet and agents that look up the node's name.
    re: /\bhostname: (?:host name lookup failure|name or service not known|temporary failure in name resolution|unknown host)/,
    anchors: ['hostname: host name lookup failure', 'hostname: name or service not known', 'hostname: temporary failure in name resolution', 'hostname: unknown host'],
    confidence: 0.85,
    specificity: 90,
    check: 'on that host: hostname, then getent hosts "$(hostname)" — no answer means the name is in neither /etc/hosts nor DNS; add it to /etc/hosts (127.0.1.1 or the node\'s address) or to the DNS zone',
    source: 'net-tools/inetutils hostname (gethostbyname of the own name: "Host name lookup failure"; glibc gai_strerror texts)',
    samples: ['$ hostname -f\nhostname: Name or service not known', 'gethostname()=`worker-3\'\nResolving `worker-3\' ...\nhostname: Host name lookup failure'],
    counterSamples: ['$ hostname -f\nworker-3.lab.internal'],
  }),
  sig({
    id: 'dns.container-resolv-conf-source-missing',
    cause: 'dns.node-resolver',
    // Podman and CRI-O build each container's resolv.conf from the host's (following /etc/resolv.conf's symlink
    // into /run): a target not there yet (NetworkManager or systemd-resolved not started) or unreadable stops the
    // container before it runs.
    re: /error creating resolv\.conf for container [^\n]{0,300}(?:no such file or directory|permission denied)/,
    anchors: ['creating resolv.conf for container'],
    confidence: 0.9,
    specificity: 92,
    check: 'on the host: ls -l /etc/resolv.conf and the file it points to (/run/systemd/resolve/resolv.conf, /run/NetworkManager/resolv.conf): the target must exist when containers start — order the unit after the service that writes it, or point /etc/resolv.conf at a file that is always there',
    source: 'containers/common libnetwork resolvconf (podman, CRI-O: "error creating resolv.conf for container %s: %w")',
    samples: [
      'Error: error creating resolv.conf for container 3f1c2d: open /run/systemd/resolve/stub-resolv.conf: no such file or directory',
      'level=error msg="unable to start container \\"9a8b\\": error creating resolv.conf for container 9a8b: lstat /run/NetworkManager/resolv.conf: no such file or directory"',
    ],
    counterSamples: ['Error: error creating container storage: the container name "web" is already in use'],
  }),
  sig({
    id: 'dns.container-loopback-stub',
    cause: 'dns.node-resolver',
    // A container whose resolv.conf names the host's systemd-resolved stub: 127.0.0.53 in the container's own
    // network namespace is its loopback, where nothing listens, so every lookup fails. The runtime copied the host's
    // stub file instead of the one with the real upstream servers.
    re: /(?:temporary failure in name resolution|could not resolve host|name or service not known|bad address|no such host|can't resolve)[\s\S]{0,600}nameserver 127\.0\.0\.53\b|nameserver 127\.0\.0\.53\b[\s\S]{0,600}(?:temporary failure in name resolution|could not resolve host|name or service not known|bad address|no such host|can't resolve)/,
    anchors: ['nameserver 127.0.0.53'],
    confidence: 0.7,
    specificity: 89,
    // Above an application's or nslookup's bare lookup failure (dns.client-lookup-failed, ambiguous.nslookup-no-answer):
    // the stub in the same paste says where it failed.
    alternatives: ['dns.upstream'],
    check: 'compare /etc/resolv.conf inside the container with /run/systemd/resolve/resolv.conf on the host: the runtime (dockerd, the kubelet\'s resolvConf) must be given the file with the real upstream servers, not the 127.0.0.53 stub',
    source: 'systemd-resolved stub resolver (127.0.0.53 on the host\'s loopback only); Docker and kubelet resolv.conf handling',
    samples: [
      'root@3c2a:/# apt-get update\nErr:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving \'deb.debian.org\'\nroot@3c2a:/# curl example.com\ncurl: (6) Could not resolve host: example.com\nroot@3c2a:/# cat /etc/resolv.conf\nnameserver 127.0.0.53\noptions edns0 trust-ad',
      '/ # cat /etc/resolv.conf\nnameserver 127.0.0.53\n/ # nslookup github.com\nnslookup: can\'t resolve \'github.com\'',
    ],
    counterSamples: ['$ cat /etc/resolv.conf\nnameserver 127.0.0.53\noptions edns0 trust-ad\nsearch lan'],
  }),
];
