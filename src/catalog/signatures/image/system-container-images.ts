import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Images of system-container managers: LXD and Incus pull instance images from simplestreams servers
 * (images.linuxcontainers.org, cloud-images.ubuntu.com and their mirrors), systemd's importd pulls for
 * machinectl. A name that is not on the server, a server whose index names files it does not serve, and a
 * name the importer refuses are the same failures as a registry's missing tag, broken mirror and bad reference.
 */
export const SYSTEM_CONTAINER_IMAGE_SIGNATURES: Signature[] = [
  sig({
    id: 'image.lxd-image-not-found',
    cause: 'image.not-found',
    // LXD and Incus answer this when no alias or fingerprint on the remote matches the name for the wanted
    // architecture and type (container or --vm): a release the server no longer lists, or a typo.
    re: /the requested image couldn'?t be found/,
    anchors: ["the requested image couldn't be found", 'the requested image couldnt be found'],
    confidence: 0.9,
    specificity: 92,
    check: 'list what the remote offers: incus image list <remote>: <name> (lxc image list <remote>: <name> for LXD), with type=virtual-machine for --vm; an alias missing there (an end-of-life release is dropped from the server) is this',
    source: 'LXD/Incus image server lookups (api.StatusErrorf(http.StatusNotFound, "The requested image couldn\'t be found"))',
    samples: [
      'lxc launch ubuntu:18.10 web1\nCreating web1\nError: Failed instance creation: The requested image couldn\'t be found',
      'incus launch images:centos/8 c8 --vm\nLaunching c8\nError: Failed instance creation: Failed getting remote image info: Failed getting image: The requested image couldn\'t be found',
    ],
    counterSamples: ['Error: Failed instance creation: Failed creating instance record: Instance type "c2-m4" not found'],
  }),
  sig({
    id: 'registry.simplestreams-file-missing',
    cause: 'registry.mirror-misconfigured',
    // The simplestreams index lists the image, then the file it names is not on the server: the index and the
    // files disagree, as on a mirror caught between syncs (the official servers publish both together).
    re: /invalid simplestreams source: got 404 looking for|unable to fetch https?:\/\/\S+\/(?:lxc-)?images\/\S+\.(?:tar\.xz|squashfs|qcow2|img)\b[^\n]{0,20}: (?:resource not found|not found|404)/,
    anchors: ['invalid simplestreams source', 'unable to fetch http'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['image.not-found', 'registry.server-error'],
    check: 'fetch the index and the file it names from the same remote (curl -sI <remote>/streams/v1/images.json, then the path in the error): a file missing beside an index that lists it is a mirror out of sync — use the upstream remote (images.linuxcontainers.org) or wait for the mirror\'s next sync',
    source: 'LXD/Incus simplestreams client (downloads of the files an index names: "invalid simplestreams source: got %d looking for %s", "Unable to fetch %s: %w")',
    samples: [
      '$ lxc launch mirror:debian/12 d12\nCreating d12\nerror: invalid simplestreams source: got 404 looking for images/debian/bookworm/amd64/default/20240101_05:24/lxd.tar.xz',
      'Error: Failed instance creation: Unable to fetch https://mirror.example.org/lxc-images/images/alpine/3.19/amd64/default/20240601_13:00/incus.tar.xz: resource not found',
    ],
    counterSamples: ['Error: Failed instance creation: Unable to fetch https://images.example.org/streams/v1/index.json: context deadline exceeded'],
  }),
  sig({
    id: 'image.machinectl-dkr-name-invalid',
    cause: 'image.invalid-reference',
    // importd's pull-dkr takes only a namespaced name (library/debian); a bare name is refused before any request.
    re: /dkr name '[^'\n]{1,200}' is invalid/,
    anchors: ['dkr name'],
    confidence: 0.9,
    specificity: 95,
    check: 'give the repository with its namespace: machinectl pull-dkr library/<name> (Docker Hub\'s official images live under library/)',
    source: 'systemd importd pull-dkr (dkr_name_is_valid: "DKR name \'%s\' is invalid.")',
    samples: ["$ machinectl pull-dkr --verify=no ubuntu\nDKR name 'ubuntu' is invalid.", "DKR name 'nginx:latest' is invalid."],
    counterSamples: ["Pulling 'library/debian' with tag 'latest'."],
  }),
];
