/** Whether a subnet of the stack is public: it assigns public IPs on launch, or routes 0.0.0.0/0 to an internet gateway. */
import type { PolicyResource } from "@pulumi/policy";
import { arrayOf, hasValue, peekString, type Props } from "./props";
import { ofType, parentsOf, refersTo } from "./stack";

export const SUBNET = "aws:ec2/subnet:Subnet";
const ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
const ROUTE_TABLE_ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
const ROUTE = "aws:ec2/route:Route";
const INTERNET_GATEWAY = "aws:ec2/internetGateway:InternetGateway";
const DEFAULT_ROUTES = ["0.0.0.0/0", "::/0"];

function viaInternetGateway(owner: PolicyResource, property: string, gatewayId: string | undefined): boolean {
  if ((owner.propertyDependencies[property] ?? []).some((d) => d.type === INTERNET_GATEWAY)) return true;
  return gatewayId !== undefined && gatewayId.startsWith("igw-");
}

function routesToInternet(resources: readonly PolicyResource[], table: PolicyResource): boolean {
  const inline = arrayOf<Props>(table.props.routes).some((route) => {
    if (!hasValue(route, "gatewayId")) return false;
    const destination = peekString(route, "cidrBlock") ?? peekString(route, "ipv6CidrBlock");
    return destination !== undefined && DEFAULT_ROUTES.includes(destination) && viaInternetGateway(table, "routes", peekString(route, "gatewayId"));
  });
  if (inline) return true;
  return ofType(resources, ROUTE).some((route) => {
    if (!refersTo(route, "routeTableId", table) || !hasValue(route.props, "gatewayId")) return false;
    const destination = peekString(route.props, "destinationCidrBlock") ?? peekString(route.props, "destinationIpv6CidrBlock");
    return destination !== undefined && DEFAULT_ROUTES.includes(destination) && viaInternetGateway(route, "gatewayId", peekString(route.props, "gatewayId"));
  });
}

/** Why the subnet is public, or undefined when the stack shows it private. */
export function publicSubnetReason(resources: readonly PolicyResource[], subnet: PolicyResource): string | undefined {
  if (subnet.props.mapPublicIpOnLaunch === true) return `subnet '${subnet.name}' assigns public IPs on launch (mapPublicIpOnLaunch)`;
  const tables = ofType(resources, ROUTE_TABLE_ASSOCIATION)
    .filter((a) => refersTo(a, "subnetId", subnet))
    .flatMap((a) => parentsOf(resources, a, "routeTableId", ROUTE_TABLE));
  const open = tables.find((t) => routesToInternet(resources, t));
  return open ? `subnet '${subnet.name}' routes 0.0.0.0/0 to an internet gateway (route table '${open.name}')` : undefined;
}

/** The subnets of the stack that `owner`'s input `property` was computed from. */
export function subnetsFrom(owner: PolicyResource, property: string): PolicyResource[] {
  return (owner.propertyDependencies[property] ?? []).filter((d) => d.type === SUBNET);
}
