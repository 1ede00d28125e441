import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Docker Engine's port publishing (docker run -p): the bridge driver reserves the host port in its port allocator
 * and binds it (itself, or through docker-proxy when the userland proxy is on) before the container starts. Read
 * from dockerd 28.5.2 and the docker CLI 28.2.2 with the host port held on purpose (issue 13). No cause id names a
 * host port conflict: these answer `unknown` with the check that finds the holder. The container does not start;
 * when it is a kind or minikube node, or a runtime's own helper, what the user sees is the runtime down
 * (runtime.unavailable as the alternative).
 */
export const DOCKER_PORT_PUBLISHING_SIGNATURES: Signature[] = [
  sig({
    id: 'docker.published-port-allocated',
    cause: 'unknown',
    // "Bind for <ip>:<port> failed: port is already allocated" comes from dockerd's own port allocator: another
    // container (running, or created and holding its reservation) already publishes that host port. It is said
    // before any socket is opened, so a host process cannot cause it.
    re: /bind for [^\s]+ failed: port is already allocated/,
    anchors: ['port is already allocated'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['runtime.unavailable'],
    check: 'docker ps -a --filter publish=<port> names the container that holds the host port: stop it, or publish another host port (-p <other>:<container port>)',
    source: 'moby libnetwork portallocator (ErrPortAlreadyAllocated "Bind for %s:%d failed: port is already allocated"), bridge driver "driver failed programming external connectivity on endpoint %s (%s): %v"',
    samples: [
      'docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint vigilant_grothendieck (677b22cfba72b339037ce86979227eb3e174e1efb05cc45d42c95217cd406b3a): Bind for 0.0.0.0:8080 failed: port is already allocated',
      'level=warning msg="Failed to allocate and map port" eid=e6582a751ba3 ep=xenodochial_curran error="Bind for 0.0.0.0:8080 failed: port is already allocated" net=bridge nid=6d88720bc5c7',
    ],
    counterSamples: [
      'docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint agitated_swirles (d474746040cc): failed to bind host port for 0.0.0.0:9090:172.17.0.3:80/tcp: address already in use',
    ],
  }),
  sig({
    id: 'docker.published-port-bind-failed',
    cause: 'unknown',
    // dockerd 28 binds a published host port itself ("failed to bind host port for <host ip>:<port>:<container
    // ip>:<port>/<proto>") and passes the socket to docker-proxy or keeps it: the kernel's errno follows. "address
    // already in use" is a process outside Docker on that port; "cannot assign requested address" is a -p host IP
    // the host does not have (a typo, or an address that has moved).
    re: /failed to bind host port for [^\s]+: (address already in use|cannot assign requested address)/,
    anchors: ['failed to bind host port for'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['runtime.unavailable'],
    check: 'the errno at the end: "address already in use" → ss -ltnp \'sport = :<port>\' names the host process on the port; "cannot assign requested address" → ip -br addr shows whether the host has the -p address',
    source: 'moby libnetwork portmapper / bridge driver port binding ("failed to bind host port for %s: %w")',
    samples: [
      'docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint agitated_swirles (d474746040cc6459fecb8209bc698bd6d452913f512340b382804d769beb4cdb): failed to bind host port for 0.0.0.0:9090:172.17.0.3:80/tcp: address already in use',
      'level=warning msg="Failed to allocate and map port" eid=9ad7cb0489f3 ep=stupefied_hodgkin error="failed to bind host port for 10.9.9.9:8082:172.17.0.3:80/tcp: cannot assign requested address" net=bridge nid=6d88720bc5c7',
    ],
    counterSamples: [
      'docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint vigilant_grothendieck (677b22cfba72): Bind for 0.0.0.0:8080 failed: port is already allocated',
    ],
  }),
  sig({
    id: 'docker.userland-proxy-start-failed',
    cause: 'unknown',
    // With the userland proxy on, dockerd starts the docker-proxy binary for every published port and waits for it
    // to report ready; anything that makes it exit before that gives this one text: a binary that is not the
    // matching docker-proxy (a stale or other version's build, a stand-in — what was built here), a security
    // module or seccomp profile stopping it, a failure inside it. The text says the proxy did not start, not why:
    // dockerd's log and docker-proxy run by hand tell. (A missing binary is refused earlier, at daemon start:
    // "invalid userland-proxy-path".)
    re: /failed to start userland proxy for port mapping [^\n]{0,200}?failed to start docker-proxy, check that the current version is in your \$path/,
    anchors: ['failed to start docker-proxy'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['runtime.unavailable'],
    check: 'dockerd --help / daemon.json "userland-proxy-path" and the docker-proxy it names: run it by hand (docker-proxy --help) and compare its version with dockerd\'s; journalctl -u docker and the audit log (SELinux/AppArmor denials of docker-proxy); or set "userland-proxy": false',
    source: 'moby libnetwork portmapper proxy start ("failed to start docker-proxy, check that the current version is in your $PATH"), bridge driver "failed to start userland proxy for port mapping %s: %w"',
    samples: [
      'docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint priceless_leavitt (52658b5fd896709f7e2eb0b9cf66b3478630949875fa27af2b7a637accf6b36a): failed to start userland proxy for port mapping 0.0.0.0:8085:10.98.0.2:80/tcp: failed to start docker-proxy, check that the current version is in your $PATH',
      'failed to start userland proxy for port mapping 0.0.0.0:8085:10.98.0.2:80/tcp: failed to start docker-proxy, check that the current version is in your $PATH',
    ],
    counterSamples: [
      'unable to configure the Docker daemon with file /etc/docker/daemon.json: merged configuration validation from file and command line flags failed: invalid userland-proxy-path: userland-proxy is enabled, but userland-proxy-path is not set',
    ],
  }),
];
