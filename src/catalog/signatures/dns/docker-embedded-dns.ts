import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Docker Engine's embedded DNS (127.0.0.11 in every container on a user-defined network) and the DNS settings the
 * docker CLI warns about, as dockerd 28.5.2 and the docker CLI 28.2.2 printed them with the fault built on purpose:
 * --dns and daemon.json "dns" naming a dead or closed server, the host's resolv.conf naming only a loopback stub
 * (issue 13). The embedded DNS answers container names itself and forwards everything else to its "external"
 * servers (the "# ExtServers:" line of the container's /etc/resolv.conf): the host's nameservers, or --dns /
 * daemon.json "dns" when set. A forward that fails is logged by dockerd and reaches the container as SERVFAIL or
 * as no answer at all.
 */
export const DOCKER_EMBEDDED_DNS_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.docker-resolver-forward-failed',
    cause: 'dns.upstream',
    // The resolver names the server it forwarded to: a routable (non-loopback) address that answered ICMP port
    // unreachable ("read: connection refused": a host there, no DNS server on :53), gave no answer ("i/o timeout")
    // or had no route. The server is the embedded DNS's upstream; whether that is the host's own nameserver or a
    // --dns / daemon.json "dns" setting is in the container's resolv.conf, not in this line. The loopback case is
    // dns.docker-resolver-host-nameserver (the host's stub resolver). The upstream is often itself a container on
    // a Docker network (a CoreDNS-based DNS container such as Home Assistant's, Pi-hole): one that is down or
    // restarting gives the same timeout.
    re: /\[resolver\] failed to query external dns server[^\n]{0,200}?dns-server=\\?"?(udp|tcp):(?!127\.)[0-9a-f.:[\]]+:53\b[^\n]{0,200}?(connection refused|i\/o timeout|no route to host|network is unreachable)/,
    anchors: ['failed to query external dns server'],
    confidence: 0.75,
    specificity: 96,
    alternatives: ['dns.node-resolver', 'dns.coredns-down'],
    check: 'docker exec <container> cat /etc/resolv.conf: "# ExtServers: [host(…)]" are the host\'s nameservers (cat /etc/resolv.conf on the host), plain addresses come from --dns or "dns" in /etc/docker/daemon.json; dig @<that server> <name> from the host shows whether it answers at all; a server address on a Docker network is a DNS container (docker ps: is it running?)',
    source: 'moby libnetwork resolver.go forwardExtDNS ("[resolver] failed to query external DNS server", fields client-addr, dns-server, error, question)',
    samples: [
      'level=error msg="[resolver] failed to query external DNS server" client-addr="udp:172.18.0.3:33366" dns-server="udp:10.77.0.1:53" error="read udp 172.18.0.3:33366->10.77.0.1:53: read: connection refused" question=";web.lab.\\tIN\\t A"',
      'time="2026-12-07T09:16:12.383089634Z" level=error msg="[resolver] failed to query external DNS server" client-addr="udp:172.18.0.3:52327" dns-server="udp:10.77.0.9:53" error="read udp 172.18.0.3:52327->10.77.0.9:53: i/o timeout" question=";web.lab.corp.lab.\\tIN\\t AAAA"',
    ],
    counterSamples: [
      'level=error msg="[resolver] failed to query external DNS server" client-addr="udp:127.0.0.1:50110" dns-server="udp:127.0.0.53:53" error="read udp 127.0.0.1:50110->127.0.0.53:53: read: connection refused" question=";web.lab.\\tIN\\t A"',
    ],
  }),
  sig({
    id: 'dns.docker-cli-localhost-dns',
    cause: 'dns.node-resolver',
    // docker run warns when --dns names a loopback address: a container has its own loopback, so on the default
    // bridge the server written into its resolv.conf is not the host's (nothing answers), and on a user-defined
    // network the embedded DNS forwards it from the host's namespace (it works only if the host runs a server
    // there). With --network host it is the host's loopback and may work: the warning alone does not say it failed.
    re: /warning: localhost dns \([^)\n]*\) may fail in containers/,
    anchors: ['may fail in containers'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['dns.upstream'],
    check: 'docker exec <container> cat /etc/resolv.conf: a 127.x nameserver (default bridge) has nothing behind it inside the container; give --dns a routable address of the host\'s resolver (or drop --dns to use the host\'s resolv.conf)',
    source: 'docker CLI opts/container validation of --dns (warning "Localhost DNS (%s) may fail in containers.")',
    samples: [
      'WARNING: Localhost DNS (127.0.0.1) may fail in containers.',
      'WARNING: Localhost DNS (127.0.0.53) may fail in containers.',
    ],
    counterSamples: ['WARNING: Published ports are discarded when using host network mode'],
  }),
];
