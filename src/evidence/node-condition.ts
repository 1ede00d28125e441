/**
 * The Node condition the agent writes (its verdict on the node) and live diagnose reads: shared by the
 * agent that writes it and the kube source that reads it, so neither imports the other.
 */
export const CONDITION_TYPE = 'FlannelDoctorHealthy';
/** Heartbeat: the condition is re-written at most (and, while the agent runs, at least) this often. */
export const HEARTBEAT_SECONDS = 60;
