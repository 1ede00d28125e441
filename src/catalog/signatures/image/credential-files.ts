import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Credentials that exist but do not parse or lack what the reader wants: a client's Docker config file, an
 * installer's pull-secret field, a Secret without the key a controller reads. The pull that follows goes without them.
 */
export const CREDENTIAL_FILE_SIGNATURES: Signature[] = [
  sig({
    id: 'docker.config-file-unparsable',
    cause: 'image.pullsecret-malformed',
    // The Docker CLI reads ~/.docker/config.json before every command and, when it is empty or cut (a disk filled
    // while it was written, a copy that truncated it), warns and goes on with no credentials at all.
    re: /error loading config file:? ?[^\n]{0,160}?(- |: )?(eof|unexpected end of json input|invalid character|cannot unmarshal)/,
    anchors: ['error loading config file'],
    confidence: 0.7,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'cat ~/.docker/config.json (or the file named, /root/.docker/config.json for root and CI): empty or cut JSON — rewrite it as {"auths": {}} and docker login again',
    source: 'docker CLI config loading (cli/config: "WARNING: Error loading config file: %v")',
    samples: [
      'WARNING: Error loading config file: /root/.docker/config.json: EOF',
      'WARNING: Error loading config file:C:\\Users\\ci\\.docker\\config.json - EOF',
      'WARNING: Error loading config file: /home/ci/.docker/config.json: invalid character \'}\' looking for beginning of object key string',
    ],
    counterSamples: ['WARNING: Error loading config file: /home/ci/.docker/config.json: open /home/ci/.docker/config.json: permission denied'],
  }),
  sig({
    id: 'openshift.install-config-pull-secret-invalid',
    cause: 'image.pullsecret-malformed',
    // openshift-install parses install-config.yaml's pullSecret as Docker config JSON ({"auths": {host: {auth}}}).
    // Secret redaction takes the word after "pullSecret:" for a value ("pullSecret: <redacted> value: …").
    re: /pullsecret: (invalid|<redacted>) value: [^\n]{0,300}?(json: |unexpected end of json input|invalid character)/,
    anchors: ['pullsecret: invalid value', 'pullsecret: <redacted> value'],
    confidence: 0.85,
    specificity: 92,
    check: 'the pullSecret in install-config.yaml: one line of JSON as downloaded from console.redhat.com ({"auths": {"<registry host>": {"auth": "…", "email": "…"}}}), in single quotes, not a file name or a placeholder',
    source: 'openshift installer install-config validation (pullSecret: "Invalid value")',
    samples: [
      'FATAL failed to fetch Master Machines: failed to load asset "Install Config": invalid "install-config.yaml" file: pullSecret: Invalid value: "": unexpected end of JSON input',
      'invalid "install-config.yaml" file: pullSecret: Invalid value: "false": json: cannot unmarshal bool into Go value of type validate.imagePullSecret',
    ],
    counterSamples: ['invalid "install-config.yaml" file: platform.vsphere.vcenters: Required value: must include at least one vCenter'],
  }),
  sig({
    id: 'image-updater.secret-field-missing',
    cause: 'image.pullsecret-malformed',
    // Argo CD Image Updater's pullsecret:<ns>/<name> reads the .dockerconfigjson key (or the field named after #):
    // a Secret of another type or with another key holds no credentials for it.
    re: /could not fetch secret '[^'\n]+' from namespace '[^'\n]+'[^\n]{0,120}does not have a field '[^'\n]+'/,
    anchors: ['does not have a field'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['image.pullsecret-missing'],
    check: 'kubectl get secret <name> -n <namespace> -o jsonpath=\'{.data}\' | jq keys: the credentials setting (pullsecret:<ns>/<name>, or secret:<ns>/<name>#<field>) must name a key the Secret has (.dockerconfigjson for a docker-registry Secret)',
    source: 'argocd-image-updater registry credentials ("could not fetch secret %s from namespace %s (field: %s)")',
    samples: [
      "level=error msg=\"Could not set registry endpoint credentials: could not fetch secret 'git-creds' from namespace 'argocd' (field: 'data'): secret 'argocd/git-creds' does not have a field 'data'\"",
      "could not fetch secret 'regcred' from namespace 'apps' (field: '.dockerconfigjson'): secret 'apps/regcred' does not have a field '.dockerconfigjson'",
    ],
    counterSamples: ["could not fetch secret 'regcred' from namespace 'apps': secrets \"regcred\" not found"],
  }),
];
