import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Cloud VPC CNIs give pods addresses from the cloud's own subnets (Aliyun Terway from a vSwitch, the AWS VPC CNI from
 * the node's subnet through its ENIs): the cloud API's error code says the subnet has no address left.
 */
export const CLOUD_IPAM_SIGNATURES: Signature[] = [
  sig({
    id: 'cni.cloud-subnet-addresses-exhausted',
    cause: 'cni.ipam-exhausted',
    re: /invalidvswitchid\.ipnotenough|insufficientfreeaddressesinsubnet/,
    anchors: ['invalidvswitchid.ipnotenough', 'insufficientfreeaddressesinsubnet'],
    confidence: 0.9,
    specificity: 92,
    check: 'the free addresses of the pod subnet in the cloud console or CLI (aliyun vpc DescribeVSwitches AvailableIpAddressCount; aws ec2 describe-subnets --query Subnets[].AvailableIpAddressCount): add a vSwitch or subnet to the CNI\'s config, or free addresses',
    source: 'Aliyun VPC API (InvalidVSwitchId.IpNotEnough), AWS EC2 API (InsufficientFreeAddressesInSubnet) as Terway and the AWS VPC CNI log them',
    samples: [
      'level=warning msg="Assign private ip address failed: Aliyun API Error: Status Code: 403 Code: InvalidVSwitchId.IpNotEnough Message: The specified VSwitch \\"vsw-xxx\\" has not enough IpAddress., retrying"',
      'Failed to increase pool size: failed to allocate a private IP address: InsufficientFreeAddressesInSubnet: The specified subnet does not have enough free addresses to satisfy the request.',
    ],
    counterSamples: ['Assign private ip address failed: Aliyun API Error: Status Code: 403 Code: Forbidden.RAM'],
  }),
];
