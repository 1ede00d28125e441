import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * HashiCorp Vault's API answers as its Go client prints them ("Error making API request.\n\nURL: <method> <url>\nCode:
 * <status>. Errors:\n\n* <reason>"), read by the components that log in to it from pods (the CSI provider, the agent
 * injector, External Secrets): the status and Vault's own reason decide.
 */
export const VAULT_API_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.vault-sealed',
    cause: 'registry.server-error',
    // 503 with "Vault is sealed": the server is up but sealed (after a restart without auto-unseal), so every request
    // fails whatever the caller's credentials or network — the server's state, not the client's.
    re: /code: 503\. errors:\s*\*\s*vault is sealed/,
    anchors: ['vault is sealed'],
    confidence: 0.8,
    specificity: 95,
    check: 'vault status on the server (Sealed: true): unseal it (vault operator unseal, or the auto-unseal key/KMS it is configured with — its own log says why auto-unseal failed after the restart)',
    source: 'hashicorp/vault api/response.go ("Error making API request.", "URL: %s %s", "Code: %d. Errors:") and the server\'s ErrSealed ("Vault is sealed")',
    samples: [
      'Error writing data to auth/kubernetes/login: Error making API request.\n\nURL: PUT https://vault.vault:8200/v1/auth/kubernetes/login\nCode: 503. Errors:\n\n* Vault is sealed',
      'failed to login: Error making API request. URL: POST http://vault:8200/v1/auth/approle/login Code: 503. Errors: * Vault is sealed',
    ],
    counterSamples: ['error checking if vault is sealed: error checking status: Get http://vault:8200/v1/sys/seal-status: dial tcp 10.0.0.5:8200: i/o timeout'],
  }),
];
