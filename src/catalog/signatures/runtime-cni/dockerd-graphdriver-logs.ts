import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * dockerd's storage driver log lines written on its start path before the fatal "failed to start daemon: error
 * initializing graphdriver: …" (moby daemon/graphdriver). Read from dockerd 28.5.2 started with a bogus
 * storage-driver and with overlay2 over a data-root on overlayfs (issue 13).
 */
export const DOCKERD_GRAPHDRIVER_LOG_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.dockerd-getdriver-failed',
    cause: 'runtime.unavailable',
    // graphdriver.GetDriver logs this when the driver daemon.json or --storage-driver names cannot be had: no such
    // driver in this build, or its init refused the data-root (overlay2 on overlayfs or on a filesystem without
    // d_type). dockerd returns the error and stops: the engine does not come up.
    re: /failed to getdriver graph\\?"[^\n]{0,80}\bdriver=/,
    anchors: ['failed to getdriver graph'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'the storage-driver in /etc/docker/daemon.json (or --storage-driver in the unit): docker info on a working node lists the drivers this build has; df -T on the data-root (overlay2 needs ext4 or xfs with d_type, not overlayfs or NFS); the next journal line, "failed to start daemon: error initializing graphdriver: …", gives the reason',
    source: 'moby daemon/graphdriver driver.go GetDriver (log.G(ctx).WithField("driver", name).Error("Failed to GetDriver graph"))',
    samples: [
      'level=error msg="Failed to GetDriver graph" driver=bogus home-dir=/tmp/fd/rdocker-scratch/lab/d/root',
      'Dec 07 08:44:43 node-1 dockerd[1187]: time="2026-12-07T08:44:43.030726516Z" level=error msg="Failed to GetDriver graph" driver=overlay2 home-dir=/var/lib/docker',
    ],
    counterSamples: [
      'level=info msg="[graphdriver] trying configured driver: bogus"',
      'level=info msg="[graphdriver] using prior storage driver: overlay2"',
    ],
  }),
];
