import type { FixStepSource } from './fix-types.js';

/** The three tiers of the layered method: where a fault lives, not where it shows. */
export type Tier = 'application' | 'network' | 'infrastructure';

export const TIER_ORDER: readonly Tier[] = ['infrastructure', 'network', 'application'];

/** One canonical root cause (see shared/causes.md). Ids are a public interface: never rename. */
export interface Cause {
  id: string;
  tier: Tier;
  title: string;
  /** What is wrong and why it produces the symptoms, in a few sentences. */
  explanation: string;
  /** Ordered fix steps (./fix-types.ts); {placeholders} (./fix-variables.ts) are filled from the finding. */
  fix: FixStepSource[];
  /** Commands that confirm the diagnosis by hand; {placeholders} as in fix. */
  verify?: string[];
  /** Where to read more (facts.md sections, upstream docs). */
  docs?: string[];
  /** Causes this one can produce as symptoms (correlation folds them under it when scopes overlap). */
  explains?: string[];
  /**
   * Why the lab has no fault for this cause (lab/faults/<id>.ts). Every cause has a fault or this
   * written reason; test/catalog-check.test.ts holds the catalog to it.
   */
  noLabFault?: string;
}

/**
 * A message signature: a pattern for one error text with the cause it names.
 * `specificity` ranks overlapping matches: wrapped messages are judged by the innermost meaningful cause.
 */
export interface Signature {
  id: string;
  /**
   * The cause id this text names, or 'unknown' for a text that is recognised but does not name a
   * cause by itself (a probe failure, the API server unreachable): it outranks the generic transport
   * signatures inside it so that `explain` answers an honest unknown, with `alternatives` as hints.
   */
  cause: string;
  /** Case-insensitive regular expression source. */
  pattern: string;
  /** Lower-case literals of which at least one must occur (cheap pre-filter before the regex). */
  anchors: string[];
  /**
   * Lower-case literals of which at least one must occur as well as an anchor: a second literal every branch of
   * the pattern requires, for a pattern whose anchors are common words (the pre-filter's automaton finds both in
   * its one pass; the regex runs only where both are).
   */
  also?: string[];
  /** 0..1: how sure a match alone makes us. */
  confidence: number;
  /** Higher wins when several signatures match one message. */
  specificity: number;
  /** Lines that must match this signature (and be classified as `cause`). */
  samples: string[];
  /** Lines that must not match this signature. */
  counterSamples: string[];
  /** Where the text comes from (facts.md section or source file). */
  source: string;
  /** Other causes that fit the same text, shown as alternatives. */
  alternatives?: string[];
  /**
   * For a text that fits several causes: the one check that decides between them (a file, command or
   * field to look at). `explain` shows it whenever its answer is not sure (confidence below 0.9).
   */
  check?: string;
  /**
   * For a text whose cause is read by its mechanism from another server than the cause's own (the Kubernetes
   * API's certificate read as the TLS cause a registry's would be): what `explain` shows instead of the cause's
   * title, meaning, fix and confirm lines, so the fix names that server and not a registry.
   */
  subject?: SignatureSubject;
  /**
   * For a text a component prints beside the failure rather than as it (cAdvisor probing runtimes the node does not
   * run, the kubelet's nameserver-limits warning): it speaks for its own log records only, so in a paste of several
   * records another record's cause wins over it; alone, its own answer stands. Without it a signature speaks for the
   * whole text.
   */
  recordOnly?: boolean;
  /**
   * For a text that reports a consequence (flannel's subnet.env absent, no CNI config loaded): the causes that
   * explain it. In a paste of several lines, a hit on another line naming one of them wins over this one: the
   * paste shows why (flanneld forbidden to list nodes, its pod in Init:ImagePullBackOff).
   */
  explainedBy?: string[];
}

export interface SignatureSubject {
  title: string;
  explanation: string;
  fix: string[];
  verify?: string[];
  /** Where to read more; the cause's own list is about its own server, so it is not carried over. */
  docs?: string[];
}

export interface Classification {
  message: string;
  cause: string; // a cause id or 'unknown'
  confidence: number;
  signature?: string;
  /** The matched fragment, for evidence. */
  matched?: string;
  alternatives: { cause: string; confidence: number; signature: string }[];
  /** When the answer is not sure (confidence below 0.9, or unknown): the check that decides. */
  check?: string;
}
