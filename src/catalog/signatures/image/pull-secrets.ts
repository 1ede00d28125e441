import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** The pod's imagePullSecrets: missing or unreadable Secrets (facts §4.5). */
export const PULL_SECRET_SIGNATURES: Signature[] = [
  sig({
    id: 'image.dockerconfigjson-not-base64',
    cause: 'image.pullsecret-malformed',
    // A Secret's data values are base64; a .dockerconfigjson written there in plain text (instead of stringData) is refused or decoded to garbage.
    re: /base64[^\n]{0,120}\.dockerconfigjson|\.dockerconfigjson[^\n]{0,120}(illegal base64|not base64|base64 encoded)/,
    anchors: ['.dockerconfigjson'],
    confidence: 0.75,
    specificity: 88,
    check: 'kubectl get secret <name> -o jsonpath={.data.\\.dockerconfigjson} | base64 -d | jq .auths: the value must be the base64 of {"auths":{…}} (or written under stringData); create it with kubectl create secret docker-registry',
    source: 'Kubernetes Secret data encoding (data is base64, stringData is plain)',
    samples: ["Can not create a secret, it is base64 encoded? data: {'.dockerconfigjson': 'Base64EncodedValue'}", 'Secret "regcred" is invalid: data[.dockerconfigjson]: illegal base64 data at input byte 0'],
    counterSamples: ['kubectl create secret docker-registry regcred --docker-server=reg.example.com'],
  }),
  sig({
    id: 'image.pullsecret-unparsable',
    cause: 'image.pullsecret-malformed',
    // The kubelet found the secret but could not read its .dockerconfigjson / .dockercfg: the warning carries the
    // JSON or base64 error, which is the secret's content, not its absence.
    re: /unable to retrieve (some image )?pull secrets?[^\n]{0,400}(unmarshal json|invalid character|illegal base64|cannot unmarshal|unexpected end of json)/,
    anchors: ['pull secret'],
    confidence: 0.85,
    specificity: 91,
    alternatives: ['image.pullsecret-missing'],
    check: 'kubectl get secret <name> -n <ns> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d | jq . — it must be JSON of the form {"auths": {"<registry host>": {"auth": "<base64 user:password>"}}}',
    source: 'kubelet pull secret reading (pkg/credentialprovider/secrets: the secret\'s config JSON)',
    samples: [
      'E1206 10:05:44.019233    1877 kubelet_pods.go:1083] "Unable to retrieve pull secret, the image pull may not succeed." pod="ci/runner-0" secret="ci/dockerhub" err="error occurred while trying to unmarshal json"',
      'Unable to retrieve pull secret default/regcred for default/web-1 due to invalid character \'}\' looking for beginning of object key string.  The image pull may not succeed.',
    ],
    counterSamples: ['Unable to retrieve pull secret shop/regcred for shop/web-7d9f-abcde due to secrets "regcred" not found.  The image pull may not succeed.'],
  }),
  sig({
    id: 'image.pullsecret-not-retrieved',
    cause: 'image.pullsecret-missing',
    re: /FailedToRetrieveImagePullSecret|unable to retrieve (some image )?pull secrets?/,
    anchors: ['failedtoretrieveimagepullsecret', 'pull secret'],
    confidence: 0.75,
    specificity: 90,
    // A Warning, not the failure: the kubelet still pulls without the missing secret (it fails only if the image
    // needs it), so a public image that does not exist backs off under the same warning.
    alternatives: ['image.auth-missing', 'image.not-found'],
    check: 'kubectl get secret <name> -n <pod namespace> (it must exist in the pod\'s namespace); then read the Failed event that follows — a pull that fails for another reason (not found, timeout) is not about this secret',
    source: 'facts §4.5 FailedToRetrieveImagePullSecret (K8s ≥ 1.28), §6',
    samples: [
      'Warning  FailedToRetrieveImagePullSecret  12s  kubelet  Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.',
      'Unable to retrieve pull secret shop/regcred for shop/web-7d9f-abcde due to secrets "regcred" not found.  The image pull may not succeed.',
    ],
    counterSamples: ['configmaps "kube-flannel-cfg" not found'],
  }),
  sig({
    id: 'kubelet.container-config-secret-missing',
    cause: 'unknown',
    // CreateContainerConfigError: the image is pulled, but the container's env or volumes read a Secret or ConfigMap (or
    // a key of one) that does not exist; not an imagePullSecret, and none of the pull, network or DNS causes.
    re: /createcontainerconfigerror|couldn'?t find key \S+ in (secret|configmap)\b/,
    anchors: ['createcontainerconfigerror', 'find key'],
    confidence: 0.5,
    specificity: 72,
    alternatives: ['image.pullsecret-missing'],
    check: 'kubectl get pod <pod> -o yaml | grep -n -e secretKeyRef -e configMapKeyRef -e secretName: the Secret or key named must exist in the pod\'s namespace; it is read for the container\'s config, not for the pull',
    source: 'kubelet kuberuntime generateContainerConfig (CreateContainerConfigError; "couldn\'t find key %s in Secret %s/%s")',
    samples: ['api-mpqs722glh-bp484   0/1     CreateContainerConfigError   0          2m', 'Error: couldn\'t find key password in Secret shop/db-credentials'],
    counterSamples: ['Error: ErrImagePull'],
  }),
  sig({
    // A missing secret is most often a pull secret in this tool's domain, but TLS and token secrets go missing too.
    id: 'image.secret-not-found',
    check: 'kubectl get secret <name> -n <pod namespace>: pull secrets are namespaced, so the secret must exist in the pod\'s own namespace (and be listed in the pod or its service account)',
    cause: 'image.pullsecret-missing',
    re: /secrets? \\?"[^"\\]+\\?" not found/,
    anchors: ['secret'],
    confidence: 0.6,
    specificity: 70,
    source: 'API NotFound text for a secret (facts §6: a missing imagePullSecret)',
    samples: [
      'MountVolume.SetUp failed for volume "registry-creds" : secret "ghcr-login" not found',
      'Error: secrets "docker-hub" not found',
    ],
    counterSamples: ['configmaps "kube-flannel-cfg" not found'],
  }),
  sig({
    id: 'image.pullsecret-bad-auth-field',
    cause: 'image.pullsecret-malformed',
    // The kubelet's "couldn't find key %s in Secret %s/%s" (a key a pod refers to): a .dockerconfigjson key
    // missing is a registry secret of another type or shape (Opaque with other keys, .dockercfg). Tools that read
    // the secret themselves say the decoded auth lacks its colon ("username and password concatenated with a colon").
    re: /unable to parse auth field|must be formatted as base64\(username:password\)|(secret|dockerconfig|auth)[^\n]{0,120}illegal base64 data at input byte|\.docker(configjson|cfg)\b[^\n]{0,200}(invalid|illegal base64|cannot unmarshal|unexpected end of json|required value)|couldn't find key \.docker(configjson|cfg) in secret|cannot unmarshal [^\n]{0,80}(dockerconfigjson|dockerconfig|\.dockercfg)\b|username\s+and\s+password\s+concatenated\s+with\s+a\s+colon/,
    anchors: ['unable to parse auth field', 'base64(username:password)', '.dockerconfigjson', '.dockercfg', 'illegal base64 data', 'dockerconfig', 'concatenated with a colon'],
    confidence: 0.9,
    specificity: 92,
    source: 'facts §6 (credentialprovider auth field)',
    samples: [
      'unable to parse auth field, must be formatted as base64(username:password)',
      'error decoding auth in pull secret shop/regcred: illegal base64 data at input byte 8',
      'The Secret "regcred" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character \'e\' looking for beginning of value',
      'error: failed to create secret Secret "pull" is invalid: data[.dockerconfigjson]: Required value',
      "Error: couldn't find key .dockerconfigjson in Secret shop/regcred",
      'Failed to pull image "docker.io/acme/app:1": json: cannot unmarshal array into Go struct field DockerConfigJson.auths of type string',
    ],
    counterSamples: ['kubectl create secret docker-registry regcred --docker-server=reg.local'],
  }),
  sig({
    id: 'image.auth-file-unparsable',
    cause: 'image.pullsecret-malformed',
    // containers/image (podman, CRI-O, skopeo) reads the credentials of a pull from an auth file before it asks the
    // registry; a file that is not valid JSON fails every pull that needs it, whatever the registry would have said.
    re: /error getting (username and password|credentials)[^\n]{0,200}(error reading json file|error unmarshaling json|unmarshaling json at|unexpected end of json input|invalid character)/,
    anchors: ['error getting username and password', 'error getting credentials'],
    confidence: 0.85,
    specificity: 93,
    check: 'jq . <the file named> (for CRI-O the global pull secret, /var/lib/kubelet/config.json, or the REGISTRY_AUTH_FILE of podman): it must be one JSON object {"auths": {"<registry>": {"auth": "<base64 user:password>"}}}',
    source: 'containers/image pkg/docker/config (auth file reading: "error reading JSON file %q", "unmarshaling JSON at %q")',
    samples: [
      'Error initializing source docker://quay.io/team/app:1: error getting username and password: error reading JSON file "/tmp/combined-pullsecret": error unmarshaling JSON at "/tmp/combined-pullsecret": unexpected end of JSON input',
      'error getting credentials - err: error reading JSON file "/run/containers/0/auth.json": invalid character \'}\' looking for beginning of object key string',
    ],
    counterSamples: ['error getting credentials - err: exit status 1, out: `no credentials server URL`'],
  }),
  sig({
    id: 'image.docker-config-unparsable',
    cause: 'image.pullsecret-malformed',
    // The docker CLI's config loader, which go-containerregistry's keychain (crane, kaniko, ko, Tekton) also
    // uses: a config.json that is not JSON, or whose auth field is not base64 of user:password, fails before
    // any registry is asked. In a pod that file is a mounted dockerconfigjson Secret.
    re: /parsing config file \([^)\n]{1,300}\)\W{1,3}(invalid character|unexpected end of json input|illegal base64|invalid auth configuration file|json: cannot unmarshal)/,
    anchors: ['parsing config file'],
    confidence: 0.85,
    specificity: 92,
    check: 'jq . <the file named in parentheses>: it must be {"auths": {"<registry>": {"auth": "<base64 of user:password>"}}}; where it is a mounted Secret, kubectl get secret <name> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d | jq .',
    source: 'docker/cli cli/config (Load: "parsing config file (%s)"; configfile decodeAuth: "invalid auth configuration file"), reached from go-containerregistry pkg/authn keychain',
    samples: [
      'error building image: parsing config file (/kaniko/.docker/config.json): unexpected end of JSON input',
      'Error: parsing config file (/root/.docker/config.json): invalid character \'}\' looking for beginning of object key string',
      'error building image: parsing config file (/kaniko/.docker/config.json): illegal base64 data at input byte 16',
    ],
    counterSamples: ['WARNING: Error loading config file: /root/.docker/config.json: open /root/.docker/config.json: permission denied', 'parsing config file (/kaniko/.docker/config.json): open /kaniko/.docker/config.json: no such file or directory'],
  }),
  sig({
    id: 'image.docker-config-auths-entry',
    cause: 'image.pullsecret-malformed',
    // go-containerregistry's keychain (kaniko, crane, ko) reads ~/.docker/config.json and refuses an
    // "auths" entry it cannot use — no "auth" and no username/password, or a value of another shape.
    re: /unsupported entry in \\?"auths\\?" section of/,
    anchors: ['section of'],
    confidence: 0.85,
    specificity: 92,
    check: 'the config.json the tool reads (its path is in the message; a pull secret mounted there for kaniko): every "auths" entry must carry "auth": base64(user:password), or "username" and "password" — kubectl create secret docker-registry writes that form',
    source: 'go-containerregistry / docker config file parsing (Unsupported entry in "auths" section of %q)',
    samples: ['error building image: getting stage builder for stage 0: Unsupported entry in "auths" section of "/root/.docker/config.json"', 'Unsupported entry in "auths" section of "/kaniko/.docker/config.json"'],
    counterSamples: ['"auths": {"registry.corp": {"auth": "<redacted>"}}'],
  }),
  sig({
    id: 'image.pullsecret-base64',
    check: 'kubectl get secret <pull secret> -o jsonpath=\'{.data.\\.dockerconfigjson}\' | base64 -d | jq -r \'.auths[].auth\' | base64 -d: each auth must be the base64 of user:password; a secret made from a file with a newline or a pasted token breaks it',
    cause: 'image.pullsecret-malformed',
    // Go's encoding/base64 error: the kubelet decodes a pull secret's auth field (base64 of user:password).
    // Only in a pull's context: any other decoder (a Secret's data, a provider's own config) says the same.
    re: /(pull|dockerconfig|imagepullsecret|registry)[^\n]{0,300}illegal base64 data at input byte/,
    anchors: ['illegal base64 data'],
    confidence: 0.8,
    specificity: 88,
    source: 'Go encoding/base64 CorruptInputError, from the kubelet decoding a dockerconfigjson auth',
    samples: [
      'Failed to pull image "myrepo/myimage:tag": illegal base64 data at input byte 12',
      'Failed to pull image "registry.example.com/app:1": illegal base64 data at input byte',
    ],
    counterSamples: ['Failed to pull image "myrepo/myimage:tag": pull access denied', "Error creating pod 'web-1': illegal base64 data at input byte 0"],
  }),
  sig({
    id: 'image.dockercfg-entry-ignored',
    cause: 'image.pullsecret-malformed',
    // The kubelet reading a pull secret skips an auths entry it cannot decode and says so; the pull then goes to
    // that registry without those credentials.
    re: /entry \\?"[^"\\\n]+\\?" in dockercfg invalid \([^\n]{1,200}?\), ignoring/,
    anchors: ['in dockercfg invalid'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['image.auth-missing'],
    check: "kubectl get secret <pull secret> -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d: the auths entry the kubelet named must have auth = base64 of user:password (or username and password fields); recreate it with kubectl create secret docker-registry",
    source: 'kubelet credentialprovider ("Entry %q in dockercfg invalid (%v), ignoring")',
    samples: ['W1205 10:00:00.000000    1234 kubelet_pods.go:100] Entry "https://index.docker.io/v1/" in dockercfg invalid (illegal base64 data at input byte 8), ignoring', 'Entry "harbor.lab" in dockercfg invalid (unable to parse auth field, must be formatted as base64(username:password)), ignoring'],
    counterSamples: ['Unable to retrieve pull secret default/regcred for default/web-1 due to secret "regcred" not found.'],
  }),
  sig({
    id: 'ambiguous.pull-secret-cache-not-synced',
    cause: 'unknown',
    // The kubelet could not read the secret at all — its secret watch did not sync (the API server unreachable from
    // the node, the node authorizer refusing) — so whether the secret exists is not known from this line.
    re: /unable to retrieve pull secret[^\n]{0,300}failed to sync secret cache/,
    anchors: ['failed to sync secret cache'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['image.pullsecret-missing', 'node.not-ready'],
    check: 'kubectl get secret <name> -n <namespace> (does it exist?), then the kubelet\'s own log around the line for its API errors (the node reaching the API server, its Node authorizer identity)',
    source: 'kubelet getPullSecretsForPod with the secret manager\'s watch-based cache ("failed to sync secret cache: timed out waiting for the condition")',
    samples: ['kubelet_pods.go:897] "Unable to retrieve pull secret, the image pull may not succeed." pod="default/web-1" secret="" err="failed to sync secret cache: timed out waiting for the condition"', 'Unable to retrieve pull secret default/regcred for default/web-1 due to failed to sync secret cache: timed out waiting for the condition.  The image pull may not succeed.'],
    counterSamples: ['Unable to retrieve pull secret default/regcred for default/web-1 due to secret "regcred" not found.'],
  }),
  sig({
    id: 'image.admission-no-secret-for-registry',
    cause: 'image.pullsecret-wrong-registry',
    // An image-trust admission controller (IBM Portieris) reads the pod's pull secrets to reach the image's
    // registry before the kubelet does: a secret keyed for another host gives it nothing for this one.
    re: /no valid imagepullsecret defined for|secret \S+ not defined for registry/,
    anchors: ['imagepullsecret defined for', 'not defined for registry'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['image.pullsecret-missing'],
    check: 'the pod\'s imagePullSecrets and their auths keys: one must name the image\'s registry as the controller spells it (docker.io for Docker Hub images, not https://index.docker.io/v1/ alone)',
    source: 'IBM Portieris admission webhook ("no valid ImagePullSecret defined for %s", "Secret %s not defined for registry: %s")',
    samples: ['Deny "docker.io/acme/app:signed-2", no valid ImagePullSecret defined for docker.io/acme/app:signed-2', 'Secret dockerhub not defined for registry: docker.io'],
    counterSamples: ['imagePullSecrets: [{name: regcred}]'],
  }),
  sig({
    id: 'image.pullsecret-auth-not-base64',
    cause: 'image.pullsecret-malformed',
    // The kubelet base64-decodes each auths entry's "auth" into user:password: a value that is not base64 (an auth
    // written in clear) fails there, and the container's start reports the decoder's own words. A Go decode of an
    // auths value that is not an object names the kubelet's own type. (The value itself is never read: it is a secret,
    // and explain redacts it.)
    re: /(error: |with |\berr=\\?"|start failed in pod [^\n]{0,200}?: |\s\d+\/\d+\s+)illegal base64 data at input byte \d+|cannot unmarshal \w+ into go value of type credentialprovider\.\w+/,
    anchors: ['illegal base64 data', 'credentialprovider.'],
    confidence: 0.8,
    specificity: 88,
    check: 'kubectl get secret <name> -o jsonpath={.data.\\.dockerconfigjson} | base64 -d: "auths" maps each registry to an object whose "auth" is base64 of user:password (echo -n user:password | base64); recreate it with kubectl create secret docker-registry',
    source: 'kubelet pkg/credentialprovider config.go (decodeDockerConfigFieldAuth, dockerConfigEntryWithAuth)',
    samples: ['cart-7f9c6d5b8-lx2pq       0/1     illegal base64 data at input byte 24   0          4m', 'Warning  Failed  31s (x3 over 74s)  kubelet  Error: illegal base64 data at input byte 4', 'Error: json: cannot unmarshal string into Go value of type credentialprovider.dockerConfigEntryWithAuth'],
    counterSamples: ['illegal base64 data at input byte 4 in the backup manifest'],
  }),
  sig({
    id: 'image.pullsecret-shape-mismatch',
    cause: 'image.pullsecret-malformed',
    // The secret's type decides how the kubelet reads it: kubernetes.io/dockerconfigjson wants {"auths": {...}},
    // kubernetes.io/dockercfg the inner map alone. The other shape under a key, or an Opaque secret holding a
    // .dockerconfigjson, gives the kubelet no usable entry, and the pull goes out without credentials.
    re: /\.dockerconfigjson\}'? *\| *base64 (-d|--decode)[ \t]*[^\S \t\r\f\v]\{\s*"(?!auths")[^"\n]+"\s*:\s*\{\s*"(username|auth|password|email)"|\.dockercfg\}'? *\| *base64 (-d|--decode)[ \t]*[^\S \t\r\f\v]\{\s*"auths"\s*:|\.dockerconfigjson: [A-Za-z0-9+\/=]{8,}[\s\S]{0,1500}?\btype: opaque\b/,
    anchors: ['.dockerconfigjson', '.dockercfg'],
    confidence: 0.8,
    specificity: 88,
    check: 'kubectl get secret <name> -o yaml: type kubernetes.io/dockerconfigjson with key .dockerconfigjson holding {"auths": {...}} (or type kubernetes.io/dockercfg with .dockercfg holding the map without "auths"); recreate it with kubectl create secret docker-registry',
    source: 'kubelet pkg/credentialprovider/secrets (secretsToTrackedDockerConfigs: reads .dockercfg of type dockercfg and .dockerconfigjson of type dockerconfigjson only)',
    samples: [
      "$ kubectl get secret regcred -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d\n{\"harbor.corp.example.com\":{\"username\":\"robot$shop+puller\",\"password\":\"REDACTED\"}}",
      "$ kubectl get secret legacy-pull -o jsonpath='{.data.\\.dockercfg}' | base64 -d\n{\"auths\":{\"quay.io\":{\"auth\":\"dXNlcjpSRURBQ1RFRA==\"}}}",
      'apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6e319\nkind: Secret\nmetadata:\n  name: regcred\ntype: Opaque',
    ],
    counterSamples: ['apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6e319\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson'],
  }),
  sig({
    id: 'image.pullsecret-hub-key-unmatched',
    cause: 'image.pullsecret-wrong-registry',
    // The kubelet matches a Docker Hub image against the keys docker.io and index.docker.io (with or without https:// and
    // /v1/); a key for the registry's API host (registry-1.docker.io) or one that keeps a /v2 path matches no image.
    re: /"auths"\s*:\s*\{\s*"(https?:\/\/)?registry-1\.docker\.io\/?"|"auths"\s*:\s*\{[^}\n]{0,300}"https?:\/\/[^"\/\n]+\/v2"\s*:/,
    anchors: ['"auths"'],
    confidence: 0.7,
    specificity: 86,
    check: 'the auths keys of the pull secret against the image: Docker Hub images need docker.io or https://index.docker.io/v1/; a private registry needs its host[:port] (a path only as a prefix of the image\'s repository, never /v2)',
    source: 'kubelet pkg/credentialprovider keyring.go (key normalisation and URL matching)',
    samples: ['{"auths":{"registry-1.docker.io":{"auth":"dXNlcjpSRURBQ1RFRA=="}}}', '{"auths":{"https://registry.corp.example.com/v2":{"auth":"dXNlcjpSRURBQ1RFRA=="}}}'],
    counterSamples: ['{"auths":{"https://index.docker.io/v1/":{"auth":"dXNlcjpSRURBQ1RFRA=="}}}'],
  }),
  sig({
    id: 'image.pullsecret-helper-only',
    cause: 'image.pullsecret-malformed',
    // A pull secret made from a workstation's ~/.docker/config.json whose credentials live in a credential store: its
    // auths entries are empty and the rest is credsStore/credHelpers, which the kubelet does not run. It sends nothing.
    re: /"auths"\s*:\s*\{\s*(\}|"[^"\n]+"\s*:\s*\{\s*\}(\s*,\s*"[^"\n]+"\s*:\s*\{\s*\})*\s*\})\s*,\s*"cred(sstore|helpers)"/,
    anchors: ['credsstore', 'credhelpers'],
    confidence: 0.85,
    specificity: 88,
    check: 'kubectl get secret <name> -o jsonpath={.data.\\.dockerconfigjson} | base64 -d: each auths entry needs an "auth" (base64 of user:password) or username and password; recreate it with kubectl create secret docker-registry --docker-server=… --docker-username=… --docker-password=…',
    source: 'kubelet credentialprovider (reads only auths[].auth / username / password of .dockerconfigjson); docker CLI config file (credsStore, credHelpers)',
    samples: ['{"auths":{"https://index.docker.io/v1/":{}},"credsStore":"desktop"}', '{"auths":{},"credHelpers":{"123456789012.dkr.ecr.eu-west-1.amazonaws.com":"ecr-login"}}'],
    counterSamples: ['{"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}},"credsStore":"desktop"}'],
  }),
  sig({
    id: 'image.pullsecret-must-contain-registry',
    cause: 'image.pullsecret-wrong-registry',
    // OpenShift's installers check the cluster pull secret before anything is pulled: it must hold an auths
    // entry for each registry the release images come from.
    re: /pull secret must contain auth for/,
    anchors: ['pull secret must contain auth for'],
    confidence: 0.85,
    specificity: 92,
    check: 'the pull secret given to the installer (its JSON auths keys): add an entry for the registry the message names, from that registry\'s own login (for registry.ci.openshift.org, a token from its console)',
    source: 'OpenShift assisted-service / installer pull secret validation ("pull secret must contain auth for %q")',
    samples: ['pull secret for new cluster is invalid: pull secret must contain auth for "registry.ci.openshift.org"', 'pull secret must contain auth for "quay.io"'],
    counterSamples: ['pull secret is valid'],
  }),
  sig({
    id: 'image.pullsecret-no-entry-for-registry',
    cause: 'image.pullsecret-wrong-registry',
    // Controllers that read a pod's pull secrets themselves (Keel, and others built on its getter) look the image's
    // registry up among the secret's keys: the secret is there, but no key names this registry.
    re: /registry not found among secrets|secret found but couldn't detect authentication for the desired registry|docker credentials were not found among secrets/,
    anchors: ['not found among secrets', 'authentication for the desired registry'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['image.pullsecret-missing'],
    check: 'kubectl get secret <name> -o jsonpath="{.data.\\.dockerconfigjson}" | base64 -d: the auths keys must name the image\'s registry host exactly as the image reference does (index.docker.io / https://index.docker.io/v1/ for Docker Hub)',
    source: 'Keel secrets getter ("registry not found among secrets", "secret found but couldn\'t detect authentication for the desired registry")',
    samples: ['level=warning msg="secrets.defaultGetter: registry not found among secrets" image="registry.example.com/nginx:alpine" secret_ref=regcred', 'level=warning msg="secrets.defaultGetter.lookupSecrets: docker credentials were not found among secrets" image=index.docker.io/acme/app namespace=default provider=kubernetes registry=index.docker.io'],
    counterSamples: ['level=info msg="secrets.defaultGetter: secret found" registry=index.docker.io'],
  }),
  sig({
    id: 'image.pullsecret-warning-harmless',
    cause: 'unknown',
    // The kubelet warns that a pull secret is missing and pulls anyway: when the same events show the image pulled,
    // the image did not need it and the pod's trouble (if any) is elsewhere.
    re: /failedtoretrieveimagepullsecret[\s\S]{0,800}?successfully pulled image/,
    anchors: ['failedtoretrieveimagepullsecret'],
    confidence: 0.5,
    specificity: 91,
    alternatives: ['image.pullsecret-missing'],
    check: 'the pod\'s other events and its containers\' state: the image was pulled without the secret, so what keeps the pod from running is not its pull; remove the stale imagePullSecrets entry or create the secret',
    source: 'kubelet events (FailedToRetrieveImagePullSecret, then Pulled)',
    samples: ['Warning  FailedToRetrieveImagePullSecret  40s  kubelet  Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.\nNormal   Pulled    39s   kubelet  Successfully pulled image "nginx:1.27.3" in 1.842s', 'Warning  FailedToRetrieveImagePullSecret  2m  kubelet  Unable to retrieve some image pull secrets (old-creds)\n  Normal   Pulled  2m  kubelet  Successfully pulled image "busybox:1.37" in 900ms'],
    counterSamples: ['Warning  FailedToRetrieveImagePullSecret  40s  kubelet  Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.'],
  }),
  sig({
    id: 'image.registry-secret-type-unsupported',
    cause: 'image.pullsecret-malformed',
    // An operator that builds and pushes for its users (Camel K's registry secret) accepts only the registry secret
    // types (kubernetes.io/dockerconfigjson, kubernetes.io/dockercfg): a secret of another type is refused before any
    // registry is asked.
    re: /unsupported secret type for registry authentication/,
    anchors: ['unsupported secret type'],
    confidence: 0.8,
    specificity: 90,
    check: 'kubectl get secret <the registry secret> -o jsonpath="{.type}": it must be kubernetes.io/dockerconfigjson; recreate it with kubectl create secret docker-registry <name> --docker-server=<registry> --docker-username=… --docker-password=…',
    source: 'Apache Camel K registry trait ("unsupported secret type for registry authentication")',
    samples: [
      '"error":"error during trait customization: unsupported secret type for registry authentication"',
      'Error: unsupported secret type for registry authentication',
    ],
    counterSamples: ['unsupported secret type kubernetes.io/tls for ingress'],
  }),
];
