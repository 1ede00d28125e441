import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Model hubs that inference pods pull their weights from at start (the Hugging Face Hub through huggingface_hub,
 * transformers and the servers built on them). A hub is a registry of artifacts: a gated or private repository
 * without a token, a token without access, a repository that is not there, its rate limit and a full model cache
 * stop the pod as an image registry's answers do, and are read with the same causes.
 */
export const MODEL_HUB_SIGNATURES: Signature[] = [
  sig({
    id: 'image.hf-gated-not-authorized',
    cause: 'image.auth-rejected',
    // 403 on a gated repository: the token was sent and is valid, but its user has not been granted the model.
    re: /is restricted and you are not in the authorized list|gatedrepoerror: 403 client error/,
    anchors: ['not in the authorized list', 'gatedrepoerror: 403'],
    confidence: 0.9,
    specificity: 96,
    check: 'the model\'s page on the hub, signed in as the token\'s user: request access (or accept the licence) there; the token in the pod (HF_TOKEN from its Secret) must belong to the user who was granted it',
    source: 'huggingface_hub hf_raise_for_status (GatedRepoError on 403: "Access to model %s is restricted and you are not in the authorized list")',
    samples: [
      'huggingface_hub.utils._errors.GatedRepoError: 403 Client Error. (Request ID: Root=1-66d1c249)\n\nCannot access gated repo for url https://huggingface.co/meta-llama/Meta-Llama-3-8B/resolve/main/config.json.\nAccess to model meta-llama/Meta-Llama-3-8B is restricted and you are not in the authorized list. Visit https://huggingface.co/meta-llama/Meta-Llama-3-8B to ask for access.',
      'Access to model mistralai/Mistral-7B-v0.3 is restricted and you are not in the authorized list.',
    ],
    counterSamples: ['Access to model meta-llama/Meta-Llama-3-8B-Instruct is restricted. You must be authenticated to access it.'],
  }),
  sig({
    id: 'image.hf-gated-no-token',
    cause: 'image.auth-missing',
    // 401 on a gated repository: the request carried no token (HF_TOKEN or HUGGING_FACE_HUB_TOKEN not set in the
    // pod, or a server that does not pass it on).
    re: /is gated\. you must be authenticated to access it|is restricted\. you must (have access to it and )?be authenticated to access it|gatedrepoerror: 401 client error|environment variable '?hf_token'? is required but not set/,
    anchors: ['you must be authenticated to access it', 'be authenticated to access it', 'gatedrepoerror: 401', 'hf_token'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['image.auth-rejected'],
    check: 'the pod\'s environment: HF_TOKEN (or HUGGING_FACE_HUB_TOKEN) set from a Secret holding a token whose user was granted the model (kubectl exec <pod> -- printenv HF_TOKEN | wc -c); a token that is set but wrong answers "Invalid credentials" instead',
    source: 'huggingface_hub hf_raise_for_status (GatedRepoError on 401: "Cannot access gated repo for url %s. Access to model %s is restricted. You must have access to it and be authenticated to access it. Please log in.")',
    samples: [
      'Cannot access gated repo for url https://huggingface.co/api/models/meta-llama/Llama-2-7b-chat-hf. Repo model meta-llama/Llama-2-7b-chat-hf is gated. You must be authenticated to access it.',
      'Access to model meta-llama/Meta-Llama-3-8B-Instruct is restricted. You must have access to it and be authenticated to access it. Please log in.',
      "Error: [serve] `serve` failed: Environment variable 'HF_TOKEN' is required but not set.",
    ],
    counterSamples: ['Access to model meta-llama/Meta-Llama-3-8B is restricted and you are not in the authorized list.'],
  }),
  sig({
    id: 'image.hf-token-invalid',
    cause: 'image.auth-rejected',
    // The hub refusing the token itself (revoked, mistyped, or a placeholder left in the Secret).
    re: /invalid credentials in authorization header|invalid user token\. the token from hf_token environment variable is invalid/,
    anchors: ['invalid credentials in authorization header', 'invalid user token'],
    confidence: 0.85,
    specificity: 94,
    check: 'the token the pod sends (the Secret behind HF_TOKEN): a token shown under the user\'s access tokens on the hub, not expired or revoked, with at least read scope',
    source: 'Hugging Face Hub 401 answers ("Invalid credentials in Authorization header"), huggingface_hub token checks',
    samples: [
      'Invalid credentials in Authorization header Falling back to other sources.',
      'ValueError: Invalid user token. The token from HF_TOKEN environment variable is invalid.',
    ],
    counterSamples: ['Token is valid (permission: read).'],
  }),
  sig({
    id: 'image.hf-repository-not-found',
    cause: 'image.not-found',
    // The hub answers a repository it will not show the caller with "Repository Not Found", whether it does not
    // exist (a typo, a local path taken for a repo id) or is private and no token was sent: both named, not-found first.
    re: /repository not found for url: https:\/\/[\w.-]*(huggingface\.co|hf-mirror\.com|hf\.co)\//,
    anchors: ['repository not found for url'],
    confidence: 0.6,
    specificity: 93,
    alternatives: ['image.auth-missing', 'image.invalid-reference'],
    check: 'the repo id the pod was given (the model argument or MODEL_ID): open https://huggingface.co/<repo id> — absent means a typo or a local path passed as an id (mount the path instead); present but private means the pod needs a token (HF_TOKEN)',
    source: 'huggingface_hub hf_raise_for_status (RepositoryNotFoundError: "Repository Not Found for url: %s. Please make sure you specified the correct `repo_id` and `repo_type`.")',
    samples: [
      'huggingface_hub.utils._errors.RepositoryNotFoundError: 401 Client Error.\nRepository Not Found for url: https://huggingface.co/api/models/None/tree/float16?recursive=True&expand=False.\nPlease make sure you specified the correct `repo_id` and `repo_type`.',
      'Repository Not Found for url: https://huggingface.co/api/models/models/llama-2-7b.bin/revision/main.\nPlease make sure you specified the correct `repo_id` and `repo_type`.\nIf you are trying to access a private or gated repo, make sure you are authenticated.\nInvalid username or password.',
    ],
    counterSamples: ['Repository Not Found for url: https://gitlab.example.com/api/v4/projects/12'],
  }),
  sig({
    id: 'image.hf-rate-limited',
    cause: 'image.rate-limited',
    // huggingface_hub's retry wrapper logging the hub's 429 before it backs off.
    re: /http error 429 thrown while requesting (head|get) https:\/\/[\w.-]*(huggingface\.co|hf\.co)\//,
    anchors: ['http error 429 thrown while requesting'],
    confidence: 0.9,
    specificity: 94,
    check: 'how many pods or workers fetch the model at once and whether they send a token (anonymous requests have the lowest limits): set HF_TOKEN, or fetch once into a shared cache or volume and start the servers from it',
    source: 'huggingface_hub http_backoff ("HTTP Error 429 thrown while requesting %s %s")',
    samples: [
      'Fetching 574 files:  26%| 151/574 HTTP Error 429 thrown while requesting HEAD https://huggingface.co/immich-app/XLM-Roberta/resolve/2e0aad11/visual/model.onnx',
      'HTTP Error 429 thrown while requesting GET https://huggingface.co/api/models/Qwen/Qwen2-7B/revision/main',
    ],
    counterSamples: ['HTTP Error 500 thrown while requesting HEAD https://huggingface.co/Qwen/Qwen2-7B/resolve/main/config.json'],
  }),
  sig({
    id: 'image.hf-requests-5xx',
    cause: 'registry.server-error',
    // Python requests' raise_for_status ("%s Server Error: %s for url: %s") on a model hub's URL: the hub (or its CDN)
    // failed the request; a retry later, or a mirror, is the way round it.
    re: /\b5\d\d server error: [^\n]{0,80}? for url: https?:\/\/[\w.-]*(huggingface\.co|hf\.co|hf-mirror\.com)\//,
    anchors: ['server error: '],
    confidence: 0.85,
    specificity: 93,
    check: 'the hub\'s status page and the same request again later (curl -sI <url>); a 5xx only from inside the cluster points at a proxy in between (env | grep -i proxy)',
    source: 'requests HTTPError ("%s Server Error: %s for url: %s") raised by huggingface_hub and transformers downloads',
    samples: [
      '504 Server Error: Gateway Time-out for url: https://huggingface.co/api/models/org/model-large-v2/revision/main',
      'requests.exceptions.HTTPError: 503 Server Error: Service Temporarily Unavailable for url: https://huggingface.co/org/model/resolve/main/model.safetensors',
    ],
    counterSamples: ['404 Client Error: Not Found for url: https://huggingface.co/api/models/org/missing'],
  }),
  sig({
    id: 'image.hf-requests-429',
    cause: 'image.rate-limited',
    re: /\b429 client error: too many requests for url: https?:\/\/[\w.-]*(huggingface\.co|hf\.co|hf-mirror\.com)\//,
    anchors: ['429 client error'],
    confidence: 0.9,
    specificity: 94,
    source: 'requests HTTPError ("%s Client Error: %s for url: %s") on the hub\'s 429',
    samples: [
      'requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://huggingface.co/api/models/org/model',
      '429 Client Error: Too Many Requests for url: https://huggingface.co/org/model/resolve/main/config.json',
    ],
    counterSamples: ['429 Client Error: Too Many Requests for url: https://api.github.com/repos/org/repo'],
  }),
  sig({
    id: 'image.hf-cache-no-space',
    cause: 'image.disk-full',
    // huggingface_hub checks the target's free space before a download and warns when the file will not fit; the
    // download then fails on the full volume (the pod's model cache, an emptyDir or a PVC too small for the model).
    re: /not enough free disk space to download the file/,
    anchors: ['not enough free disk space to download'],
    confidence: 0.9,
    specificity: 94,
    check: 'the size of the volume behind the model cache (HF_HOME or the mount the message names: df -h inside the pod) against the model\'s size on the hub; an emptyDir shares the node\'s disk, a PVC has its own size',
    source: 'huggingface_hub file_download._check_disk_space ("Not enough free disk space to download the file. The expected file size is: %s MB. The target location %s only has %s MB free disk space.")',
    samples: [
      'huggingface_hub/file_download.py:798: UserWarning: Not enough free disk space to download the file. The expected file size is: 9989.87 MB. The target location /model-cache/hub/models--Qwen--Qwen3/blobs only has 9476.35 MB free disk space.',
      'UserWarning: Not enough free disk space to download the file. The expected file size is: 4920.00 MB.',
    ],
    counterSamples: ['Downloading model.safetensors: 100% 4.92G/4.92G'],
  }),
  sig({
    id: 'image.model-download-404',
    cause: 'image.not-found',
    // Model servers' own downloaders fetching a file by URL from a hub: a 404 is the file or repository named in the
    // model's config not being there (a renamed repo, a file name that differs in case).
    re: /failed to download url \\?"https?:\/\/[^"\s\\]+\\?",? invalid status code 404/,
    anchors: ['invalid status code 404'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['image.invalid-reference'],
    check: 'open the URL the message names: the repository and file must exist under those exact names (the model gallery entry or model YAML that produced it may name an old or mistyped file)',
    source: 'LocalAI downloader ("failed to download url %q, invalid status code %d")',
    samples: [
      'Failed to install model: gemma-4-e2b-it(failed to download url "https://huggingface.co/ggml-org/gemma-4-E2B-it-GGUF/resolve/main/gemma-4-e2b-it-Q8_0.gguf", invalid status code 404)',
      'error downloading models error="failed to download url \\"https://huggingface.co/Qwen/Qwen1.5-14B-Chat-GGUF/resolve/main/blob\\", invalid status code 404"',
    ],
    counterSamples: ['failed to download url "https://huggingface.co/Qwen/Qwen1.5-14B-Chat-GGUF/resolve/main/model.gguf", invalid status code 401'],
  }),
];
