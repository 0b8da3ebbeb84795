/**
 * Inbound permissions of security groups and network ACLs, from the several resources that express
 * them (inline blocks, separate rule resources), normalised for the exposure rules.
 */
import { arrayOf, type Props } from "./props";

export const WORLD_CIDRS: readonly string[] = ["0.0.0.0/0", "::/0"];

/** Remote administration and database ports that must never be open to the internet. */
export const ADMIN_PORTS: readonly number[] = [
  20, 21, 22, 23, 445, 1433, 1521, 2375, 2376, 3306, 3389, 4333, 5432, 5439, 5985, 5986, 6379, 9200, 11211, 27017,
];

export interface Ingress {
  /** Lower-cased protocol: `tcp`, `udp`, `icmp`, `-1` (all), ... */
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidrs: string[];
  /** Where it was found, for messages (e.g. `ingress[0]`). */
  readonly where: string;
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { "6": "tcp", "17": "udp", "1": "icmp", all: "-1" };

function protocolOf(value: unknown): string {
  const text = String(value ?? "-1").toLowerCase();
  return PROTOCOL_NAMES[text] ?? text;
}

/** True for all protocols, or TCP/UDP (the port-based ones). */
function usesPorts(protocol: string): boolean {
  return protocol === "-1" || protocol === "tcp" || protocol === "udp";
}

/** The ports an ingress opens: every port for protocol -1, else its range (0/0 with -1 means all). */
export function opensPort(ingress: Ingress, port: number): boolean {
  if (ingress.protocol === "-1") return true;
  if (!usesPorts(ingress.protocol)) return false;
  return port >= ingress.fromPort && port <= ingress.toPort;
}

export function isOpenToWorld(ingress: Ingress): boolean {
  return ingress.cidrs.some((c) => WORLD_CIDRS.includes(c));
}

/** A TCP/UDP port range, or `all ports`. */
export function describePorts(ingress: Ingress): string {
  if (ingress.protocol === "-1") return "all traffic";
  if (ingress.fromPort === ingress.toPort) return `${ingress.protocol} port ${ingress.fromPort}`;
  return `${ingress.protocol} ports ${ingress.fromPort}-${ingress.toPort}`;
}

function num(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

function fromBlock(block: Props, where: string, protocolKey: string, cidrs: string[]): Ingress {
  const protocol = protocolOf(block[protocolKey]);
  const all = protocol === "-1";
  return {
    protocol,
    fromPort: all ? 0 : num(block.fromPort, 0),
    toPort: all ? 65535 : num(block.toPort, 65535),
    cidrs,
    where,
  };
}

/** The inbound permissions a security-group-like resource grants. */
export function securityGroupIngress(type: string, props: Props): Ingress[] {
  switch (type) {
    case "aws:ec2/securityGroup:SecurityGroup":
    case "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup":
      return arrayOf<Props>(props.ingress).map((b, i) =>
        fromBlock(b, `ingress[${i}]`, "protocol", [...arrayOf<string>(b.cidrBlocks), ...arrayOf<string>(b.ipv6CidrBlocks)]),
      );
    case "aws:ec2/securityGroupRule:SecurityGroupRule":
      if (props.type !== "ingress") return [];
      return [fromBlock(props, "rule", "protocol", [...arrayOf<string>(props.cidrBlocks), ...arrayOf<string>(props.ipv6CidrBlocks)])];
    case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
      return [fromBlock(props, "rule", "ipProtocol", [...arrayOf<string>(props.cidrIpv4), ...arrayOf<string>(props.cidrIpv6)])];
    default:
      return [];
  }
}

export const SECURITY_GROUP_TYPES: readonly string[] = [
  "aws:ec2/securityGroup:SecurityGroup",
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
  "aws:ec2/securityGroupRule:SecurityGroupRule",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
];

/** The inbound `allow` entries of a network ACL or network ACL rule. */
export function networkAclIngress(type: string, props: Props): Ingress[] {
  switch (type) {
    case "aws:ec2/networkAcl:NetworkAcl":
    case "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl":
      return arrayOf<Props>(props.ingress).flatMap((b, i) =>
        String(b.action).toLowerCase() === "allow"
          ? [fromBlock(b, `ingress[${i}]`, "protocol", [...arrayOf<string>(b.cidrBlock), ...arrayOf<string>(b.ipv6CidrBlock)])]
          : [],
      );
    case "aws:ec2/networkAclRule:NetworkAclRule":
      if (props.egress === true || String(props.ruleAction).toLowerCase() !== "allow") return [];
      return [fromBlock(props, "rule", "protocol", [...arrayOf<string>(props.cidrBlock), ...arrayOf<string>(props.ipv6CidrBlock)])];
    default:
      return [];
  }
}

export const NETWORK_ACL_TYPES: readonly string[] = [
  "aws:ec2/networkAcl:NetworkAcl",
  "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
  "aws:ec2/networkAclRule:NetworkAclRule",
];
