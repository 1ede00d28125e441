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
    // The same for the other readers of such files: the newer CLI ("Error parsing config file"), containers/image's
    // auth.json (Podman, CRI-O reading the node's /var/lib/kubelet/config.json), the kubelet's own node credentials,
    // Docker's DOCKER_AUTH_CONFIG. (Secret redaction reads the words after "password:" as values: "<redacted> JSON at".)
    re: /error (loading|parsing) config file:? ?[^\n]{0,160}?(- |: )?(eof|unexpected eof|unexpected end of json input|invalid character|cannot unmarshal)|(unmarshaling|<redacted>) json at \\?"[^"\n]+\\?": (unexpected end of json input|invalid character|<redacted> (end of json input|character))|while trying to read \S+(config\.json|\.dockercfg): error occurred while trying to unmarshal json|couldn't get the config from \\?"[^"\n]+\\?" contents: error occurred while trying to unmarshal json|error parsing the \\?"auth\\?" field of a credential entry|failed to create credential store from docker_auth_config: +(json: |illegal base64)/,
    anchors: ['error loading config file', 'error parsing config file', 'unmarshaling json at', '<redacted> json at', 'trying to unmarshal json', 'field of a credential entry', 'docker_auth_config'],
    confidence: 0.7,
    specificity: 88,
    alternatives: ['image.auth-missing'],
    check: 'cat ~/.docker/config.json (or the file named, /root/.docker/config.json for root and CI): empty or cut JSON — rewrite it as {"auths": {}} and docker login again',
    source: 'docker CLI config loading (cli/config: "WARNING: Error loading config file: %v")',
    samples: [
      'WARNING: Error loading config file: /root/.docker/config.json: EOF',
      'Error: initializing source docker://quay.io/acme/web:4.2: getting username and password: reading JSON file "/run/user/1000/containers/auth.json": unmarshaling JSON at "/run/user/1000/containers/auth.json": unexpected end of JSON input',
      'I1206 10:11:12.123400    2211 config.go:147] while trying to read /var/lib/kubelet/config.json: error occurred while trying to unmarshal json',
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
    re: /pullsecret: (invalid|<redacted>) value: [^\n]{0,300}?(json: |unexpected end of json input|invalid character|auths required)/,
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
  sig({
    id: 'image.pullsecret-field-type',
    cause: 'image.pullsecret-malformed',
    // The kubelet decodes each auths entry into its own struct (dockerConfigEntryWithAuth): a number or object where
    // a string belongs fails the whole secret.
    re: /cannot unmarshal \w+ into go (struct field|value of type) [\w.]*dockerconfig\w*/,
    anchors: ['into go struct field', 'into go value of type'],
    confidence: 0.85,
    specificity: 91,
    check: 'kubectl get secret <name> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d | jq .: username, password and auth must be strings (quote a numeric password)',
    source: 'kubelet credentialprovider (dockerConfigEntryWithAuth JSON decoding)',
    samples: [
      'Warning  Failed     9s (x2 over 15s)  kubelet  Error: json: cannot unmarshal number into Go struct field dockerConfigEntryWithAuth.password of type string',
      'json: cannot unmarshal object into Go value of type credentialprovider.DockerConfigJSON',
    ],
    counterSamples: ['json: cannot unmarshal number into Go struct field Config.port of type string'],
  }),
  sig({
    id: 'serviceaccount.pull-secret-not-found',
    cause: 'image.pullsecret-missing',
    // kubectl describe serviceaccount marks each imagePullSecrets name whose Secret does not exist in the namespace;
    // pods of that ServiceAccount get the name and the kubelet finds nothing behind it.
    re: /image pull secrets:\s+[\w.-]+ \(not found\)/,
    anchors: ['(not found)'],
    confidence: 0.85,
    specificity: 90,
    check: 'kubectl get secret <name> -n <namespace>: create it there (kubectl create secret docker-registry …) or fix the name in the ServiceAccount\'s imagePullSecrets',
    source: 'kubectl describe serviceaccount ("Image pull secrets: <name> (not found)")',
    samples: [
      'Image pull secrets:  harbor-pull (not found)',
      'Name:                default Namespace:           builds Image pull secrets:  quay-pull (not found) Mountable secrets:   <none>',
    ],
    counterSamples: ['Image pull secrets:  harbor-pull'],
  }),
];
