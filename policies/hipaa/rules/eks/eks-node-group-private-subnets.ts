import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import type { PhiguardStackPolicy } from "../../../engine/rule";
import { DeferredErrors, asArray, asObject, dependsThrough, hasValue, peek, sourcesOf } from "../kubernetes/support";
import { NODE_GROUP_TYPE } from "./support";

const SUBNET = "aws:ec2/subnet:Subnet";
const ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
const ROUTE_TABLE_ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
const ROUTE = "aws:ec2/route:Route";
const INTERNET_GATEWAY = "aws:ec2/internetGateway:InternetGateway";

const DEFAULT_ROUTES = new Set(["0.0.0.0/0", "::/0"]);

/** True for a gateway id that is an internet gateway: computed from one, or a literal `igw-...`. */
function isInternetGateway(owner: PolicyResource, property: string, gatewayId: unknown): boolean {
  if (sourcesOf(owner, property, INTERNET_GATEWAY).length > 0) return true;
  return typeof gatewayId === "string" && gatewayId.startsWith("igw-");
}

/** True when the route table sends the default route to an internet gateway. */
function routesToInternet(table: PolicyResource, routes: readonly PolicyResource[]): boolean {
  const inline = asArray(table.props.routes).some((item) => {
    const route = asObject(item);
    if (!route || !hasValue(route, "gatewayId")) return false;
    const destination = route.cidrBlock ?? route.ipv6CidrBlock;
    return typeof destination === "string" && DEFAULT_ROUTES.has(destination) && isInternetGateway(table, "routes", peek(route, "gatewayId"));
  });
  if (inline) return true;
  return routes.some((route) => {
    if (!dependsThrough(route, "routeTableId", table) || !hasValue(route.props, "gatewayId")) return false;
    const destination = route.props.destinationCidrBlock ?? route.props.destinationIpv6CidrBlock;
    return (
      typeof destination === "string" &&
      DEFAULT_ROUTES.has(destination) &&
      isInternetGateway(route, "gatewayId", peek(route.props, "gatewayId"))
    );
  });
}

/** Catalog K4 (private nodes); CIS EKS 5.4.3. */
const rule: PhiguardStackPolicy = {
  name: "eks-node-group-private-subnets",
  description:
    "Managed node groups must run in private subnets: none of the program's subnets they use may assign public IPs on launch (mapPublicIpOnLaunch) or route 0.0.0.0/0 to an internet gateway. Subnets given as literal ids of an existing VPC are outside the program and not checked.",
  hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
  controls: { awsConfig: ["SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED"], checkov: ["CKV_AWS_130"], cis: ["5.4.3"] },
  remediation:
    "Place node groups in private subnets (as `SecureCluster` does), e.g. the `private` tier of phiguard's `MultiRegionNetwork`: subnets without `mapPublicIpOnLaunch` whose default route goes to a NAT gateway or nowhere.",
  enforcementLevel: "mandatory",
  resourceTypes: [NODE_GROUP_TYPE],
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const associations = args.resources.filter((r) => r.type === ROUTE_TABLE_ASSOCIATION);
    const routes = args.resources.filter((r) => r.type === ROUTE);
    const deferred = new DeferredErrors();
    for (const nodeGroup of args.resources.filter((r) => r.type === NODE_GROUP_TYPE)) {
      for (const subnet of sourcesOf(nodeGroup, "subnetIds", SUBNET)) {
        deferred.attempt(() => {
          if (subnet.props.mapPublicIpOnLaunch === true) {
            reportViolation(`Node group ${nodeGroup.name} uses subnet ${subnet.name}, which assigns public IPs on launch (mapPublicIpOnLaunch).`, nodeGroup.urn);
          }
        });
        deferred.attempt(() => {
          const tables = associations
            .filter((a) => dependsThrough(a, "subnetId", subnet))
            .flatMap((a) => sourcesOf(a, "routeTableId", ROUTE_TABLE));
          const publicTable = tables.find((t) => routesToInternet(t, routes));
          if (publicTable) {
            reportViolation(
              `Node group ${nodeGroup.name} uses subnet ${subnet.name}, whose route table ${publicTable.name} sends the default route to an internet gateway.`,
              nodeGroup.urn,
            );
          }
        });
      }
    }
    deferred.rethrow();
  },
};

export default rule;
