import { beforeAll, describe, expect, test } from "vitest";
import { type Plan, type PlannedResource } from "../../cli/plan";
import { planTestProgram } from "../../test/support/plan";
import { pickAvailabilityZones } from "./multiRegionNetwork";

const ACCOUNT = "123456789012"; // the planner's offline account
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1"] as const;
const CIDRS: Record<string, string> = { "us-east-1": "10.0.0.0/16", "us-west-2": "10.1.0.0/16", "eu-west-1": "10.2.0.0/16" };
const NON_TAGGABLE = new Set([
  "aws:ec2/route:Route",
  "aws:ec2/routeTableAssociation:RouteTableAssociation",
  "aws:kms/alias:Alias",
  "aws:kms/grant:Grant",
  "aws:iam/rolePolicy:RolePolicy",
]);

function byName(plan: Plan, name: string): PlannedResource {
  const found = plan.resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name}`);
  return found;
}

const ofType = (plan: Plan, type: string) => plan.resources.filter((r) => r.type === type);
const names = (resources: readonly PlannedResource[]) => resources.map((r) => r.name).sort();
const deps = (resource: PlannedResource, property: string) => [...(resource.propertyDependencies[property] ?? [])].sort();
const urns = (plan: Plan, ...resourceNames: string[]) => resourceNames.map((n) => byName(plan, n).urn).sort();

describe("MultiRegionNetwork through the planner: three regions, defaults", () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await planTestProgram(`
import { MultiRegionNetwork } from "../../components";
export const net = new MultiRegionNetwork("net", {
  regions: ["us-east-1", "us-west-2", "eu-west-1"],
  supernet: "10.0.0.0/12",
  owner: "clinical-platform",
  tags: { "cost-centre": "cc-42" },
}).vpcIds;
`);
  });

  test("one VPC per region, from the supernet, with DNS on for private endpoints", () => {
    const vpcs = ofType(plan, "aws:ec2/vpc:Vpc");
    expect(names(vpcs)).toEqual(["net-vpc-eu-west-1", "net-vpc-us-east-1", "net-vpc-us-west-2"]);
    for (const region of REGIONS) {
      const vpc = byName(plan, `net-vpc-${region}`);
      expect(vpc.region).toBe(region);
      expect(vpc.props).toMatchObject({ cidrBlock: CIDRS[region], enableDnsSupport: true, enableDnsHostnames: true, region });
      expect(vpc.parent).toBe(byName(plan, "net").urn);
    }
    expect(byName(plan, "net").type).toBe("phiguard:network:MultiRegionNetwork");
  });

  test("private and isolated subnets in three AZs, none public, none mapping public IPs", () => {
    const subnets = ofType(plan, "aws:ec2/subnet:Subnet");
    expect(subnets).toHaveLength(3 * 2 * 3);
    for (const subnet of subnets) expect(subnet.props["mapPublicIpOnLaunch"]).toBe(false);
    expect(byName(plan, "net-subnet-us-west-2-private-2").props).toMatchObject({ availabilityZone: "us-west-2c", cidrBlock: "10.1.96.0/20" });
    expect(byName(plan, "net-subnet-eu-west-1-isolated-0").props).toMatchObject({ availabilityZone: "eu-west-1a", cidrBlock: "10.2.128.0/20" });
    expect(subnets.filter((s) => s.name.includes("-public-"))).toEqual([]);
    for (const type of ["aws:ec2/internetGateway:InternetGateway", "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip"]) {
      expect(ofType(plan, type)).toEqual([]);
    }
    const defaultRoutes = ofType(plan, "aws:ec2/route:Route").filter((r) => r.props["destinationCidrBlock"] === "0.0.0.0/0");
    expect(defaultRoutes).toEqual([]);
  });

  test("the default security group of every VPC is adopted with no rules", () => {
    for (const region of REGIONS) {
      const sg = byName(plan, `net-default-sg-${region}`);
      expect(sg.type).toBe("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
      expect(sg.props).toMatchObject({ ingress: [], egress: [], region });
      expect(deps(sg, "vpcId")).toEqual(urns(plan, `net-vpc-${region}`));
    }
  });

  test("flow logs of ALL traffic go to a KMS-encrypted log group kept 365 days, through an IAM role", () => {
    const role = byName(plan, "net-flow-logs-role");
    const trust = JSON.parse(role.props["assumeRolePolicy"] as string);
    expect(trust.Statement[0]).toMatchObject({
      Principal: { Service: "vpc-flow-logs.amazonaws.com" },
      Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    });
    const rolePolicy = JSON.parse(byName(plan, "net-flow-logs-policy").props["policy"] as string);
    expect(rolePolicy.Statement[0].Resource).toContain(`arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/phiguard/test/test/net/vpc-flow-logs:*`);

    for (const region of REGIONS) {
      const logGroup = byName(plan, `net-flow-logs-${region}`);
      expect(logGroup.type).toBe("aws:cloudwatch/logGroup:LogGroup");
      expect(logGroup.props).toMatchObject({ region, retentionInDays: 365 });
      const keyName = region === "us-east-1" ? "net-flow-logs-key-us-east-1" : `net-flow-logs-replica-${region}`;
      const key = byName(plan, keyName);
      expect(deps(logGroup, "kmsKeyId")).toEqual([key.urn]);
      const keyPolicy = JSON.parse(key.props["policy"] as string) as { Statement: { Sid: string; Principal: unknown }[] };
      expect(keyPolicy.Statement.find((s) => s.Sid === "CloudWatchLogsOfThisAccount")?.Principal).toEqual({ Service: `logs.${region}.amazonaws.com` });

      const flowLog = byName(plan, `net-flow-log-${region}`);
      expect(flowLog.props).toMatchObject({ region, trafficType: "ALL", logDestinationType: "cloud-watch-logs" });
      expect(deps(flowLog, "vpcId")).toEqual(urns(plan, `net-vpc-${region}`));
      expect(deps(flowLog, "logDestination")).toEqual([logGroup.urn]);
      expect(deps(flowLog, "iamRoleArn")).toEqual([role.urn]);
    }
    const flowKey = byName(plan, "net-flow-logs-key-us-east-1");
    expect(flowKey.props).toMatchObject({ multiRegion: true, enableKeyRotation: true, deletionWindowInDays: 30 });
  });

  test("gateway and interface endpoints keep AWS traffic on the AWS network", () => {
    for (const region of REGIONS) {
      const internalTables = urns(plan, `net-rt-${region}-private-0`, `net-rt-${region}-private-1`, `net-rt-${region}-private-2`, `net-rt-${region}-isolated`);
      for (const service of ["s3", "dynamodb"]) {
        const endpoint = byName(plan, `net-vpce-${region}-${service}`);
        expect(endpoint.props).toMatchObject({ vpcEndpointType: "Gateway", serviceName: `com.amazonaws.${region}.${service}` });
        expect(deps(endpoint, "routeTableIds")).toEqual(internalTables);
      }
      const sg = byName(plan, `net-vpce-sg-${region}`);
      expect(sg.props["ingress"]).toEqual([
        { cidrBlocks: [CIDRS[region]], description: "HTTPS from the VPC", fromPort: 443, protocol: "tcp", toPort: 443 },
      ]);
      expect(sg.props["egress"]).toEqual([]);
      const privateSubnets = urns(plan, `net-subnet-${region}-private-0`, `net-subnet-${region}-private-1`, `net-subnet-${region}-private-2`);
      for (const service of ["kms", "sts", "logs", "ecr.api", "ecr.dkr", "secretsmanager"]) {
        const endpoint = byName(plan, `net-vpce-${region}-${service.replace(".", "-")}`);
        expect(endpoint.props).toMatchObject({
          vpcEndpointType: "Interface",
          serviceName: `com.amazonaws.${region}.${service}`,
          privateDnsEnabled: true,
          region,
        });
        expect(deps(endpoint, "subnetIds")).toEqual(privateSubnets);
        expect(deps(endpoint, "securityGroupIds")).toEqual([sg.urn]);
      }
    }
  });

  test("every pair of regions is peered, and every private/isolated route table routes to the peers", () => {
    const pairs = [
      ["us-east-1", "us-west-2"],
      ["us-east-1", "eu-west-1"],
      ["us-west-2", "eu-west-1"],
    ] as const;
    expect(names(ofType(plan, "aws:ec2/vpcPeeringConnection:VpcPeeringConnection"))).toEqual(
      pairs.map(([a, b]) => `net-peering-${a}-${b}`).sort(),
    );
    for (const [a, b] of pairs) {
      const connection = byName(plan, `net-peering-${a}-${b}`);
      expect(connection.props).toMatchObject({ region: a, peerRegion: b, autoAccept: false });
      expect(deps(connection, "vpcId")).toEqual(urns(plan, `net-vpc-${a}`));
      expect(deps(connection, "peerVpcId")).toEqual(urns(plan, `net-vpc-${b}`));
      const accepter = byName(plan, `net-peering-accepter-${a}-${b}`);
      expect(accepter.props).toMatchObject({ region: b, autoAccept: true });
      expect(deps(accepter, "vpcPeeringConnectionId")).toEqual([connection.urn]);
    }
    for (const region of REGIONS) {
      for (const table of ["private-0", "private-1", "private-2", "isolated"]) {
        for (const peer of REGIONS.filter((r) => r !== region)) {
          const route = byName(plan, `net-route-${region}-${table}-to-${peer}`);
          expect(route.props).toMatchObject({ region, destinationCidrBlock: CIDRS[peer] });
          expect(deps(route, "routeTableId")).toEqual(urns(plan, `net-rt-${region}-${table}`));
          const [a, b] = REGIONS.indexOf(region) < REGIONS.indexOf(peer) ? [region, peer] : [peer, region];
          expect(deps(route, "vpcPeeringConnectionId")).toEqual(urns(plan, `net-peering-accepter-${a}-${b}`));
        }
      }
    }
    expect(ofType(plan, "aws:ec2/route:Route")).toHaveLength(3 * 4 * 2);
  });

  test("every taggable child carries the tagging convention", () => {
    const custom = plan.resources.filter((r) => r.custom && !NON_TAGGABLE.has(r.type));
    // per region: VPC, default SG, 6 subnets, 4 route tables, log group, flow log, endpoint SG,
    // 8 endpoints; plus the flow-log key and its 2 replicas, the IAM role, 3 peerings + 3 accepters
    expect(custom).toHaveLength(3 * 23 + 3 + 1 + 6);
    for (const resource of custom) {
      expect(resource.props["tags"], resource.name).toMatchObject({
        "data-classification": "phi",
        owner: "clinical-platform",
        environment: "test",
        "managed-by": "phiguard",
        "cost-centre": "cc-42",
      });
    }
  });
});

describe("MultiRegionNetwork through the planner: public ingress and NAT", () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await planTestProgram(`
import { MultiRegionNetwork } from "../../components";
new MultiRegionNetwork("edge", {
  regions: ["us-east-1", "us-west-2", "eu-west-1"],
  supernet: "10.0.0.0/12",
  owner: "clinical-platform",
  tiers: ["public", "private", "isolated"],
  natGateways: "perAz",
  azCount: 2,
  interfaceEndpoints: ["kms"],
  gatewayEndpoints: ["s3"],
});
`);
  });

  test("child resource names are stable", () => {
    // URNs without the constant "urn:pulumi:test::test::" prefix, children of the component only
    const all = plan.resources.filter((r) => r.parent !== undefined).map((r) => r.urn.replace("urn:pulumi:test::test::", "")).sort();
    expect(all).toMatchInlineSnapshot(`
      [
        "phiguard:network:MultiRegionNetwork$aws:cloudwatch/logGroup:LogGroup::edge-flow-logs-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:cloudwatch/logGroup:LogGroup::edge-flow-logs-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:cloudwatch/logGroup:LogGroup::edge-flow-logs-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/defaultSecurityGroup:DefaultSecurityGroup::edge-default-sg-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/defaultSecurityGroup:DefaultSecurityGroup::edge-default-sg-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/defaultSecurityGroup:DefaultSecurityGroup::edge-default-sg-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/eip:Eip::edge-nat-eip-eu-west-1-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/eip:Eip::edge-nat-eip-eu-west-1-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/eip:Eip::edge-nat-eip-us-east-1-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/eip:Eip::edge-nat-eip-us-east-1-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/eip:Eip::edge-nat-eip-us-west-2-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/eip:Eip::edge-nat-eip-us-west-2-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/flowLog:FlowLog::edge-flow-log-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/flowLog:FlowLog::edge-flow-log-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/flowLog:FlowLog::edge-flow-log-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/internetGateway:InternetGateway::edge-igw-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/internetGateway:InternetGateway::edge-igw-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/internetGateway:InternetGateway::edge-igw-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/natGateway:NatGateway::edge-nat-eu-west-1-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/natGateway:NatGateway::edge-nat-eu-west-1-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/natGateway:NatGateway::edge-nat-us-east-1-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/natGateway:NatGateway::edge-nat-us-east-1-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/natGateway:NatGateway::edge-nat-us-west-2-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/natGateway:NatGateway::edge-nat-us-west-2-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-eu-west-1-isolated-to-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-eu-west-1-isolated-to-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-eu-west-1-private-0-nat",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-eu-west-1-private-0-to-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-eu-west-1-private-0-to-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-eu-west-1-private-1-nat",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-eu-west-1-private-1-to-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-eu-west-1-private-1-to-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-eu-west-1-public-internet",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-east-1-isolated-to-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-east-1-isolated-to-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-east-1-private-0-nat",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-east-1-private-0-to-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-east-1-private-0-to-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-east-1-private-1-nat",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-east-1-private-1-to-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-east-1-private-1-to-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-east-1-public-internet",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-west-2-isolated-to-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-west-2-isolated-to-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-west-2-private-0-nat",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-west-2-private-0-to-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-west-2-private-0-to-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-west-2-private-1-nat",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-west-2-private-1-to-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-west-2-private-1-to-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/route:Route::edge-route-us-west-2-public-internet",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-eu-west-1-isolated",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-eu-west-1-private-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-eu-west-1-private-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-eu-west-1-public",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-us-east-1-isolated",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-us-east-1-private-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-us-east-1-private-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-us-east-1-public",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-us-west-2-isolated",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-us-west-2-private-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-us-west-2-private-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTable:RouteTable::edge-rt-us-west-2-public",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-eu-west-1-isolated-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-eu-west-1-isolated-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-eu-west-1-private-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-eu-west-1-private-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-eu-west-1-public-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-eu-west-1-public-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-east-1-isolated-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-east-1-isolated-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-east-1-private-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-east-1-private-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-east-1-public-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-east-1-public-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-west-2-isolated-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-west-2-isolated-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-west-2-private-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-west-2-private-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-west-2-public-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/routeTableAssociation:RouteTableAssociation::edge-rta-us-west-2-public-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/securityGroup:SecurityGroup::edge-vpce-sg-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/securityGroup:SecurityGroup::edge-vpce-sg-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/securityGroup:SecurityGroup::edge-vpce-sg-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-eu-west-1-isolated-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-eu-west-1-isolated-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-eu-west-1-private-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-eu-west-1-private-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-eu-west-1-public-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-eu-west-1-public-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-east-1-isolated-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-east-1-isolated-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-east-1-private-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-east-1-private-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-east-1-public-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-east-1-public-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-west-2-isolated-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-west-2-isolated-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-west-2-private-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-west-2-private-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-west-2-public-0",
        "phiguard:network:MultiRegionNetwork$aws:ec2/subnet:Subnet::edge-subnet-us-west-2-public-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpc:Vpc::edge-vpc-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpc:Vpc::edge-vpc-us-east-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpc:Vpc::edge-vpc-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcEndpoint:VpcEndpoint::edge-vpce-eu-west-1-kms",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcEndpoint:VpcEndpoint::edge-vpce-eu-west-1-s3",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcEndpoint:VpcEndpoint::edge-vpce-us-east-1-kms",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcEndpoint:VpcEndpoint::edge-vpce-us-east-1-s3",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcEndpoint:VpcEndpoint::edge-vpce-us-west-2-kms",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcEndpoint:VpcEndpoint::edge-vpce-us-west-2-s3",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcPeeringConnection:VpcPeeringConnection::edge-peering-us-east-1-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcPeeringConnection:VpcPeeringConnection::edge-peering-us-east-1-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcPeeringConnection:VpcPeeringConnection::edge-peering-us-west-2-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter::edge-peering-accepter-us-east-1-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter::edge-peering-accepter-us-east-1-us-west-2",
        "phiguard:network:MultiRegionNetwork$aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter::edge-peering-accepter-us-west-2-eu-west-1",
        "phiguard:network:MultiRegionNetwork$aws:iam/role:Role::edge-flow-logs-role",
        "phiguard:network:MultiRegionNetwork$aws:iam/rolePolicy:RolePolicy::edge-flow-logs-policy",
        "phiguard:network:MultiRegionNetwork$phiguard:keys:EnvelopeKey$aws:kms/alias:Alias::edge-flow-logs-alias-eu-west-1",
        "phiguard:network:MultiRegionNetwork$phiguard:keys:EnvelopeKey$aws:kms/alias:Alias::edge-flow-logs-alias-us-east-1",
        "phiguard:network:MultiRegionNetwork$phiguard:keys:EnvelopeKey$aws:kms/alias:Alias::edge-flow-logs-alias-us-west-2",
        "phiguard:network:MultiRegionNetwork$phiguard:keys:EnvelopeKey$aws:kms/key:Key::edge-flow-logs-key-us-east-1",
        "phiguard:network:MultiRegionNetwork$phiguard:keys:EnvelopeKey$aws:kms/replicaKey:ReplicaKey::edge-flow-logs-replica-eu-west-1",
        "phiguard:network:MultiRegionNetwork$phiguard:keys:EnvelopeKey$aws:kms/replicaKey:ReplicaKey::edge-flow-logs-replica-us-west-2",
        "phiguard:network:MultiRegionNetwork$phiguard:keys:EnvelopeKey::edge-flow-logs",
        "phiguard:network:MultiRegionNetwork::edge",
      ]
    `);
  });

  test("public subnets route to an internet gateway, yet never map public IPs", () => {
    for (const region of REGIONS) {
      const route = byName(plan, `edge-route-${region}-public-internet`);
      expect(route.props).toMatchObject({ destinationCidrBlock: "0.0.0.0/0" });
      expect(deps(route, "gatewayId")).toEqual(urns(plan, `edge-igw-${region}`));
      for (const i of [0, 1]) {
        expect(byName(plan, `edge-subnet-${region}-public-${i}`).props["mapPublicIpOnLaunch"]).toBe(false);
        expect(deps(byName(plan, `edge-rta-${region}-public-${i}`), "subnetId")).toEqual(urns(plan, `edge-subnet-${region}-public-${i}`));
      }
    }
  });

  test("perAz NAT: one gateway per AZ in the public subnet, each private table routes to its own", () => {
    expect(ofType(plan, "aws:ec2/natGateway:NatGateway")).toHaveLength(3 * 2);
    for (const region of REGIONS) {
      for (const i of [0, 1]) {
        const nat = byName(plan, `edge-nat-${region}-${i}`);
        expect(deps(nat, "subnetId")).toEqual(urns(plan, `edge-subnet-${region}-public-${i}`));
        expect(deps(nat, "allocationId")).toEqual(urns(plan, `edge-nat-eip-${region}-${i}`));
        expect(byName(plan, `edge-nat-eip-${region}-${i}`).props).toMatchObject({ domain: "vpc" });
        const route = byName(plan, `edge-route-${region}-private-${i}-nat`);
        expect(deps(route, "natGatewayId")).toEqual([nat.urn]);
        expect(deps(route, "routeTableId")).toEqual(urns(plan, `edge-rt-${region}-private-${i}`));
      }
      // peering and the isolated tier never touch the public table
      const publicTable = byName(plan, `edge-rt-${region}-public`).urn;
      const publicRoutes = ofType(plan, "aws:ec2/route:Route").filter((r) => deps(r, "routeTableId").includes(publicTable));
      expect(names(publicRoutes)).toEqual([`edge-route-${region}-public-internet`]);
    }
  });
});

describe("MultiRegionNetwork through the planner: options", () => {
  test("a given flow-log key is used instead of a new one; peering can be turned off; explicit AZs are used in order", async () => {
    const plan = await planTestProgram(`
import { EnvelopeKey, MultiRegionNetwork } from "../../components";
const logs = new EnvelopeKey("logs", { regions: ["us-east-2", "ca-central-1"], owner: "sec", allowCloudWatchLogs: true });
new MultiRegionNetwork("n", {
  regions: ["us-east-2", "ca-central-1"],
  supernet: "10.32.0.0/12",
  owner: "sec",
  azCount: 2,
  availabilityZones: { "ca-central-1": ["ca-central-1d", "ca-central-1b"] },
  flowLogs: { key: logs, retentionInDays: 731 },
  peering: false,
  interfaceEndpoints: [],
});
`);
    expect(plan.resources.filter((r) => r.name.startsWith("n-flow-logs-key") || r.name.startsWith("n-flow-logs-replica"))).toEqual([]);
    expect(deps(byName(plan, "n-flow-logs-ca-central-1"), "kmsKeyId")).toEqual(urns(plan, "logs-replica-ca-central-1"));
    expect(byName(plan, "n-flow-logs-us-east-2").props["retentionInDays"]).toBe(731);
    expect(ofType(plan, "aws:ec2/vpcPeeringConnection:VpcPeeringConnection")).toEqual([]);
    expect(ofType(plan, "aws:ec2/securityGroup:SecurityGroup")).toEqual([]);
    expect(byName(plan, "n-subnet-ca-central-1-private-0").props["availabilityZone"]).toBe("ca-central-1d");
    expect(byName(plan, "n-subnet-us-east-2-isolated-1").props["availabilityZone"]).toBe("us-east-2b");
    expect(byName(plan, "n-vpc-ca-central-1").props["cidrBlock"]).toBe("10.33.0.0/16");
  });
});

describe("MultiRegionNetwork: invalid arguments fail with what was given and what is expected", () => {
  const program = (args: string) =>
    `import { EnvelopeKey, MultiRegionNetwork } from "../../components";\nnew MultiRegionNetwork("bad", { owner: "o", ${args} });\n`;
  const cases: [string, string, RegExp][] = [
    [
      "overlapping CIDRs",
      `regions: ["us-east-1", "us-west-2"], supernet: "10.0.0.0/12", vpcCidrs: { "us-west-2": "10.0.0.0/16" }`,
      /MultiRegionNetwork "bad": the VPC CIDRs of us-east-1 \("10.0.0.0\/16", slot 0\) and us-west-2 \("10.0.0.0\/16", from vpcCidrs\) overlap; expected disjoint VPC CIDRs/,
    ],
    [
      "a supernet too small",
      `regions: ["us-east-1", "us-west-2", "eu-west-1"], supernet: "10.0.0.0/22"`,
      /MultiRegionNetwork "bad": supernet "10.0.0.0\/22" is too small for 3 region\(s\) × 2 tier\(s\) × 3 AZ\(s\).*expected a supernet of \/20 or larger/,
    ],
    ["an unknown region", `regions: ["us-east-1", "mars-north-1"], supernet: "10.0.0.0/12"`, /unknown AWS region "mars-north-1"; expected a real AWS region name/],
    ["zero AZs", `regions: ["us-east-1"], supernet: "10.0.0.0/12", azCount: 0`, /azCount 0 is invalid; expected a whole number of availability zones of at least 1/],
    ["NAT without public subnets", `regions: ["us-east-1"], supernet: "10.0.0.0/12", natGateways: "single"`, /natGateways "single" needs public subnets .* expected tiers to include "public"/],
    ["an invalid retention", `regions: ["us-east-1"], supernet: "10.0.0.0/12", flowLogs: { retentionInDays: 42 }`, /retentionInDays 42 is not a CloudWatch Logs retention; expected one of 1, 3/],
    ["too few explicit AZs", `regions: ["us-east-1"], supernet: "10.0.0.0/12", availabilityZones: { "us-east-1": ["us-east-1a"] }`, /lists 1 zone\(s\) \[us-east-1a\] but azCount is 3/],
    ["regions across partitions", `regions: ["us-east-1", "cn-north-1"], supernet: "10.0.0.0/12"`, /span the partitions aws, aws-cn; expected regions of one partition/],
    [
      "a flow-log key missing a region",
      `regions: ["us-east-1", "us-west-2"], supernet: "10.0.0.0/12", flowLogs: { key: new EnvelopeKey("k", { owner: "o", regions: ["us-east-1"], allowCloudWatchLogs: true }) }`,
      /flowLogs.key exists in \[us-east-1\] but not in \[us-west-2\]/,
    ],
  ];
  test.each(cases)("%s", async (_label, args, message) => {
    await expect(planTestProgram(program(args))).rejects.toThrow(message);
  });

  // Known only once getAvailabilityZones answers, so it fails inside an apply; tested directly
  // because the planner does not yet surface errors thrown in applies with their own message.
  test("a region with fewer AZs than asked", () => {
    expect(pickAvailabilityZones('MultiRegionNetwork "bad"', "ap-northeast-1", ["ap-northeast-1d", "ap-northeast-1a", "ap-northeast-1c"], 2)).toEqual([
      "ap-northeast-1a",
      "ap-northeast-1c",
    ]);
    expect(() => pickAvailabilityZones('MultiRegionNetwork "bad"', "ap-northeast-1", ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"], 4)).toThrow(
      /MultiRegionNetwork "bad": region ap-northeast-1 has 3 available AZ\(s\) \[ap-northeast-1a, ap-northeast-1c, ap-northeast-1d\] but azCount is 4; expected azCount <= 3/,
    );
  });
});
