import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A cloud registry's credentials come through a chain: the node's or pod's cloud identity (an instance role, IRSA or
 * EKS Pod Identity, Azure workload identity, GKE's metadata server) is exchanged for a registry token by a helper
 * (docker-credential-ecr-login, -gcloud, the kubelet's credential provider plugins, Flux's and external-secrets'
 * generators). Where the first link has nothing to offer (no region, no role, no helper on PATH) the pull goes
 * without credentials; where the cloud refuses the identity, the credentials offered are refused.
 */
export const CLOUD_CREDENTIAL_CHAIN_SIGNATURES: Signature[] = [
  sig({
    id: 'image.ecr-token-no-identity',
    cause: 'image.auth-missing',
    // GetAuthorizationToken never reached with an identity: the SDK found no region or no credentials, or the call went
    // unsigned (MissingAuthenticationToken is AWS's answer to a request with no signature at all).
    re: /(failed|unable) to get authorization token[^\n]{0,200}(missingregion|nocredentialproviders|missingauthenticationtoken|no ec2 imds role found|could not find region configuration)/,
    anchors: ['get authorization token'],
    confidence: 0.8,
    specificity: 91,
    check: 'the identity the ECR helper or generator runs with: AWS_REGION (or the region in the registry host), the instance profile or IRSA/Pod Identity role of the pod or node (aws sts get-caller-identity from the same place)',
    source: 'amazon-ecr-credential-helper ("ecr: Failed to get authorization token: MissingRegion: could not find region configuration"), external-secrets\' ECR generator ("unable to get authorization token: operation error ECR: GetAuthorizationToken … MissingAuthenticationTokenException")',
    samples: [
      'time="2020-06-18T02:48:21Z" level=error msg="Error listing credentials" error="ecr: Failed to get authorization token: MissingRegion: could not find region configuration"',
      'error using generator: unable to get authorization token: operation error ECR: GetAuthorizationToken, https response error StatusCode: 400, RequestID: x, api error MissingAuthenticationTokenException: Missing Authentication Token',
    ],
    counterSamples: ['ecr: Failed to get authorization token: AccessDeniedException: User is not authorized to perform: ecr:GetAuthorizationToken'],
  }),
  sig({
    id: 'image.cloud-identity-exchange-refused',
    cause: 'image.auth-rejected',
    // The workload's identity was presented and refused: STS will not let the service account's token assume the role
    // (its trust policy names another namespace or account), or Azure's token exchange answers 401.
    re: /(operation error ecr|\.dkr\.ecr\.|azurecr\.io|failed to get credential from azure)[^\n]{0,400}(assumerolewithwebidentity[^\n]{0,200}(accessdenied|not authorized)|error exchanging token: unexpected status code 40[13])/,
    anchors: ['assumerolewithwebidentity', 'error exchanging token'],
    confidence: 0.75,
    specificity: 91,
    check: 'the role\'s trust policy (aws iam get-role --role-name <role>: the OIDC provider and system:serviceaccount:<ns>:<name> it names) or the Azure federated credential and role assignment (AcrPull) of the identity the pod runs as',
    source: 'AWS SDK for Go v2 (stscreds: "operation error STS: AssumeRoleWithWebIdentity … AccessDenied"), Flux\'s Azure OCI login ("error exchanging token: unexpected status code 401 from exchange request")',
    samples: [
      'failed to describe images: operation error ECR: DescribeImages, get identity: get credentials: failed to refresh cached credentials, failed to retrieve credentials, operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 1, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity',
      'failed to get credential from azure: error exchanging token: unexpected status code 401 from exchange request',
    ],
    counterSamples: ['operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, api error AccessDenied'],
  }),
  sig({
    id: 'image.gcloud-helper-unusable',
    cause: 'image.auth-missing',
    // gcloud auth configure-docker writes credHelpers for hosts it knows; the helper off PATH or a host it does not
    // serve leaves docker pulling that host without credentials.
    re: /`?docker-credential-[\w.-]+`? not in system path|\S+-docker\.pkg\.dev\S* is not a supported registry/,
    anchors: ['not in system path', 'is not a supported registry'],
    confidence: 0.7,
    specificity: 90,
    check: 'which docker-credential-gcloud on the machine that pulls, and credHelpers in ~/.docker/config.json: the registry host must be listed there (gcloud auth configure-docker <region>-docker.pkg.dev)',
    source: 'Google Cloud SDK (gcloud auth configure-docker: "`docker-credential-gcloud` not in system PATH", "… is not a supported registry")',
    samples: [
      "$ gcloud auth configure-docker\nWARNING: `docker-credential-gcloud` not in system PATH.\ngcloud's Docker credential helper can be configured but it will not work until this is corrected.",
      'Adding credentials for: me-central2-docker.pkg.dev/<PROJECT_ID>\nWARNING: me-central2-docker.pkg.dev/<PROJECT_ID> is not a supported registry',
    ],
    counterSamples: ['docker-credential-gcloud is in system PATH'],
  }),
];
