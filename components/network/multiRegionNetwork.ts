/**
 * `MultiRegionNetwork`: one VPC per region carved from a single supernet, private by default.
 *
 * Children (names are a public contract; `<r>` is a region, `<tier>` public|private|isolated,
 * `<i>` the AZ index 0..azCount-1 in the region's sorted AZ list):
 *
 * | name                                   | type                                  |
 * |----------------------------------------|---------------------------------------|
 * | `<name>-vpc-<r>`                       | aws.ec2.Vpc                           |
 * | `<name>-default-sg-<r>`                | aws.ec2.DefaultSecurityGroup (no rules)|
 * | `<name>-subnet-<r>-<tier>-<i>`         | aws.ec2.Subnet                        |
 * | `<name>-igw-<r>`                       | aws.ec2.InternetGateway (public tier) |
 * | `<name>-rt-<r>-public`                 | aws.ec2.RouteTable (public tier)      |
 * | `<name>-rt-<r>-private-<i>`            | aws.ec2.RouteTable (one per AZ)       |
 * | `<name>-rt-<r>-isolated`               | aws.ec2.RouteTable                    |
 * | `<name>-rta-<r>-<tier>-<i>`            | aws.ec2.RouteTableAssociation         |
 * | `<name>-route-<r>-public-internet`     | aws.ec2.Route (0.0.0.0/0 → IGW)        |
 * | `<name>-nat-eip-<r>-<i>`, `<name>-nat-<r>-<i>` | aws.ec2.Eip, aws.ec2.NatGateway |
 * | `<name>-route-<r>-private-<i>-nat`     | aws.ec2.Route (0.0.0.0/0 → NAT)        |
 * | `<name>-flow-logs-<r>`                 | aws.cloudwatch.LogGroup               |
 * | `<name>-flow-log-<r>`                  | aws.ec2.FlowLog                       |
 * | `<name>-flow-logs-role`, `<name>-flow-logs-policy` | aws.iam.Role, aws.iam.RolePolicy |
 * | `<name>-flow-logs`                     | EnvelopeKey (unless `flowLogs.key` is given) |
 * | `<name>-vpce-sg-<r>`                   | aws.ec2.SecurityGroup (443 from the VPC) |
 * | `<name>-vpce-<r>-<service>`            | aws.ec2.VpcEndpoint (`.` in the service → `-`) |
 * | `<name>-peering-<a>-<b>`               | aws.ec2.VpcPeeringConnection (a listed before b) |
 * | `<name>-peering-accepter-<a>-<b>`      | aws.ec2.VpcPeeringConnectionAccepter  |
 * | `<name>-route-<r>-<table>-to-<peer>`   | aws.ec2.Route (`<table>` private-<i> or isolated) |
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EnvelopeKey } from "../keys/envelopeKey";
import { conventionTags, withName, type TaggingArgs } from "../tags";
import { allocateNetwork, SUBNET_TIERS, type NetworkLayout, type SubnetTier } from "./cidr";
import { InvalidArgumentError, partitionOf, validateRegions } from "./regions";

export const MULTI_REGION_NETWORK_TYPE = "phiguard:network:MultiRegionNetwork";

export type NatStrategy = "none" | "single" | "perAz";
export const NAT_STRATEGIES: readonly NatStrategy[] = ["none", "single", "perAz"];

export type GatewayEndpointService = "s3" | "dynamodb";
export const GATEWAY_ENDPOINT_SERVICES: readonly GatewayEndpointService[] = ["s3", "dynamodb"];

/** Interface endpoints created unless told otherwise. */
export const DEFAULT_INTERFACE_ENDPOINTS: readonly string[] = Object.freeze([
  "kms",
  "sts",
  "logs",
  "ecr.api",
  "ecr.dkr",
  "secretsmanager",
]);

/** Retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS: readonly number[] = Object.freeze([
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]);

export interface FlowLogsArgs {
  /**
   * Days the flow logs are kept (a value CloudWatch Logs accepts).
   * @default 365 days
   */
  readonly retentionInDays?: number;
  /**
   * The key that encrypts the flow log groups. It must exist in every region of the network and
   * allow CloudWatch Logs (`allowCloudWatchLogs: true`).
   * @default a new multi-region `EnvelopeKey` named `<name>-flow-logs`, with CloudWatch Logs allowed
   */
  readonly key?: EnvelopeKey;
}

export interface MultiRegionNetworkArgs extends TaggingArgs {
  /**
   * Regions, one VPC each. The order assigns each region its fixed slot of the supernet, so the
   * list is append-only: reordering or removing a region renumbers the ones after it (pin them
   * with `vpcCidrs` first). The first region is the home region (IAM role, flow-log key primary).
   */
  readonly regions: readonly string[];
  /** IPv4 supernet every VPC is carved from, e.g. `10.0.0.0/12` (16 regions of a /16 each). */
  readonly supernet: string;
  /**
   * Equal blocks the supernet is split into (a power of two); region `i` owns block `i`, and its
   * VPC is the block or, when the block is larger, the block's first /16. Part of the address plan:
   * never change it on a deployed network.
   * @default 16
   */
  readonly regionSlots?: number;
  /**
   * Availability zones per region (one subnet per tier in each), at least 1.
   * @default 3, so a region survives the loss of one zone with a majority left
   */
  readonly azCount?: number;
  /**
   * Subnet slots per tier (a power of two, at least `azCount`). Part of the address plan: never
   * change it on a deployed network.
   * @default 4, so a network can grow to 4 AZs without renumbering
   */
  readonly azSlots?: number;
  /**
   * Explicit AZ names per region (at least `azCount` each, used in the order given).
   * @default the region's available AZs (`aws.getAvailabilityZones`, no Local Zones), sorted by name
   */
  readonly availabilityZones?: Readonly<Record<string, readonly string[]>>;
  /**
   * Explicit VPC CIDRs for some regions, inside the supernet and disjoint from every other VPC.
   * @default none: every VPC comes from its region's slot
   */
  readonly vpcCidrs?: Readonly<Record<string, string>>;
  /**
   * Subnet tiers: `public` (ingress load balancers and NAT only), `private` (applications, with
   * egress through NAT when asked) and `isolated` (data stores, no route out of the AWS network).
   * @default ["private", "isolated"]: no public subnets unless asked
   */
  readonly tiers?: readonly SubnetTier[];
  /**
   * NAT gateways for the private tier's egress to the internet: `none`, one `single` gateway per
   * region, or one per AZ (`perAz`). Anything but `none` needs the `public` tier.
   * @default "none": private subnets reach AWS services through VPC endpoints only
   */
  readonly natGateways?: NatStrategy;
  /**
   * VPC flow logs (ALL traffic) to a KMS-encrypted CloudWatch log group per region.
   * @default on, 365 days of retention, encrypted with a new `EnvelopeKey`
   */
  readonly flowLogs?: FlowLogsArgs;
  /**
   * Gateway endpoints, routed from the private and isolated route tables.
   * @default ["s3", "dynamodb"]
   */
  readonly gatewayEndpoints?: readonly GatewayEndpointService[];
  /**
   * Interface endpoints (service names after `com.amazonaws.<region>.`), with private DNS, in the
   * private subnets (isolated if there is no private tier), reachable on 443 from the VPC only.
   * @default ["kms", "sts", "logs", "ecr.api", "ecr.dkr", "secretsmanager"]
   */
  readonly interfaceEndpoints?: readonly string[];
  /**
   * Peer every pair of VPCs (full mesh) and route the private and isolated route tables to the
   * peers' CIDRs.
   * @default true
   */
  readonly peering?: boolean;
  /**
   * The AWS account ID (for the flow-log role's trust policy and key policies).
   * @default the account of the deploying credentials (`aws.getCallerIdentity`)
   */
  readonly accountId?: pulumi.Input<string>;
  /**
   * Explicit providers per region. Every child still sets its `region` argument.
   * @default none: every child uses the default provider with its own `region` argument
   */
  readonly providers?: Readonly<Record<string, pulumi.ProviderResource>>;
}

/** What the network built in one region. */
export interface RegionalNetwork {
  readonly region: string;
  readonly vpc: aws.ec2.Vpc;
  readonly cidr: string;
  /** The AZ names used, in AZ-index order. */
  readonly availabilityZones: pulumi.Output<string[]>;
  /** Subnets by tier, in AZ-index order (empty for tiers not asked). */
  readonly subnets: Readonly<Record<SubnetTier, readonly aws.ec2.Subnet[]>>;
  /** Private route tables (one per AZ) and the isolated one, i.e. every table routed to peers. */
  readonly internalRouteTables: readonly aws.ec2.RouteTable[];
  readonly publicRouteTable?: aws.ec2.RouteTable;
  readonly natGateways: readonly aws.ec2.NatGateway[];
  readonly defaultSecurityGroup: aws.ec2.DefaultSecurityGroup;
  readonly endpointSecurityGroup?: aws.ec2.SecurityGroup;
  readonly endpoints: Readonly<Record<string, aws.ec2.VpcEndpoint>>;
  readonly flowLogGroup: aws.cloudwatch.LogGroup;
  readonly flowLog: aws.ec2.FlowLog;
}

/**
 * The AZs a region's subnets use: the first `azCount` of the region's zones sorted by name.
 * Throws when the region has fewer zones than asked (known only once the invoke answers).
 */
export function pickAvailabilityZones(where: string, region: string, names: readonly string[], azCount: number): string[] {
  const sorted = [...names].sort();
  if (sorted.length < azCount) {
    throw new InvalidArgumentError(
      `${where}: region ${region} has ${sorted.length} available AZ(s) [${sorted.join(", ")}] but azCount is ${azCount}; expected azCount <= ${sorted.length}, or more zones in availabilityZones.`,
    );
  }
  return sorted.slice(0, azCount);
}

export class MultiRegionNetwork extends pulumi.ComponentResource {
  /** The regions, in slot order. */
  public readonly regions: readonly string[];
  /** The full address plan (pure output of `allocateNetwork`). */
  public readonly layout: NetworkLayout;
  /** VPC CIDR by region (known at preview). */
  public readonly vpcCidrs: Readonly<Record<string, string>>;
  /** VPC ID by region. */
  public readonly vpcIds: Readonly<Record<string, pulumi.Output<string>>>;
  /** Everything built per region. */
  public readonly byRegion: Readonly<Record<string, RegionalNetwork>>;
  /** The key encrypting the flow logs. */
  public readonly flowLogsKey: EnvelopeKey;
  /** The IAM role VPC Flow Logs assumes to write to CloudWatch Logs. */
  public readonly flowLogsRole: aws.iam.Role;
  /** Peering connections keyed `<a>:<b>` (a listed before b). */
  public readonly peeringConnections: Readonly<Record<string, aws.ec2.VpcPeeringConnection>>;

  private readonly componentName: string;

  constructor(name: string, args: MultiRegionNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = `MultiRegionNetwork "${name}"`;
    const regions = [...(args.regions ?? [])];
    validateRegions(`${where}: regions`, regions);
    const azCount = args.azCount ?? 3;
    if (!Number.isInteger(azCount) || azCount < 1) {
      throw new InvalidArgumentError(`${where}: azCount ${String(azCount)} is invalid; expected a whole number of availability zones of at least 1 (3 by default).`);
    }
    const tiers = [...(args.tiers ?? (["private", "isolated"] as const))];
    for (const tier of tiers) {
      if (!(SUBNET_TIERS as readonly string[]).includes(tier)) {
        throw new InvalidArgumentError(`${where}: unknown subnet tier "${String(tier)}"; expected some of ${SUBNET_TIERS.join(", ")}.`);
      }
    }
    if (!tiers.includes("private") && !tiers.includes("isolated")) {
      throw new InvalidArgumentError(
        `${where}: tiers [${tiers.join(", ")}] has no private or isolated tier; expected at least one of them (workloads and endpoints never live in public subnets).`,
      );
    }
    const nat = args.natGateways ?? "none";
    if (!NAT_STRATEGIES.includes(nat)) {
      throw new InvalidArgumentError(`${where}: natGateways "${String(nat)}" is invalid; expected one of ${NAT_STRATEGIES.join(", ")}.`);
    }
    if (nat !== "none" && !tiers.includes("public")) {
      throw new InvalidArgumentError(
        `${where}: natGateways "${nat}" needs public subnets to live in, but tiers is [${tiers.join(", ")}]; expected tiers to include "public", or natGateways "none".`,
      );
    }
    if (nat !== "none" && !tiers.includes("private")) {
      throw new InvalidArgumentError(
        `${where}: natGateways "${nat}" serves the private tier, but tiers is [${tiers.join(", ")}]; expected tiers to include "private", or natGateways "none".`,
      );
    }

    let layout: NetworkLayout;
    try {
      layout = allocateNetwork({
        supernet: args.supernet,
        regions,
        tiers,
        azCount,
        ...(args.regionSlots !== undefined ? { regionSlots: args.regionSlots } : {}),
        ...(args.azSlots !== undefined ? { azSlots: args.azSlots } : {}),
        ...(args.vpcCidrs !== undefined ? { vpcCidrs: args.vpcCidrs } : {}),
      });
    } catch (error) {
      if (error instanceof InvalidArgumentError) throw new InvalidArgumentError(`${where}: ${error.message}`);
      throw error;
    }

    for (const [region, zones] of Object.entries(args.availabilityZones ?? {})) {
      if (!regions.includes(region)) {
        throw new InvalidArgumentError(`${where}: availabilityZones names region "${region}", which is not in regions [${regions.join(", ")}]; expected only listed regions.`);
      }
      if (zones.length < azCount) {
        throw new InvalidArgumentError(
          `${where}: availabilityZones["${region}"] lists ${zones.length} zone(s) [${zones.join(", ")}] but azCount is ${azCount}; expected at least ${azCount} zones.`,
        );
      }
      for (const zone of zones) {
        if (!new RegExp(`^${region}[a-z]$`).test(zone)) {
          throw new InvalidArgumentError(`${where}: availabilityZones["${region}"] has "${zone}"; expected AZ names of that region such as "${region}a".`);
        }
      }
      if (new Set(zones).size !== zones.length) {
        throw new InvalidArgumentError(`${where}: availabilityZones["${region}"] [${zones.join(", ")}] repeats a zone; expected distinct zones.`);
      }
    }

    const gatewayEndpoints = [...(args.gatewayEndpoints ?? GATEWAY_ENDPOINT_SERVICES)];
    for (const service of gatewayEndpoints) {
      if (!GATEWAY_ENDPOINT_SERVICES.includes(service)) {
        throw new InvalidArgumentError(`${where}: gatewayEndpoints has "${String(service)}"; expected some of ${GATEWAY_ENDPOINT_SERVICES.join(", ")} (the only gateway endpoint services).`);
      }
    }
    const interfaceEndpoints = [...(args.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS)];
    for (const service of interfaceEndpoints) {
      if (!/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(service)) {
        throw new InvalidArgumentError(`${where}: interfaceEndpoints has "${service}"; expected a service name as it follows "com.amazonaws.<region>.", e.g. "kms" or "ecr.api".`);
      }
    }
    for (const list of [gatewayEndpoints, interfaceEndpoints] as const) {
      const duplicate = list.find((s, i) => (list as readonly string[]).indexOf(s) !== i);
      if (duplicate !== undefined) throw new InvalidArgumentError(`${where}: endpoint service "${duplicate}" is listed twice; expected each service once.`);
    }
    const retentionInDays = args.flowLogs?.retentionInDays ?? 365;
    if (!LOG_RETENTION_DAYS.includes(retentionInDays)) {
      throw new InvalidArgumentError(
        `${where}: flowLogs.retentionInDays ${String(retentionInDays)} is not a CloudWatch Logs retention; expected one of ${LOG_RETENTION_DAYS.join(", ")}.`,
      );
    }
    const givenKey = args.flowLogs?.key;
    if (givenKey !== undefined) {
      const missing = regions.filter((r) => !givenKey.regions.includes(r));
      if (missing.length > 0) {
        throw new InvalidArgumentError(
          `${where}: flowLogs.key exists in [${givenKey.regions.join(", ")}] but not in [${missing.join(", ")}]; expected a key with every network region in its \`regions\`.`,
        );
      }
      if (!givenKey.allowsCloudWatchLogs) {
        throw new InvalidArgumentError(`${where}: flowLogs.key does not allow CloudWatch Logs; expected an EnvelopeKey created with allowCloudWatchLogs: true.`);
      }
    }
    const providers = args.providers ?? {};
    for (const region of Object.keys(providers)) {
      if (!regions.includes(region)) {
        throw new InvalidArgumentError(`${where}: providers names region "${region}", which is not in regions [${regions.join(", ")}]; expected only listed regions.`);
      }
    }
    const tags = conventionTags({ type: MULTI_REGION_NETWORK_TYPE, name }, args);

    super(MULTI_REGION_NETWORK_TYPE, name, {}, opts);
    this.componentName = name;
    this.regions = regions;
    this.layout = layout;

    const home = regions[0]!;
    const partition = partitionOf(home);
    const withProvider = (region: string): pulumi.CustomResourceOptions => {
      const provider = providers[region];
      return provider ? { parent: this, provider } : { parent: this };
    };
    const invokeOptions = (region: string): pulumi.InvokeOutputOptions => {
      const provider = providers[region];
      return provider ? { parent: this, provider } : { parent: this };
    };
    const accountId = pulumi.output(args.accountId ?? aws.getCallerIdentityOutput({}, invokeOptions(home)).accountId);

    // Flow logs: one key (replicated), one IAM role, one log group + flow log per region.
    const tagging: TaggingArgs = {
      dataClassification: tags["data-classification"] as TaggingArgs["dataClassification"],
      owner: tags["owner"]!,
      environment: tags["environment"]!,
      ...(args.tags ? { tags: args.tags } : {}),
    };
    this.flowLogsKey =
      givenKey ??
      new EnvelopeKey(
        `${name}-flow-logs`,
        {
          ...tagging,
          regions,
          multiRegion: regions.length > 1,
          description: `phiguard VPC flow logs of ${name}`,
          allowCloudWatchLogs: true,
          accountId,
          providers,
        },
        { parent: this },
      );
    const logGroupName = `/phiguard/${pulumi.getProject()}/${pulumi.getStack()}/${name}/vpc-flow-logs`.replace(/[^A-Za-z0-9._\-/#]/g, "-");
    const logGroupArns = (account: string) =>
      regions.map((r) => `arn:${partitionOf(r)}:logs:${r}:${account}:log-group:${logGroupName}`);
    this.flowLogsRole = new aws.iam.Role(
      `${name}-flow-logs-role`,
      {
        description: `VPC Flow Logs of ${name} write to CloudWatch Logs`,
        assumeRolePolicy: accountId.apply((account) =>
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "VpcFlowLogsOfThisAccount",
                Effect: "Allow",
                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                  StringEquals: { "aws:SourceAccount": account },
                  ArnLike: { "aws:SourceArn": `arn:${partition}:ec2:*:${account}:vpc-flow-log/*` },
                },
              },
            ],
          }),
        ),
        tags: withName(tags, `${name}-flow-logs-role`),
      },
      withProvider(home),
    );
    new aws.iam.RolePolicy(
      `${name}-flow-logs-policy`,
      {
        role: this.flowLogsRole.id,
        policy: accountId.apply((account) =>
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "WriteFlowLogs",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: logGroupArns(account).flatMap((arn) => [arn, `${arn}:*`]),
              },
              {
                Sid: "DescribeLogGroups",
                Effect: "Allow",
                Action: "logs:DescribeLogGroups",
                Resource: regions.map((r) => `arn:${partitionOf(r)}:logs:${r}:${account}:log-group:*`),
              },
            ],
          }),
        ),
      },
      withProvider(home),
    );

    const byRegion: Record<string, RegionalNetwork> = {};
    const tableKeys = new Map<string, string[]>();
    const vpcIds: Record<string, pulumi.Output<string>> = {};
    const vpcCidrs: Record<string, string> = {};
    for (const regionLayout of layout.regions) {
      const r = regionLayout.region;
      const ro = withProvider(r);
      const named = (child: string) => withName(tags, child);

      const vpcName = `${name}-vpc-${r}`;
      const vpc = new aws.ec2.Vpc(
        vpcName,
        {
          region: r,
          cidrBlock: regionLayout.vpcCidr,
          enableDnsSupport: true,
          enableDnsHostnames: true,
          instanceTenancy: "default",
          tags: named(vpcName),
        },
        ro,
      );
      vpcIds[r] = vpc.id;
      vpcCidrs[r] = regionLayout.vpcCidr;

      const defaultSgName = `${name}-default-sg-${r}`;
      const defaultSecurityGroup = new aws.ec2.DefaultSecurityGroup(
        defaultSgName,
        { region: r, vpcId: vpc.id, ingress: [], egress: [], tags: named(defaultSgName) },
        ro,
      );

      const explicitZones = args.availabilityZones?.[r];
      const availabilityZones: pulumi.Output<string[]> = explicitZones
        ? pulumi.output(explicitZones.slice(0, azCount))
        : aws
            .getAvailabilityZonesOutput(
              { region: r, state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] },
              invokeOptions(r),
            )
            .names.apply((names) => pickAvailabilityZones(where, r, names, azCount));

      const subnets: Record<SubnetTier, aws.ec2.Subnet[]> = { public: [], private: [], isolated: [] };
      for (const s of regionLayout.subnets) {
        const subnetName = `${name}-subnet-${r}-${s.tier}-${s.azIndex}`;
        subnets[s.tier].push(
          new aws.ec2.Subnet(
            subnetName,
            {
              region: r,
              vpcId: vpc.id,
              cidrBlock: s.cidr,
              availabilityZone: availabilityZones.apply((zones) => zones[s.azIndex]!),
              mapPublicIpOnLaunch: false,
              tags: { ...named(subnetName), "phiguard:subnet-tier": s.tier },
            },
            ro,
          ),
        );
      }

      // Public tier: internet gateway and one route table.
      let publicRouteTable: aws.ec2.RouteTable | undefined;
      if (subnets.public.length > 0) {
        const igwName = `${name}-igw-${r}`;
        const igw = new aws.ec2.InternetGateway(igwName, { region: r, vpcId: vpc.id, tags: named(igwName) }, ro);
        const rtName = `${name}-rt-${r}-public`;
        publicRouteTable = new aws.ec2.RouteTable(rtName, { region: r, vpcId: vpc.id, tags: named(rtName) }, ro);
        new aws.ec2.Route(
          `${name}-route-${r}-public-internet`,
          { region: r, routeTableId: publicRouteTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id },
          ro,
        );
        subnets.public.forEach((subnet, i) => {
          new aws.ec2.RouteTableAssociation(
            `${name}-rta-${r}-public-${i}`,
            { region: r, subnetId: subnet.id, routeTableId: publicRouteTable!.id },
            ro,
          );
        });
      }

      const natGateways: aws.ec2.NatGateway[] = [];
      const natCount = nat === "perAz" ? azCount : nat === "single" ? 1 : 0;
      for (let i = 0; i < natCount; i++) {
        const eipName = `${name}-nat-eip-${r}-${i}`;
        const eip = new aws.ec2.Eip(eipName, { region: r, domain: "vpc", tags: named(eipName) }, ro);
        const natName = `${name}-nat-${r}-${i}`;
        natGateways.push(
          new aws.ec2.NatGateway(
            natName,
            { region: r, allocationId: eip.allocationId, subnetId: subnets.public[i]!.id, connectivityType: "public", tags: named(natName) },
            ro,
          ),
        );
      }

      // Private tier: one route table per AZ (NAT strategy changes only touch routes).
      const internalRouteTables: aws.ec2.RouteTable[] = [];
      const internalTableKeys: string[] = [];
      subnets.private.forEach((subnet, i) => {
        const rtName = `${name}-rt-${r}-private-${i}`;
        const table = new aws.ec2.RouteTable(rtName, { region: r, vpcId: vpc.id, tags: named(rtName) }, ro);
        new aws.ec2.RouteTableAssociation(`${name}-rta-${r}-private-${i}`, { region: r, subnetId: subnet.id, routeTableId: table.id }, ro);
        const natGateway = natGateways[nat === "perAz" ? i : 0];
        if (natGateway) {
          new aws.ec2.Route(
            `${name}-route-${r}-private-${i}-nat`,
            { region: r, routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: natGateway.id },
            ro,
          );
        }
        internalRouteTables.push(table);
        internalTableKeys.push(`private-${i}`);
      });

      // Isolated tier: one route table, local routes (and peers) only.
      if (subnets.isolated.length > 0) {
        const rtName = `${name}-rt-${r}-isolated`;
        const table = new aws.ec2.RouteTable(rtName, { region: r, vpcId: vpc.id, tags: named(rtName) }, ro);
        subnets.isolated.forEach((subnet, i) => {
          new aws.ec2.RouteTableAssociation(`${name}-rta-${r}-isolated-${i}`, { region: r, subnetId: subnet.id, routeTableId: table.id }, ro);
        });
        internalRouteTables.push(table);
        internalTableKeys.push("isolated");
      }

      // Flow logs.
      const logGroup = new aws.cloudwatch.LogGroup(
        `${name}-flow-logs-${r}`,
        {
          region: r,
          name: logGroupName,
          retentionInDays,
          kmsKeyId: this.flowLogsKey.arnFor(r),
          tags: named(`${name}-flow-logs-${r}`),
        },
        ro,
      );
      const flowLogName = `${name}-flow-log-${r}`;
      const flowLog = new aws.ec2.FlowLog(
        flowLogName,
        {
          region: r,
          vpcId: vpc.id,
          trafficType: "ALL",
          logDestinationType: "cloud-watch-logs",
          logDestination: logGroup.arn,
          iamRoleArn: this.flowLogsRole.arn,
          tags: named(flowLogName),
        },
        ro,
      );

      // Endpoints: PHI traffic to AWS services stays on the AWS network.
      const endpoints: Record<string, aws.ec2.VpcEndpoint> = {};
      for (const service of gatewayEndpoints) {
        const endpointName = `${name}-vpce-${r}-${service}`;
        endpoints[service] = new aws.ec2.VpcEndpoint(
          endpointName,
          {
            region: r,
            vpcId: vpc.id,
            vpcEndpointType: "Gateway",
            serviceName: `com.amazonaws.${r}.${service}`,
            routeTableIds: internalRouteTables.map((t) => t.id),
            tags: named(endpointName),
          },
          ro,
        );
      }
      let endpointSecurityGroup: aws.ec2.SecurityGroup | undefined;
      if (interfaceEndpoints.length > 0) {
        const sgName = `${name}-vpce-sg-${r}`;
        endpointSecurityGroup = new aws.ec2.SecurityGroup(
          sgName,
          {
            region: r,
            vpcId: vpc.id,
            description: `Interface endpoints of ${name}: HTTPS from the VPC only`,
            ingress: [
              { description: "HTTPS from the VPC", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [regionLayout.vpcCidr] },
            ],
            egress: [],
            revokeRulesOnDelete: true,
            tags: named(sgName),
          },
          ro,
        );
        const endpointSubnets = subnets.private.length > 0 ? subnets.private : subnets.isolated;
        for (const service of interfaceEndpoints) {
          const endpointName = `${name}-vpce-${r}-${service.replace(/\./g, "-")}`;
          endpoints[service] = new aws.ec2.VpcEndpoint(
            endpointName,
            {
              region: r,
              vpcId: vpc.id,
              vpcEndpointType: "Interface",
              serviceName: `com.amazonaws.${r}.${service}`,
              privateDnsEnabled: true,
              subnetIds: endpointSubnets.map((s) => s.id),
              securityGroupIds: [endpointSecurityGroup.id],
              tags: named(endpointName),
            },
            ro,
          );
        }
      }

      byRegion[r] = {
        region: r,
        vpc,
        cidr: regionLayout.vpcCidr,
        availabilityZones,
        subnets,
        internalRouteTables,
        ...(publicRouteTable ? { publicRouteTable } : {}),
        natGateways,
        defaultSecurityGroup,
        ...(endpointSecurityGroup ? { endpointSecurityGroup } : {}),
        endpoints,
        flowLogGroup: logGroup,
        flowLog,
      };
      tableKeys.set(r, internalTableKeys);
    }
    this.byRegion = byRegion;
    this.vpcIds = vpcIds;
    this.vpcCidrs = vpcCidrs;

    // Inter-region connectivity: full mesh of VPC peering, routed from every internal table.
    const peeringConnections: Record<string, aws.ec2.VpcPeeringConnection> = {};
    if (args.peering ?? true) {
      for (let i = 0; i < regions.length; i++) {
        for (let j = i + 1; j < regions.length; j++) {
          const a = regions[i]!;
          const b = regions[j]!;
          const peeringName = `${name}-peering-${a}-${b}`;
          const connection = new aws.ec2.VpcPeeringConnection(
            peeringName,
            {
              region: a,
              vpcId: vpcIds[a]!,
              peerVpcId: vpcIds[b]!,
              peerRegion: b,
              autoAccept: false,
              tags: withName(tags, peeringName),
            },
            withProvider(a),
          );
          const accepterName = `${name}-peering-accepter-${a}-${b}`;
          const accepter = new aws.ec2.VpcPeeringConnectionAccepter(
            accepterName,
            { region: b, vpcPeeringConnectionId: connection.id, autoAccept: true, tags: withName(tags, accepterName) },
            withProvider(b),
          );
          peeringConnections[`${a}:${b}`] = connection;
          for (const [from, to] of [
            [a, b],
            [b, a],
          ] as const) {
            const keys = tableKeys.get(from)!;
            byRegion[from]!.internalRouteTables.forEach((table, k) => {
              new aws.ec2.Route(
                `${name}-route-${from}-${keys[k]}-to-${to}`,
                {
                  region: from,
                  routeTableId: table.id,
                  destinationCidrBlock: vpcCidrs[to]!,
                  vpcPeeringConnectionId: accepter.vpcPeeringConnectionId,
                },
                withProvider(from),
              );
            });
          }
        }
      }
    }
    this.peeringConnections = peeringConnections;

    this.registerOutputs({ vpcIds, vpcCidrs, flowLogsKeyArns: this.flowLogsKey.keyArns });
  }

  /** The VPC ID of a region. */
  public vpcIdFor(region: string): pulumi.Output<string> {
    return this.regional(region).vpc.id;
  }

  /** Subnet IDs of a tier in a region, in AZ-index order. */
  public subnetIds(region: string, tier: SubnetTier): pulumi.Output<string>[] {
    return this.regional(region).subnets[tier].map((s) => s.id);
  }

  private regional(region: string): RegionalNetwork {
    const found = this.byRegion[region];
    if (found === undefined) {
      throw new InvalidArgumentError(
        `MultiRegionNetwork "${this.componentName}": no VPC in region "${region}"; the network spans [${this.regions.join(", ")}].`,
      );
    }
    return found;
  }
}
