import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** What every clock signature presents: the cause is the clock (its id names certificates, whose validity a clock decides). */
const CLOCK_SUBJECT = {
  title: 'A node\'s clock is wrong or not synchronised',
  explanation:
    'The component refuses to go on because its clock is off: far from its peers\', or not set at all (a board without a real-time clock boots in 1970 until NTP answers). Certificates then look expired or not yet valid too, and leases and tokens misbehave.',
  fix: [
    'Check the clock on every node: date -u, and timedatectl (System clock synchronized: yes).',
    'Run a time service and let it reach its servers (chronyd or systemd-timesyncd; UDP 123 open towards them), or step the clock once (chronyc makestep) before starting the component again.',
    'On boards without a real-time clock, start the cluster\'s services only after the time is synchronised (systemd: After=time-sync.target with systemd-time-wait-sync enabled).',
  ],
  verify: ['timedatectl show -p NTPSynchronized --value'],
};

/**
 * Components that check the clock themselves and refuse to run while it is wrong. The cause id is the TLS one
 * whose second half is the clock: the same skew is what makes certificates look expired or not yet valid.
 */
export const CLOCK_SIGNATURES: Signature[] = [
  sig({
    id: 'clock.etcd-peer-skew',
    cause: 'registry.tls-expired-or-clock',
    // etcd's rafthttp prober compares its clock with each peer's and warns past one second: leader elections and
    // leases misbehave, and certificates between the members can look out of their validity.
    re: /the clock difference against peer \S+ is too high|prober found high clock drift/,
    anchors: ['clock difference against peer', 'prober found high clock drift'],
    confidence: 0.8,
    specificity: 85,
    alternatives: ['node.not-ready'],
    check: 'date -u on every etcd member (and chronyc tracking or timedatectl): the members\' clocks must agree within a second',
    source: 'etcd rafthttp probing (3.3: "the clock difference against peer %s is too high [%v > %v]"; 3.4 on: "prober found high clock drift")',
    samples: [
      '2019-04-15 08:52:04.876740 W | rafthttp: the clock difference against peer 25b94689aa475203 is too high [1.068029616s > 1s] (prober "ROUND_TRIPPER_SNAPSHOT")',
      '{"level":"warn","ts":"2023-05-02T10:00:01.000Z","caller":"rafthttp/probing_status.go:82","msg":"prober found high clock drift","round-tripper-name":"ROUND_TRIPPER_RAFT_MESSAGE","remote-peer-id":"8e9e05c52164694d","clock-drift":"5.1s","rtt":"1.2ms"}',
    ],
    counterSamples: ['rafthttp: peer 25b94689aa475203 became active'],
    subject: CLOCK_SUBJECT,
  }),
  sig({
    id: 'clock.not-synchronised',
    cause: 'registry.tls-expired-or-clock',
    // Talos waits for its time service before bootstrapping etcd; k3s refuses to start on a clock that was never set
    // (the epoch, on boards without a real-time clock): both name the clock and nothing else.
    re: /time is not in sync yet|server time isn't set properly/,
    anchors: ['time is not in sync yet', "server time isn't set properly"],
    confidence: 0.8,
    specificity: 85,
    check: 'date -u and timedatectl on that node: is the clock set and synchronised? then whether it reaches its NTP servers (UDP 123)',
    source: 'Talos machined ("time is not in sync yet"), k3s server start-up ("server time isn\'t set properly")',
    samples: [
      'error executing bootstrap: 1 error occurred:\n        * 10.0.0.2: rpc error: code = FailedPrecondition desc = time is not in sync yet',
      "FATA[1970-01-01T00:51:44.169221723Z] server time isn't set properly: 1970-01-01 00:51:44.168967964 +0000 UTC m=+1.411071037",
    ],
    counterSamples: ['rpc error: code = FailedPrecondition desc = etcd is not running'],
    subject: CLOCK_SUBJECT,
  }),
  sig({
    id: 'clock.behind-signed-metadata',
    cause: 'registry.tls-expired-or-clock',
    // Signed data stamped in the client's future: apt's Release file "not valid yet", a cloud API refusing a request
    // signed at a time too far from its own (AWS's RequestTimeTooSkewed and "Signature expired … is now earlier than",
    // Google's OAuth refusing a JWT outside "a reasonable timeframe", S3 and S3-compatible storage under a registry
    // answering the same skew, gpg finding a key created in its future, Kerberos/Windows authentication refusing a clock
    // more than five minutes off). Only the client's clock explains them.
    re: /release file for \S+ is not valid yet|requesttimetooskewed|the difference between the request time and the current time is too large|gpg: key \S+ was created \d+ (?:seconds?|minutes?|hours?|days?) in the future \(time warp or clock problem\)|clock may be out of sync with the server time by more than five minutes|signature expired: \d{8}t\d{6}z is now earlier than|token must be a short-lived token \(60 minutes\) and in a reasonable timeframe/,
    anchors: ['is not valid yet', 'requesttimetooskewed', 'difference between the request time', 'time warp or clock problem', 'clock may be out of sync', 'is now earlier than', 'in a reasonable timeframe'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['image.auth-rejected'],
    check: 'date -u on the machine that made the request against a trusted clock (timedatectl: System clock synchronized?); a node whose clock is off signs requests and checks validity at the wrong time',
    source: 'apt (Release file "is not valid yet (invalid for another …)"), AWS SigV4 (RequestTimeTooSkewed, "Signature expired"), Google OAuth2 JWT grant (invalid_grant on iat/exp)',
    samples: [
      'E: Release file for http://deb.debian.org/debian/dists/bookworm-updates/InRelease is not valid yet (invalid for another 2d 3h 45min 12s). Updates for this repository will not be applied.',
      'An error occurred (RequestTimeTooSkewed) when calling the GetAuthorizationToken operation: The difference between the request time and the current time is too large.',
      'Signature expired: 20230101T000000Z is now earlier than 20230101T001500Z (20230101T003000Z - 15 min.)',
      'invalid_grant: Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
      'level=error msg="response completed with error" err.code=unknown err.message="The difference between the request time and the current time is too large." http.request.method=PUT',
      'gpg: key 6E1A2B3C4D5E6F70 was created 19876 days in the future (time warp or clock problem)',
      'The local machine\'s clock may be out of sync with the server time by more than five minutes. Please sync your clock with your domain or internet time and try again.',
    ],
    counterSamples: ['error: invalid_grant: Bad Request', 'E: The repository \'http://deb.example.org stable Release\' does not have a Release file.'],
    subject: CLOCK_SUBJECT,
  }),
];
