import type { Cause } from '../types.js';

/** Application tier: the image, its reference and its credentials (plus registry answers about them). */
export const APPLICATION_CAUSES: Cause[] = [
  {
    id: 'image.not-found',
    tier: 'application',
    title: 'Image repository, tag or digest does not exist',
    explanation:
      'The registry was reached and answered, but it has no manifest for this name and tag (404: manifest unknown, name unknown, or containerd\'s "<ref>: not found"). ' +
      'Typical reasons are a typo, a tag that was never pushed or was deleted, or an image name without its registry host, which normalises to docker.io/library/<name>. ' +
      'Private registries sometimes answer 404 instead of 401 to hide repositories, so a missing credential can look the same.',
    fix: [
      'Check the exact reference the pod uses: kubectl get pod {pod} -n {namespace} -o jsonpath="{.spec.containers[*].image}"',
      'List the tags that exist, e.g. skopeo list-tags docker://{registry}/{repository} (or the registry UI), and correct the tag or digest in the manifest.',
      'Write the registry host explicitly (registry.example.com/team/app:1.2): a name without a host means Docker Hub.',
      'If the repository is private and answers 404 to anonymous clients, add an imagePullSecret for it.',
    ],
    verify: ['skopeo inspect --raw docker://{registry}/{repository}:{tag}', 'crictl pull {image}   # on the node'],
    docs: ['facts.md §4.6 (containerd resolver: not found)', 'facts.md §7 (reference normalisation)', 'facts.md §8 (MANIFEST_UNKNOWN, NAME_UNKNOWN)'],
  },
  {
    id: 'image.invalid-reference',
    tier: 'application',
    title: 'Malformed image reference',
    explanation:
      'The image string does not parse as a reference, so the kubelet refuses it before any pull (InvalidImageName, "invalid reference format"). ' +
      'Repository paths must be lower-case, a tag follows a single ":", and schemes such as https:// are not allowed. ' +
      'Templated values that rendered empty or as "None" are a frequent source.',
    fix: [
      'Read the reference from the event (Failed to apply default image tag "…") and fix it in the workload: lower-case path, [registry[:port]/]path[:tag][@sha256:digest], no scheme.',
      'If the image comes from Helm or Kustomize values, check that image.repository and image.tag are set (an empty tag leaves a trailing ":").',
    ],
    verify: ['kubectl get pod {pod} -n {namespace} -o jsonpath="{.spec.containers[*].image}"', 'skopeo inspect docker://{image}'],
    docs: ['facts.md §7 (reference grammar and errors)', 'facts.md §4.5 (InspectFailed, InvalidImageName)'],
  },
  {
    id: 'image.auth-missing',
    tier: 'application',
    title: 'Registry wants credentials and none were sent',
    explanation:
      'The registry requires authentication for this repository, and the runtime pulled anonymously: no imagePullSecret matched the image\'s registry host (or none was set), and the node has no credentials of its own. ' +
      'Containerd reports "pull access denied, repository does not exist or may require authorization … insufficient_scope", Docker "no basic auth credentials" or "authentication required". ' +
      'The same text appears for a repository that does not exist, because registries do not reveal private names.',
    fix: [
      'Create a pull secret in the pod\'s namespace: kubectl create secret docker-registry regcred -n {namespace} --docker-server={registry} --docker-username={registryUser} --docker-password={registryPassword}',
      'Reference it from the pod (spec.imagePullSecrets: [{name: regcred}]) or from its service account: kubectl patch serviceaccount default -n {namespace} -p \'{"imagePullSecrets":[{"name":"regcred"}]}\'',
      'Make sure the secret\'s server key matches the image host exactly, including the port (docker.io or index.docker.io for Docker Hub).',
      'Recreate the pods: service-account pull secrets are copied into a pod only when it is created.',
    ],
    verify: ['kubectl get pod {pod} -n {namespace} -o jsonpath="{.spec.imagePullSecrets}"', 'crictl pull --creds {registryUser}:{registryPassword} {image}   # on the node'],
    docs: ['facts.md §4.6 (authorizer texts)', 'facts.md §6 (imagePullSecrets, key matching)', 'facts.md §8 (UNAUTHORIZED, token flow)'],
  },
  {
    id: 'image.auth-rejected',
    tier: 'application',
    title: 'Credentials sent but wrong, expired or without access',
    explanation:
      'A credential matched the registry and was sent, but the registry refused it: wrong user or password, an expired token (ECR tokens last 12 hours), or an account without pull rights on this repository. ' +
      'The texts are "unauthorized: incorrect username or password", "denied: requested access to the resource is denied", 403 Forbidden, or a failed oauth token fetch. ' +
      'Stale credentials even break pulls of public images, because a rejected login is not retried anonymously.',
    fix: [
      'Test the credential outside Kubernetes: skopeo login {registry} (or docker login) with the same user and token.',
      'Renew the token and update the secret: kubectl create secret docker-registry regcred -n {namespace} --docker-server={registry} --docker-username={registryUser} --docker-password={registryPassword} --dry-run=client -o yaml | kubectl apply -f -',
      'Grant the account pull (read) access to the repository in the registry.',
      'For ECR, use a credential helper or a job that refreshes the secret every few hours.',
    ],
    verify: ['skopeo inspect --creds {registryUser}:{registryPassword} docker://{image}'],
    docs: ['facts.md §4.6 (oauth token, 403)', 'facts.md §8 (DENIED)'],
  },
  {
    id: 'image.pullsecret-missing',
    tier: 'application',
    title: 'Referenced imagePullSecret does not exist in the namespace',
    explanation:
      'The pod (or its service account) names an imagePullSecret that is not in the pod\'s namespace; secrets are namespaced and are not looked up elsewhere. ' +
      'The kubelet warns FailedToRetrieveImagePullSecret ("Unable to retrieve some image pull secrets") and pulls without it, so a private image then fails with an authentication error.',
    fix: [
      'List the secrets the pod expects and those that exist: kubectl get pod {pod} -n {namespace} -o jsonpath="{.spec.imagePullSecrets}"; kubectl get secrets -n {namespace}',
      'Create the secret in the pod\'s namespace (kubectl create secret docker-registry {secret} -n {namespace} …) or copy it from the namespace where it exists.',
      'Fix a misspelt name in the workload or service account.',
    ],
    verify: ['kubectl get secret {secret} -n {namespace}', 'kubectl get events -n {namespace} --field-selector reason=FailedToRetrieveImagePullSecret'],
    docs: ['facts.md §4.5 (FailedToRetrieveImagePullSecret)', 'facts.md §6 (where pull secrets come from)'],
    explains: ['image.auth-missing'],
  },
  {
    id: 'image.pullsecret-wrong-registry',
    tier: 'application',
    title: 'Pull secret does not match the image\'s registry host',
    explanation:
      'The pull secret exists, but none of its auths keys matches the host of the image, so the kubelet sends no credentials and the pull is anonymous. ' +
      'Matching is by host and port: registry.example.com does not match registry.example.com:5000, and a key registry-1.docker.io does not match Docker Hub images (use docker.io or https://index.docker.io/v1/).',
    fix: [
      'Read the secret\'s keys: kubectl get secret {secret} -n {namespace} -o jsonpath="{.data.\\.dockerconfigjson}" | base64 -d | jq ".auths | keys"',
      'Recreate it with --docker-server set to exactly the image\'s registry host (with port if the image has one).',
    ],
    verify: ['kubectl get pod {pod} -n {namespace} -o jsonpath="{.spec.containers[*].image}"'],
    docs: ['facts.md §6 (key → image matching)'],
    explains: ['image.auth-missing'],
  },
  {
    id: 'image.pullsecret-malformed',
    tier: 'application',
    title: 'Pull secret has the wrong type, key or encoding',
    explanation:
      'The kubelet uses a pull secret only when its type is kubernetes.io/dockerconfigjson with key .dockerconfigjson (or the legacy dockercfg pair) and the content parses. ' +
      'A generic (Opaque) secret, a wrong key, bad JSON or an auth field that is not base64(user:password) is ignored, so the pull goes out without credentials.',
    fix: [
      'Check type and key: kubectl get secret {secret} -n {namespace} -o jsonpath="{.type}"  (must be kubernetes.io/dockerconfigjson)',
      'Recreate it with kubectl create secret docker-registry, which writes the right type, key and encoding.',
    ],
    verify: ['kubectl get secret {secret} -n {namespace} -o jsonpath="{.data.\\.dockerconfigjson}" | base64 -d | jq .'],
    docs: ['facts.md §6 (secret formats, auth field)'],
    explains: ['image.auth-missing'],
  },
  {
    id: 'image.rate-limited',
    tier: 'application',
    title: 'Registry rate limit reached',
    explanation:
      'The registry throttles pulls and answered 429 Too Many Requests (toomanyrequests). ' +
      'Docker Hub limits anonymous pulls per source IP, and all nodes behind one NAT share that budget, so busy clusters and CI hit it quickly.',
    fix: [
      'Authenticate pulls from Docker Hub with a pull secret for docker.io (authenticated accounts get a higher limit).',
      'Use a pull-through cache or mirror (containerd certs.d/docker.io/hosts.toml) or copy the images to your own registry.',
      'Reduce pulls: imagePullPolicy IfNotPresent and pinned tags instead of :latest with Always.',
    ],
    verify: ['curl -sI -H "Authorization: Bearer $TOKEN" https://registry-1.docker.io/v2/ratelimitpreview/test/manifests/latest | grep -i ratelimit'],
    docs: ['facts.md §8 (Docker Hub rate limit headers)'],
  },
  {
    id: 'image.never-pull-absent',
    tier: 'application',
    title: 'imagePullPolicy Never and the image is not on the node',
    explanation:
      'With imagePullPolicy: Never the kubelet only uses images already in the node\'s runtime store (ErrImageNeverPull). ' +
      'An image built or loaded with docker on a containerd node is not visible to containerd, and an image present on one node is not on the others.',
    fix: [
      'Import the image into the runtime the kubelet uses on every node that may run the pod: ctr -n k8s.io images import image.tar (containerd), or kind load / minikube image load.',
      'Or push it to a registry and use imagePullPolicy IfNotPresent.',
    ],
    verify: ['crictl images | grep {repository}   # on the node'],
    docs: ['facts.md §4.5 (ErrImageNeverPull)', 'facts.md §5.3 (which runtime a node uses)'],
  },
  {
    id: 'image.platform-mismatch',
    tier: 'application',
    title: 'No image for the node\'s OS or architecture',
    explanation:
      'The image (or its multi-arch index) has no variant for the node\'s platform, e.g. an amd64-only image on arm64 nodes: containerd says "no match for platform in manifest". ' +
      'If a single-arch image of the wrong architecture is forced, the pull works but the container dies with "exec format error".',
    fix: [
      'Check the platforms the image offers: skopeo inspect --raw docker://{image} | jq ".manifests[].platform"',
      'Use a multi-arch tag, or build for the node architecture (docker buildx build --platform linux/amd64,linux/arm64).',
      'Or pin the workload to nodes of an architecture the image offers (nodeSelector kubernetes.io/arch in the pod template).',
    ],
    verify: ['kubectl get nodes -L kubernetes.io/arch'],
    docs: ['facts.md §4.6 (pull chain)'],
  },
  {
    id: 'registry.server-error',
    tier: 'application',
    title: 'Registry answers with server errors',
    explanation:
      'The registry is reachable but fails the request: 5xx status codes, a blob the manifest references is unknown, or the transfer ends with unexpected EOF. ' +
      'This is a problem of the registry or of a proxy in front of it (storage backend, garbage collection, overload), not of the node; an unexpected EOF can also come from an MTU black hole.',
    fix: [
      'Check the registry\'s health and logs (and those of any proxy or load balancer in front of it).',
      'Retry the pull once the registry is healthy; for "blob unknown" re-push the image so that all layers exist.',
      'If only large layers fail with unexpected EOF, check the path MTU between the node and the registry.',
    ],
    verify: ['curl -sv https://{registryHost}:{port}/v2/ -o /dev/null', 'crictl pull {image}   # on the node'],
    docs: ['facts.md §4.6 (unexpected status)', 'facts.md §8 (BLOB_UNKNOWN)'],
  },
];
