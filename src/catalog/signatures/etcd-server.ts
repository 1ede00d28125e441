import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * etcd's own state as its server logs it and its clients relay it (the API server, kubectl, flannel in etcd mode): no
 * cause of the list, so `unknown` with the check that tells where etcd stands. Records beside the failure, so a
 * paste's other record with a cause speaks for it.
 */
export const ETCD_SERVER_SIGNATURES: Signature[] = [
  sig({
    id: 'etcd.quota-nospace',
    cause: 'unknown',
    // The backend passed --quota-backend-bytes: etcd raises the NOSPACE alarm and refuses every write until the
    // history is compacted and defragmented and the alarm cleared; the disk itself may have room.
    re: /mvcc: database space exceeded|alarm:nospace|"alarm":"nospace"|serving \/health false due to an alarm/,
    anchors: ['database space exceeded', 'alarm:nospace', '"alarm":"nospace"', 'due to an alarm'],
    confidence: 0.4,
    specificity: 60,
    recordOnly: true,
    alternatives: ['image.disk-full'],
    check: 'etcdctl endpoint status -w table (DB SIZE against the member\'s --quota-backend-bytes, 2 GiB by default) and etcdctl alarm list: a NOSPACE alarm is the quota, not the disk (df -h /var/lib/etcd tells them apart)',
    source: 'etcd api/v3rpc/rpctypes ErrGRPCNoSpace ("etcdserver: mvcc: database space exceeded"), server/etcdserver alarm NOSPACE, etcdhttp/health.go ("serving /health false due to an alarm")',
    samples: [
      'Error from server (InternalError): Internal error occurred: etcdserver: mvcc: database space exceeded',
      '{"level":"warn","ts":"2026-11-03T07:49:33.000Z","caller":"etcdhttp/health.go:232","msg":"serving /health false due to an alarm","alarm":"memberID:10276657743932975437 alarm:NOSPACE "}',
      'memberID:10276657743932975437 alarm:NOSPACE',
    ],
    counterSamples: ['write /var/lib/containerd/tmpmounts/x: no space left on device'],
  }),
  sig({
    id: 'etcd.slow-or-leaderless',
    cause: 'unknown',
    // etcd's raft loop and WAL warn when a write or heartbeat takes longer than its budget (a slow disk under
    // /var/lib/etcd, a busy node, or a slow path between members), and its clients get "request timed out",
    // "leader changed" or "no leader" while the members re-elect: where etcd runs, not a cause of this list.
    re: /apply request took too long|failed to send out heartbeat on time|"slow fdatasync"|waiting for readindex response took too long|timed out waiting for read index response|wal: sync duration of|etcdserver: (request timed out|leader changed|no leader)\b/,
    anchors: ['apply request took too long', 'heartbeat on time', 'slow fdatasync', 'readindex response took too long', 'waiting for read index response', 'wal: sync duration', 'etcdserver: request timed out', 'etcdserver: leader changed', 'etcdserver: no leader'],
    confidence: 0.4,
    specificity: 60,
    recordOnly: true,
    alternatives: ['node.underlay-latency', 'node.packet-loss'],
    check: "etcd's metrics (etcd_disk_wal_fsync_duration_seconds and etcd_disk_backend_commit_duration_seconds p99 under 10 ms and 25 ms; etcd_server_leader_changes_seen_total) and etcdctl endpoint status -w table on every member: slow fsync is the disk under /var/lib/etcd, frequent leader changes the path between members",
    source: 'etcd server/etcdserver/raft.go ("leader failed to send out heartbeat on time"), txn/util.go ("apply request took too long"), storage/wal/wal.go ("slow fdatasync"), v3_server.go (read index); rpctypes ErrTimeout, ErrLeaderChanged, ErrNoLeader',
    samples: [
      '{"level":"warn","ts":"2026-11-03T07:44:50.001Z","caller":"etcdserver/raft.go:416","msg":"leader failed to send out heartbeat on time; took too long, leader is overloaded likely from slow disk","to":"4c8a1f2e3d","heartbeat-interval":"100ms","expected-duration":"200ms","exceeded-duration":"1.38s"}',
      '{"level":"warn","ts":"2026-11-03T07:44:49.500Z","caller":"wal/wal.go:805","msg":"slow fdatasync","took":"2.118s","expected-duration":"1s"}',
      'Error from server: etcdserver: request timed out',
      'E1103 07:46:21.000000       1 leaderelection.go:429] Failed to update lock: etcdserver: leader changed',
    ],
    counterSamples: ['Error: etcdserver: request is too large', 'Error from server (Timeout): the server was unable to return a response in the time allotted'],
  }),
];
