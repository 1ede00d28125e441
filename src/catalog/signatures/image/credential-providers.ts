import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The kubelet's image credential provider plugins (k8s.io/kubernetes pkg/credentialprovider/plugin, the
 * CredentialProviderConfig of --image-credential-provider-config and the binaries of --image-credential-provider-bin-dir)
 * and the providers users run (ecr-credential-provider, acr-credential-provider, gcp's auth-provider-gcp), in the texts
 * users paste without the kubelet's wrappers ("Failed to register CRI auth plugins", "Failed to provide credentials for
 * image"), which kubelet-node.ts and auth.ts read.
 */
export const CREDENTIAL_PROVIDER_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet.credential-provider-config-refused',
    cause: 'node.not-ready',
    // RegisterCredentialProviderPlugins runs once, before the kubelet serves, and its error ends the kubelet
    // (kuberuntime_manager: log "Failed to register CRI auth plugins", os.Exit(1)): the bin dir or a plugin binary
    // the config names missing, the config failing validation (apiVersion required or not one the kubelet knows,
    // matchImages empty or unparsable, tokenAttributes without its feature gate), or a config whose kind or group is
    // not CredentialProviderConfig of kubelet.config.k8s.io (redaction reads `config.yaml": no` as a value, hence
    // "<redacted> kind"). These texts come from nowhere else, so the pasted inner
    // error alone tells the node stops, not only its private pulls.
    re: /plugin binary (executable \S* ?did not exist|directory \S+ did not exist)|error inspecting binary (executable|directory) \S+: |failed to validate credential provider config: |(no|<redacted>) kind \\?"credentialprovider\w*\\?" is registered for version|failed to decode credentialproviderconfig, unexpected group|failed to decode \\?"credentialprovider\w*\\?" \(wrong kind\)|duplicate provider name \\?"[^"\n]*\\?" found in configuration file|no configuration files found in directory \\?"[^"\n]*credential|error decoding config \\?"[^"\n]*\\?": object 'apiversion' is missing in 'kind: credentialproviderconfig/,
    anchors: ['plugin binary executable', 'plugin binary directory', 'error inspecting binary', 'credential provider config', 'credentialprovider', 'duplicate provider name', 'no configuration files found in directory'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['image.auth-missing'],
    check: 'journalctl -u kubelet -b | grep -i "credential provider" on that node, then the flags --image-credential-provider-config and --image-credential-provider-bin-dir: every provider the config names must be an executable file of that name in the bin dir, the config\'s kind CredentialProviderConfig with apiVersion kubelet.config.k8s.io/v1, and each provider\'s apiVersion credentialprovider.kubelet.k8s.io/v1 with matchImages and defaultCacheDuration set',
    source: 'k8s.io/kubernetes pkg/credentialprovider/plugin (plugin.go RegisterCredentialProviderPlugins: "plugin binary executable %s did not exist", "plugin binary directory %s did not exist", "failed to validate credential provider config: %v"; config.go decode and validation)',
    samples: [
      'failed to validate credential provider config: [providers[0].apiVersion: Required value, providers[0].defaultCacheDuration: Required value]',
      'failed to validate credential provider config: providers[0].name: Invalid value: "/usr/local/bin/ecr-credential-provider": provider name cannot contain \'/\'',
      'failed to decode "CredentialProviderRequest" (wrong Kind)',
      'plugin binary executable /usr/local/bin/ecr-credential-provider did not exist',
      'plugin binary directory /etc/eks/image-credential-provider did not exist',
      'error decoding config "/var/lib/kubelet/credential-provider-config.yaml": no kind "CredentialProviderConfig" is registered for version "kubelet.config.k8s.io/v1beta2" in scheme "pkg/credentialprovider/plugin/config.go:41"',
      'failed to decode CredentialProviderConfig, unexpected Group: kubelet.k8s.io',
      'duplicate provider name "acr-credential-provider" found in configuration file(s)',
      'error decoding config "/srv/noapi.yaml": Object \'apiVersion\' is missing in \'kind: CredentialProviderConfig',
      'E1207 05:42:49.181904     257 kuberuntime_manager.go:315] "Failed to register CRI auth plugins" err="plugin binary executable  did not exist"',
    ],
    counterSamples: [
      'I1206 10:00:01.552310    2187 plugins.go:55] "Registered credential provider" provider="ecr-credential-provider"',
      'failed to decode CredentialProviderResponse, unexpected Group: credentialprovider.example.com',
      'error inspecting binary',
    ],
  }),
  sig({
    id: 'image.credential-provider-plugin-error',
    cause: 'image.auth-missing',
    // What a provider binary writes to stderr when it gives up (ecr-credential-provider main.go: "Error running
    // credential provider plugin: %v"; acr-credential-provider: "Error running acr credential provider: %v"): it
    // answered the kubelet with no credentials, and the pull goes to the registry without them. Among the reasons: a
    // plugin too old for the apiVersion the kubelet sends ("group version credentialprovider.kubelet.k8s.io/v1 is not
    // supported"), the node's cloud identity or metadata service unreachable. An inner text naming a transport or an
    // access denial decides when a signature reads it (they start later and win the tie).
    // An AWS SDK error that carries its own transport or HTTP reason ("request send failed, Post ...: <dial error>",
    // "https response error StatusCode: 5xx") is left to the signatures of that reason: read by real
    // ecr-credential-provider runs, the wrapper outranked them and named missing credentials for a refused, untrusted
    // or failing ECR API endpoint.
    re: /error running (acr |gcp )?credential provider( plugin)?: (?![^\n]*(request send failed, (post|get) |https response error statuscode: 5\d\d))/,
    anchors: ['error running credential provider plugin', 'error running acr credential provider', 'error running gcp credential provider', 'error running credential provider'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['image.auth-rejected', 'registry.connect-timeout', 'registry.dns', 'registry.proxy'],
    check: 'the rest of the provider\'s error: "group version ... is not supported" means the plugin binary is older than the apiVersion its entry in the CredentialProviderConfig names (use a release that knows credentialprovider.kubelet.k8s.io/v1); a metadata or IMDS address timing out means the node\'s identity is unreachable (curl -sv -m 3 http://169.254.169.254/ on the node); AccessDenied names a role without the registry permission',
    source: 'cloud-provider-aws ecr-credential-provider and cloud-provider-azure acr-credential-provider main: "Error running credential provider plugin: %v"',
    samples: [
      'E0502 16:52:22.809788    6287 main.go:161] Error running credential provider plugin: group version credentialprovider.kubelet.k8s.io/v1 is not supported',
      'E1206 10:00:02.000000    7711 main.go:60] Error running acr credential provider: failed to get credentials: DefaultAzureCredential: failed to acquire a token.',
      'E1206 10:00:03.000000    8812 main.go:72] Error running credential provider plugin: unable to get token from metadata server',
    ],
    counterSamples: [
      'I1206 10:00:01.977805   10767 main.go:124] Getting creds for private image 123456789012.dkr.ecr.us-east-1.amazonaws.com/payments/api',
      'E1207 05:41:57.828027     108 main.go:361] Error running credential provider plugin: operation error ECR: GetAuthorizationToken, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 127.0.0.1:443: connect: connection refused',
      'E1207 05:44:31.463465     402 main.go:361] Error running credential provider plugin: operation error ECR: GetAuthorizationToken, exceeded maximum number of attempts, 3, https response error StatusCode: 500, RequestID: 6f1c2a9e-0000-4000-8000-000000000001, ServerException: Internal service error',
    ],
  }),
  sig({
    id: 'image.credential-provider-token-audience-forbidden',
    cause: 'image.auth-missing',
    // Service-account-token mode (credential provider tokenAttributes, 1.33+): the kubelet asks the API server for
    // a token of the pod's service account with the provider's serviceAccountTokenAudience; the NodeRestriction
    // admission allows a node only audiences the pod's volumes name or that RBAC grants nodes with the verb
    // request-serviceaccounts-token-audience. Refused, the plugin is not run and the pull goes without credentials.
    re: /audience \\?"[^"\n]+\\?" not found in pod spec volume, (error authorizing )?system:node:\S+ (is not authorized )?to request tokens for this audience/,
    anchors: ['to request tokens for this audience'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['image.auth-rejected'],
    check: 'kubectl get clusterrolebindings -o wide | grep -i audience, and kubectl get clusterrole <name> -o yaml: nodes need a rule with verb request-serviceaccounts-token-audience for the provider\'s serviceAccountTokenAudience (and get on serviceaccounts); compare it with tokenAttributes.serviceAccountTokenAudience in the kubelet\'s CredentialProviderConfig',
    source: 'k8s.io/kubernetes plugin/pkg/admission/noderestriction ("audience %q not found in pod spec volume, %s is not authorized to request tokens for this audience"), reached from pkg/credentialprovider/plugin ("failed to get service account token: %w")',
    samples: [
      'failed to get service account token: serviceaccounts "cart" is forbidden: audience "sts.amazonaws.com" not found in pod spec volume, system:node:ip-10-0-12-34.ec2.internal is not authorized to request tokens for this audience',
      'serviceaccounts "default" is forbidden: audience "api://AzureADTokenExchange" not found in pod spec volume, system:node:aks-nodepool1-31718369-vmss000002 is not authorized to request tokens for this audience',
    ],
    counterSamples: ['serviceaccounts "default" is forbidden: User "system:serviceaccount:ci:runner" cannot create resource "serviceaccounts/token" in API group "" in the namespace "shop"'],
  }),
];
