/**
 * The checks of `preflight`: is a node or cluster ready to install or upgrade flannel? Rules with the
 * same contract as the diagnosis (src/rules/define-rule.ts), kept out of src/rules because on a
 * running cluster the diagnosis rules already judge these things with flannel's own state in view.
 * Two diagnosis rules are prerequisites as they stand and are reused.
 */
import type { Rule } from '../rules/define-rule.js';
import nodeBrNetfilter from '../rules/node/br-netfilter.js';
import nodeIpForward from '../rules/node/ip-forward.js';
import cniConflicts from './rules/cni-conflicts.js';
import cniDelegates from './rules/cni-delegates.js';
import podCidr from './rules/pod-cidr.js';
import underlayMtu from './rules/underlay-mtu.js';
import vxlanModule from './rules/vxlan-module.js';
import vxlanPortFirewall from './rules/vxlan-port-firewall.js';

export const PREFLIGHT_RULES: readonly Rule[] = [vxlanModule as Rule, nodeBrNetfilter as Rule, nodeIpForward as Rule, cniConflicts as Rule, cniDelegates as Rule, podCidr as Rule, vxlanPortFirewall as Rule, underlayMtu as Rule];
