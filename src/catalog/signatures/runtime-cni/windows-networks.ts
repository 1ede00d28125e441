import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Windows nodes running flannel: flanneld creates the node's HNS network itself (vxlan: an Overlay network named
 * flannel.<VNI>, not persistent across reboots; host-gw: an L2Bridge network cbr0), bound to the adapter it chose
 * (the NetAdapterName policy). The CNI plugins (flannel's delegate win-overlay, win-bridge, sdnoverlay, sdnbridge) only
 * look that network up by the CNI config's "name" and add endpoints to it. So a network the CNI cannot find says
 * flanneld is not (or not yet) running there, an adapter HNS cannot find says flanneld named the wrong one, and a
 * network of the other type says the CNI config's delegate does not fit the backend.
 */
export const WINDOWS_NETWORK_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.windows-hns-adapter-not-found',
    cause: 'flannel.wrong-iface',
    // flanneld's own network creation (device_windows.go, hostgw_windows.go) passes its chosen interface as the
    // network's adapter; HNS answers HCN_E_ADAPTER_NOT_FOUND when no physical adapter has that name, typically the
    // vEthernet (…) vNIC a previous network left, or an --iface that names another adapter.
    re: /failed to create (hnsnetwork|hostcomputenetwork) \S+: (failed during hnscallrawresponse: )?(hnscall|hcncreatenetwork) failed in\s+win32: an adapter was not found/,
    anchors: ['an adapter was not found'],
    confidence: 0.75,
    specificity: 93,
    check: 'Get-NetAdapter on the node and flanneld\'s "Using interface with name …" line: the adapter it binds must be the physical one (Ethernet…), not a vEthernet (…) vNIC of an earlier network; pass --iface=<that adapter\'s IP> and remove stale networks (Get-HnsNetwork | ? Name -ne nat | Remove-HnsNetwork) before flanneld restarts',
    source: 'flannel pkg/backend/vxlan/device_windows.go (addNetAdapterName, "failed to create HostComputeNetwork %s"), hostgw_windows.go ("failed to create HNSNetwork %s"); hcsshim hcserror ("%s failed in Win32: %s (0x%x)"), HCN_E_ADAPTER_NOT_FOUND 0x803b0006',
    samples: [
      'E1205 08:01:15.482311    2216 main.go:384] Error registering network: failed to create HostComputeNetwork flannel.4096: hcnCreateNetwork failed in Win32: An adapter was not found. (0x803b0006)',
      'Error registering network: failed to create HNSNetwork cbr0: hnsCall failed in Win32: An adapter was not found. (0x803b0006)',
    ],
    counterSamples: ['Failed creating ingress network: failed during hnsCallRawResponse: hnsCall failed in Win32: An adapter was not found. (0x803b0006)'],
  }),
  sig({
    id: 'flannel.windows-hns-adapter-not-found-script',
    cause: 'flannel.wrong-iface',
    // The node scripts of the Microsoft SDN repository and sig-windows-tools (hns.psm1's New-HNSNetwork, start.ps1)
    // create the flannel network with -AdapterName from their -InterfaceName/-ManagementIP guess: the same answer
    // through PowerShell. Less sure than flanneld's own line, since the script may create another network.
    re: /invoke-hnsrequest : @\{error=an adapter was not found|verbose: result : \{"error":"an adapter was not found\. ?","errorcode":2151350278/,
    anchors: ['an adapter was not found'],
    confidence: 0.6,
    specificity: 91,
    check: 'Get-NetAdapter on the node: the -InterfaceName / adapter the script passes must be the physical adapter\'s name (after a first run it is wrapped as vEthernet (…)); rerun the script with the right name or the management IP',
    source: 'Microsoft SDN Kubernetes/windows/hns.psm1 (Invoke-HnsRequest: "@{Error=…; ErrorCode=…; Success=False}"), start.ps1 -Verbose',
    samples: [
      'Invoke-HnsRequest : @{Error=An adapter was not found. ; ErrorCode=2151350278; Success=False}\nAt C:\\k\\hns.psm1:233 char:16',
      'VERBOSE: Result : {"Error":"An adapter was not found. ","ErrorCode":2151350278,"Success":false}',
    ],
    counterSamples: ['Invoke-HNSRequest : @{Error=The parameter is incorrect. ; Success=False}'],
  }),
  sig({
    id: 'runtime.windows-hns-adapter-not-found',
    cause: 'unknown',
    // HCN_E_ADAPTER_NOT_FOUND from whoever created a network (Docker's nat or swarm ingress, a CNI creating its own):
    // the adapter the creator named is missing, which is flannel's interface only when flanneld made the call.
    re: /an adapter was not found/,
    anchors: ['an adapter was not found'],
    confidence: 0.4,
    specificity: 80,
    alternatives: ['flannel.wrong-iface'],
    check: 'which program created the network (flanneld\'s log, the node script, dockerd) and Get-NetAdapter: the adapter name it passed must exist and be the physical one',
    source: 'HNS HCN_E_ADAPTER_NOT_FOUND (0x803b0006)',
    samples: ['got the error: HNS failed with error : An adapter was not found.', 'Failed creating ingress network: failed during hnsCallRawResponse: hnsCall failed in Win32: An adapter was not found. (0x803b0006)'],
    counterSamples: ['HNS failed with error : Element not found.'],
  }),
  sig({
    id: 'flannel.windows-forwarding-iface-gone',
    cause: 'flannel.wrong-iface',
    // hostgw_windows.go enables forwarding on the interface carrying the bridge endpoint's address; Set-NetIPInterface
    // answering "Element not found" says the interface index flanneld found is not there any more (the vNIC was
    // replaced when the network was recreated): the interface it works with is not the node's current one.
    re: /failed to enable forwarding on [^\n]{1,80} index \d+: [\s\S]{0,700}command output: element not found/,
    anchors: ['failed to enable forwarding on'],
    confidence: 0.6,
    specificity: 92,
    check: 'Get-NetIPInterface -AddressFamily IPv4 | Select ifIndex, InterfaceAlias, Forwarding and Get-HnsNetwork on the node: remove the stale cbr0 network and restart flanneld with --iface set to the physical adapter\'s IP',
    source: 'flannel pkg/backend/hostgw/hostgw_windows.go ("failed to enable forwarding on %s index %d"), pkg/ip/iface_windows.go (Set-NetIPInterface), pkg/powershell ("Command output: ")',
    samples: [
      'Error registering network: failed to enable forwarding on vEthernet (Ethernet0) index 5: error: exit status 1 while running the command: C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -NoLogo -NoProfile -NonInteractive -Command $ErrorActionPreference="Stop";try { Set-NetIPInterface -ifIndex 5 -AddressFamily IPv4 -Forwarding Enabled } catch { Write-Host $_; os.Exit(-1) }. Command output: Element not found.',
      'failed to enable forwarding on vEthernet (Ethernet) index 12: error: exit status 1 while running the command: powershell.exe -Command Set-NetIPInterface -ifIndex 12. Command output: Element not found.',
    ],
    counterSamples: ['failed to enable forwarding on vEthernet (cbr0) index 21: error: exit status 1 while running the command: powershell.exe. Command output: Access is denied.'],
  }),
  sig({
    id: 'flannel.windows-host-iface-wait',
    cause: 'unknown',
    // flanneld created the network and waits for HNS to report its management IP and for the host vNIC to carry it:
    // a timeout says the host's networking did not come back on the new virtual switch (DHCP lease, a slow vSwitch,
    // an adapter without an address), which flannel's interface choice explains only sometimes.
    re: /timeout, failed to get (net interface|management ip) (for|from) (hnsnetwork|hostcomputenetwork)|took too long to get ready\. please check your network host configuration/,
    anchors: ['failed to get net interface for', 'failed to get management ip from', 'took too long to get ready'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['flannel.wrong-iface'],
    check: 'Get-NetAdapter and Get-NetIPAddress on the node right after flanneld starts: the vEthernet (<adapter>) vNIC must come up with the host\'s address; an adapter on DHCP or without an IPv4 address, or the wrong adapter (--iface), keeps it from doing so',
    source: 'flannel pkg/backend/vxlan/device_windows.go and vxlan_windows.go (checkHostNetworkReady), hostgw_windows.go',
    samples: [
      'Error registering network: interface bound to flannel.4096 took too long to get ready. Please check your network host configuration',
      'Error registering network: timeout, failed to get net interface for HNSNetwork cbr0 (10.0.0.4): no interface with given IP found',
      'failed to create VXLAN network: timeout, failed to get management IP from HostComputeNetwork flannel.4096: context deadline exceeded',
    ],
    counterSamples: ['Failed to find any valid interface to use: error looking up interface 10.0.0.4: no interface with given IP found'],
  }),
  sig({
    id: 'flannel.windows-hostgw-backend-config',
    cause: 'flannel.config-invalid',
    re: /error decoding windows host-gw backend config/,
    anchors: ['error decoding windows host-gw backend config'],
    confidence: 0.9,
    specificity: 95,
    check: 'kubectl -n kube-flannel get cm kube-flannel-cfg -o jsonpath={.data.net-conf\\.json}: the Backend object must be valid JSON with the documented field types',
    source: 'flannel pkg/backend/hostgw/hostgw_windows.go ("error decoding windows host-gw backend config")',
    samples: ['Error registering network: error decoding windows host-gw backend config: json: cannot unmarshal number into Go value of type string', 'error decoding windows host-gw backend config: unexpected end of JSON input'],
    counterSamples: ['HOST-GW config: {Name:cbr0 DNSServerList:}'],
  }),
  sig({
    id: 'flannel.mixed-backend-leases',
    cause: 'flannel.config-invalid',
    // flanneld skips every other node's lease whose backend type differs from its own: the nodes do not run one
    // net-conf.json (a Windows DaemonSet's config with host-gw beside Linux nodes on vxlan), so no routes to them.
    re: /ignoring non-(vxlan|host-gw|wireguard|ipip|udp|alloc) (v4)?subnet[^\n]{0,160}type=[\w-]+/,
    anchors: ['ignoring non-'],
    confidence: 0.7,
    specificity: 90,
    check: 'kubectl get nodes -o custom-columns=NAME:.metadata.name,BACKEND:.metadata.annotations.flannel\\.alpha\\.coreos\\.com/backend-type: every node must use the same backend (and, for vxlan with Windows, VNI 4096 on all); make the Linux and Windows flannel configs agree',
    source: 'flannel pkg/backend/route_network_windows.go ("Ignoring non-%v subnet(%v): type=%v"), vxlan_network_windows.go ("ignoring non-vxlan subnet(%v): type=%v"), vxlan_network.go',
    samples: ['W1205 08:05:11.118843    2216 route_network_windows.go:87] Ignoring non-host-gw subnet(10.244.0.0/24): type=vxlan', 'ignoring non-vxlan subnet(10.244.3.0/24): type=host-gw'],
    counterSamples: ['Subnet added: 10.244.2.0/24 via 10.0.0.5'],
  }),
  sig({
    id: 'flannel.windows-overlay-not-available',
    cause: 'flannel.backend-unsupported',
    // The host's HNS refuses the network type flanneld asks for, or the virtual switch has no VFP extension, which
    // the Overlay and L2Bridge networks are built on (client editions, hosts without the SDN stack).
    re: /failed to create (hnsnetwork|hostcomputenetwork) \S+: (failed during hnscallrawresponse: )?(hnscall|hcncreatenetwork) failed in\s+win32: (the specified switch extension does not exist on this switch|invalid network type)/,
    anchors: ['switch extension does not exist', 'invalid network type'],
    confidence: 0.6,
    specificity: 92,
    check: 'the Windows edition and build (Get-ComputerInfo WindowsProductName, OsBuildNumber) and Get-VMSwitchExtension -VMSwitchName <switch> | ? Name -like "*VFP*": flannel on Windows needs Windows Server 2019 or later with the Containers feature',
    source: 'flannel device_windows.go / hostgw_windows.go network creation; HNS HCN_E_SWITCH_EXTENSION_NOT_FOUND, HCN_E_INVALID_NETWORK_TYPE',
    samples: [
      'Error registering network: failed to create HostComputeNetwork flannel.4096: hcnCreateNetwork failed in Win32: The specified switch extension does not exist on this switch. (0x803b001f)',
      'Error registering network: failed to create HostComputeNetwork flannel.4096: hcnCreateNetwork failed in Win32: Invalid network type. (0x803b000b)',
    ],
    counterSamples: ['failed to create HostComputeNetwork flannel.4096: hcnCreateNetwork failed in Win32: The parameter is incorrect. (0x57)'],
  }),
  sig({
    id: 'cni.windows-hns-network-missing',
    cause: 'flannel.daemon-down',
    // The CNI plugin looks the HNS network up by the CNI config's name and finds none: flanneld creates it when it
    // starts (the vxlan one does not survive a reboot), so on a node whose flanneld has not run since, every pod fails
    // here. A CNI "name" that differs from the network flanneld made gives the same text.
    re: /error while hcn\.getnetworkbyname\([^)\n]*\): network name \\*"[^"\n\\]*\\*" not found|error while gethnsnewtorkbyname\([^)\n]*\): network \S+ not found|error while getting network \S+: network \S+ not found|network not found\. the network specified in the cni config was not found|failed \(add\): (failed to delegate add: )?network \S+ (is )?not found/,
    anchors: ['error while hcn.getnetworkbyname', 'error while gethnsnewtorkbyname', 'error while getting network', 'the network specified in the cni config was not found', 'failed (add): network ', 'failed to delegate add: network '],
    confidence: 0.6,
    specificity: 92,
    alternatives: ['cni.config-invalid'],
    check: 'Get-HnsNetwork | Select Name, Type on the node and the flannel pod there (kubectl -n kube-flannel get pods -o wide): no network means flanneld has not run since the node booted or failed (its log says why); a network under another name means the CNI config\'s "name" must be that name (flannel.<VNI> for vxlan, cbr0 for host-gw)',
    source: 'containernetworking/plugins win-overlay ("error while hcn.GetNetworkByName(%s)", "error while GETHNSNewtorkByName(%s)", "network %v not found"), win-bridge ("error while getting network %v"); hcsshim ("Network name %q not found", "Network %s not found"); windows-container-networking cni/errors.go',
    samples: [
      'plugin type="flannel" name="flannel.4096" failed (add): failed to delegate add: error while hcn.GetNetworkByName(flannel.4096): Network name "flannel.4096" not found',
      'network: error while GETHNSNewtorkByName(flannel.4096): Network flannel.4096 not found',
      'plugin type="flannel" name="cbr0" failed (add): failed to delegate add: error while getting network cbr0: Network cbr0 not found',
      'failed (add): Network not found. The network specified in the CNI config was not found and the endpoint can not be created. Please create the network to proceed.; Network name "flannel.4096" not found',
    ],
    counterSamples: ['"Unable to find HNS Network specified, please check network name and CNI deployment" err="Network name \\"flannel.4096\\" not found"', 'error while AddHnsEndpoint(x_vxlan0,6FFC,x): failed to find HNSEndpoint x_vxlan0: Endpoint x_vxlan0 not found'],
  }),
  sig({
    id: 'cni.windows-network-type-mismatch',
    cause: 'cni.config-invalid',
    // win-bridge needs an L2Bridge network (flannel host-gw), win-overlay an Overlay one (flannel vxlan): the CNI
    // config's delegate type does not fit the backend flanneld runs.
    re: /network \S+ is of (an )?unexpected type: \w+/,
    anchors: ['is of unexpected type', 'is of an unexpected type'],
    confidence: 0.85,
    specificity: 93,
    check: 'the CNI config on the node (C:\\etc\\cni\\net.d\\*.conf) against net-conf.json: Backend vxlan needs delegate "win-overlay" (or sdnoverlay), host-gw needs "win-bridge" (or sdnbridge)',
    source: 'containernetworking/plugins win-bridge ("network %v is of unexpected type: %v"), win-overlay ("network %v is of an unexpected type: %v")',
    samples: ['failed (add): failed to delegate add: network cbr0 is of unexpected type: Overlay', 'network flannel.4096 is of an unexpected type: L2Bridge'],
    counterSamples: ['network flannel.4096 not found'],
  }),
  sig({
    id: 'cni.windows-plugin-options',
    cause: 'cni.config-invalid',
    re: /endpointmacprefix \[[^\]\n]*\] is invalid|win-overlay doesn't support ipv6|'delegate' dictionary (must not have '(name|ipam)' field|, if present, must have \(string\) 'type' field)/,
    anchors: ['endpointmacprefix', "win-overlay doesn't support ipv6", "'delegate' dictionary"],
    confidence: 0.9,
    specificity: 93,
    check: 'the CNI config on the node (C:\\etc\\cni\\net.d\\*.conf): endpointMacPrefix like "0E-2A", an IPv4 subnet for win-overlay, and a delegate without name or ipam (flannel sets both)',
    source: 'containernetworking/plugins win-overlay ("endpointMacPrefix [%v] is invalid, value must be of the format xx-xx", "win-overlay doesn\'t support IPv6 now"), flannel meta plugin (delegate checks)',
    samples: ['endpointMacPrefix [0E2A] is invalid, value must be of the format xx-xx', "failed (add): 'delegate' dictionary must not have 'ipam' field, it'll be set by flannel", "win-overlay doesn't support IPv6 now"],
    counterSamples: ['VXLAN config: Name=flannel.4096 MacPrefix=0E-2A VNI=4096'],
  }),
  sig({
    id: 'cni.windows-endpoint-policy-invalid',
    cause: 'cni.config-invalid',
    // sdnoverlay / sdnbridge build the endpoint's policies from the CNI config's AdditionalArgs (OutBoundNAT
    // exceptions, the SDNROUTE prefix and the ProviderAddress the start script fills in): HNS rejecting the policy
    // points at those values, often left empty by the script.
    re: /error creating endpoint hcncreateendpoint failed in win32: the provided policy configuration is invalid or missing parameters/,
    anchors: ['error creating endpoint hcncreateendpoint'],
    confidence: 0.6,
    specificity: 92,
    check: 'type C:\\etc\\cni\\net.d\\10-flannel.conf on the node: every AdditionalArgs policy needs its values (Exceptions with the service and pod CIDRs, DestinationPrefix the service CIDR, ProviderAddress the node IP)',
    source: 'microsoft/windows-container-networking network/manager.go ("error creating endpoint %v : endpoint config %v"); HCN_E_INVALID_POLICY 0x803b000d',
    samples: ['failed (add): error creating endpoint hcnCreateEndpoint failed in Win32: The provided policy configuration is invalid or missing parameters. (0x803b000d) : endpoint config &{Id: Name:x}', 'error creating endpoint hcnCreateEndpoint failed in Win32: The provided policy configuration is invalid or missing parameters. (0x803b000d)'],
    counterSamples: ['Policy creation failed: hnsCall failed in Win32: The provided policy configuration is invalid or missing parameters. (0x803b000d)'],
  }),
  sig({
    id: 'cni.netconf-unparsable-bom',
    cause: 'cni.config-invalid',
    // A CNI plugin (host-local run by kube-proxy's start script for the source VIP, or any plugin) could not parse the
    // network config it was given: on Windows typically a file written by PowerShell with a byte-order mark.
    re: /error reading network config: invalid character '[^'\n]{1,4}' looking for beginning of value/,
    anchors: ['error reading network config'],
    confidence: 0.8,
    specificity: 91,
    check: 'the config file\'s first bytes (Format-Hex <file> | Select -First 1): a BOM (FF FE, EF BB BF) must go; write it with Out-File -Encoding ascii (PowerShell 5.1) or -Encoding utf8NoBOM',
    source: 'CNI plugin config parsing (encoding/json "invalid character %q looking for beginning of value")',
    samples: ['{\n    "code": 100,\n    "msg": "error reading network config: invalid character \'茂\' looking for beginning of value"', 'error reading network config: invalid character \'ÿ\' looking for beginning of value'],
    counterSamples: ['error reading network config: unexpected end of JSON input'],
  }),
  sig({
    id: 'runtime.windows-preparenode-no-runtime',
    cause: 'runtime.unavailable',
    // sig-windows-tools' PrepareNode.ps1 checks the runtime's named pipe before it installs the kubelet.
    re: /(containerd|docker) service was not detected - please install (and )?start (containerd|docker) before calling preparenode\.ps1/,
    anchors: ['service was not detected - please install'],
    confidence: 0.9,
    specificity: 92,
    check: 'Get-Service containerd on the node and Test-Path //./pipe/containerd-containerd: install containerd (Install-Containerd.ps1) and Start-Service containerd, then rerun PrepareNode.ps1',
    source: 'kubernetes-sigs/sig-windows-tools hostprocess/PrepareNode.ps1 (Test-Path "//./pipe/containerd-containerd")',
    samples: ['C:\\k\\PrepareNode.ps1 : ContainerD service was not detected - please install and start containerD before calling PrepareNode.ps1 with -ContainerRuntime containerD', 'PrepareNode.ps1 : Docker service was not detected - please install start Docker before calling PrepareNode.ps1 with -ContainerRuntime Docker'],
    counterSamples: ['Using Kubernetes version: v1.36.3'],
  }),
];
