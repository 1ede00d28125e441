import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Windows nodes: containers run through the Host Compute Service (HCS, vmcompute) and their networks through the
 * Host Networking Service (HNS/HCN). When those services or the Windows features behind them are missing, every pod
 * on the node fails, in Windows' own words carried by hcsshim.
 */
export const WINDOWS_HOST_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.windows-service-stopped',
    cause: 'runtime.unavailable',
    // PowerShell's Get-Service table on a Windows node: the runtime's service is not running, so the kubelet has no
    // runtime to talk to.
    re: /\bstopped +(containerd|docker) +(containerd|docker)\b/,
    anchors: ['stopped'],
    confidence: 0.8,
    specificity: 85,
    alternatives: ['node.not-ready'],
    check: 'Get-Service containerd (or docker) and Get-WinEvent / the service\'s log on the node: Start-Service containerd; a service that stops again says why in its log (C:\\ProgramData\\containerd\\root or the -log-file it was given)',
    source: 'PowerShell Get-Service output (Status, Name, DisplayName)',
    samples: ['PS C:\\> Get-Service containerd\n\nStatus   Name               DisplayName\n------   ----               -----------\nStopped  containerd         containerd container runtime', 'Stopped  docker             Docker Engine'],
    counterSamples: ['Running  containerd         containerd container runtime'],
  }),
  sig({
    id: 'flannel.windows-route-absent',
    cause: 'flannel.route-missing',
    // Get-NetRoute for a destination prefix finds nothing: the host has no route to that subnet (on a flannel
    // Windows node, a remote node's pod subnet that flanneld's host-gw or overlay set-up should have added).
    re: /no matching msft_netroute objects found[^\n]{0,200}destinationprefix like '[\d.]+\/\d+'/,
    anchors: ['msft_netroute'],
    confidence: 0.6,
    specificity: 80,
    alternatives: ['flannel.daemon-down'],
    check: 'Get-NetRoute on the node for each other node\'s podCIDR (kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR): flanneld adds them once it runs with a backend that works across the nodes; its log says why one is missing',
    source: 'PowerShell Get-NetRoute (CIM query error); flannel pkg/routing router_windows.go',
    samples: ["Get-NetRoute : No matching MSFT_NetRoute objects found by CIM query for instances of the ROOT/StandardCimv2/MSFT_NetRoute class on the  CIM server: SELECT * FROM MSFT_NetRoute  WHERE ((DestinationPrefix LIKE '10.244.2.0/24')). Verify query parameters and retry.", "No matching MSFT_NetRoute objects found by CIM query for instances of the ROOT/StandardCimv2/MSFT_NetRoute class on the CIM server: SELECT * FROM MSFT_NetRoute WHERE ((DestinationPrefix LIKE '10.244.1.0/24'))"],
    counterSamples: ['ifIndex DestinationPrefix NextHop RouteMetric ifMetric PolicyStore'],
  }),
  sig({
    id: 'runtime.windows-compute-service',
    cause: 'runtime.unavailable',
    // vmcompute.dll absent (the Containers feature off), the compute or network service not answering (RPC server
    // unavailable), Hyper-V isolation without Hyper-V, a build too old for pods.
    re: /failed to load vmcompute\.dll|lost communication with compute service|the virtual machine could not be started because a required feature is not installed|(hnscall|hcn\w+) failed in win32: the rpc server is unavailable|pod support is not available on windows versions previous to/,
    anchors: ['vmcompute.dll', 'lost communication with compute service', 'required feature is not installed', 'the rpc server is unavailable', 'pod support is not available on windows'],
    confidence: 0.8,
    specificity: 92,
    check: 'on the node (PowerShell): Get-WindowsFeature Containers, Hyper-V (Get-WindowsOptionalFeature -Online on client editions), Get-Service vmcompute, hns; install the feature or start the service, reboot, then restart containerd',
    source: 'hcsshim internal/hcs and internal/hns (HCS and HNS calls carry the Win32 message: "Failed to load vmcompute.dll", "The RPC server is unavailable"), containerd-shim-runhcs-v1 (pods need RS5, build 17763)',
    samples: [
      'Error: failed to create containerd task: failed to create shim task: hcs::CreateComputeSystem 3f9c2a1e7b6d: Failed to load vmcompute.dll: The specified module could not be found.',
      'docker: Error response from daemon: hcs::CreateComputeSystem 3f9c2a1e7b6d: The virtual machine could not be started because a required feature is not installed.',
      'Error registering network: failed to create HNSNetwork cbr0: failed during hnsCallRawResponse: hnsCall failed in Win32: The RPC server is unavailable. (0x6ba)',
    ],
    counterSamples: ['hcs::CreateComputeSystem 3f9c2a1e7b6d: The container operating system does not match the host operating system.'],
  }),
  sig({
    id: 'flannel.windows-remote-subnet-unsupported',
    cause: 'flannel.backend-unsupported',
    // flannel's vxlan backend on Windows needs HNS's Remote Subnet policy (Windows Server 2019 with its updates): an
    // older host cannot carry the overlay at all.
    re: /platform does not support feature remote subnet/,
    anchors: ['does not support feature remote subnet'],
    confidence: 0.85,
    specificity: 94,
    check: 'the Windows build (winver, Get-ComputerInfo OsBuildNumber): the vxlan overlay needs Windows Server 2019 (17763) with current updates or later; on older hosts use host-gw (win-bridge) or update the node',
    source: 'hcsshim hcn (RemoteSubnetSupported), flannel pkg/backend/vxlan/vxlan_windows.go',
    samples: ['E1205 08:01:15.482311    2216 main.go:384] Error registering network: platform does not support feature Remote Subnet', 'Error registering network: platform does not support feature Remote Subnet'],
    counterSamples: ['Remote Subnet policy applied'],
  }),
];
