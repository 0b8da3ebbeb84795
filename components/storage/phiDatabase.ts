/**
 * `PhiDatabase`: an Aurora PostgreSQL cluster for PHI, secure by default, optionally an Aurora
 * Global Database with a secondary region.
 *
 * Children (names are a public contract; `<name>` is the component's name, `<r2>` the secondary region):
 * - `<name>-subnet-group`          `aws.rds.SubnetGroup` (the given isolated subnets)
 * - `<name>-security-group`        `aws.ec2.SecurityGroup` (PostgreSQL from the allowed sources only, no egress)
 * - `<name>-cluster-params`        `aws.rds.ClusterParameterGroup` (`rds.force_ssl` = 1, TLS 1.2+, connection logs)
 * - `<name>-cluster`               `aws.rds.Cluster`
 * - `<name>-instance-<n>`          `aws.rds.ClusterInstance`, n = 1..instanceCount, spread over AZs
 * - `<name>-monitoring-role`       `aws.iam.Role` (Enhanced Monitoring, shared by all regions)
 * - `<name>-monitoring-role-policy` `aws.iam.RolePolicyAttachment` (AmazonRDSEnhancedMonitoringRole)
 * with `globalDatabase`:
 * - `<name>-global`                `aws.rds.GlobalCluster`
 * - `<name>-master-secret`         `aws.secretsmanager.Secret` (under the CMK, replicated to `<r2>` under its replica key)
 * - `<name>-master-secret-value`   `aws.secretsmanager.SecretVersion`
 * - `<name>-master-secret-rotation` `aws.secretsmanager.SecretRotation`
 * - `<name>-<r2>-subnet-group`, `<name>-<r2>-security-group`, `<name>-<r2>-cluster-params`,
 *   `<name>-<r2>-cluster`, `<name>-<r2>-instance-<n>`: the secondary cluster, as above
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EnvelopeKey } from "../keys";
import { conventionTags, withName, type TaggingArgs } from "../tags";
import {
  checkInteger,
  checkProviders,
  childOptions,
  describe,
  dnsLabel,
  homeRegion,
  InvalidArgumentError,
  partitionFor,
  requireKeyRegion,
  serviceTrustPolicy,
  shortName,
  stackScopedBase,
  type RegionProviders,
} from "./common";

export const PHI_DATABASE_TYPE = "phiguard:storage:PhiDatabase";

/** Longest automated-backup retention RDS allows. */
export const MAX_RDS_BACKUP_RETENTION_DAYS = 35;
/** Performance Insights retention periods RDS accepts: 7 (free), 31 × 1..23 months, 731. */
export const PERFORMANCE_INSIGHTS_RETENTION_DAYS: readonly number[] = Object.freeze([
  7,
  ...Array.from({ length: 23 }, (_, i) => 31 * (i + 1)),
  731,
]);
/** Enhanced Monitoring intervals RDS accepts (seconds; 0 turns it off). */
export const ENHANCED_MONITORING_INTERVALS: readonly number[] = Object.freeze([1, 5, 10, 15, 30, 60]);
/** A writer plus at most 15 readers. */
export const MAX_AURORA_INSTANCES = 16;

const RESERVED_USERNAMES = new Set(["postgres", "rdsadmin", "rds_superuser", "rdsrepladmin", "admin", "root"]);

/** Where the cluster of one region lives. */
export interface DatabaseNetworkArgs {
  /** VPC of the subnets. */
  readonly vpcId: pulumi.Input<string>;
  /** Isolated subnets (no route to the internet), in at least two AZs. */
  readonly subnetIds: readonly pulumi.Input<string>[];
  /**
   * Security groups whose members may connect on the database port.
   * @default none
   */
  readonly allowedSecurityGroupIds?: readonly pulumi.Input<string>[];
  /**
   * CIDR blocks that may connect on the database port (never `0.0.0.0/0` or `::/0`).
   * @default none: with neither allowed security groups nor CIDRs, nothing can connect
   */
  readonly allowedCidrBlocks?: readonly string[];
  /**
   * AZs the instances are spread over, round-robin.
   * @default the region's available AZs, sorted by name
   */
  readonly availabilityZones?: readonly string[];
  /**
   * Number of instances (a writer and readers).
   * @default 2, in two AZs, so a failover has somewhere to go
   */
  readonly instanceCount?: number;
}

export interface GlobalDatabaseArgs extends DatabaseNetworkArgs {
  /** The secondary region (a region of the key, not the primary's). */
  readonly region: string;
  /**
   * Initial master password (a secret, e.g. `config.requireSecret("dbMasterPassword")`). RDS-managed
   * master passwords are not supported for global clusters, so the password is stored in a Secrets
   * Manager secret under the CMK and rotated by `rotationLambdaArn`; after the first rotation
   * the cluster no longer uses this value (changes to it are ignored).
   */
  readonly masterPassword: pulumi.Input<string>;
  /**
   * ARN of the Lambda that rotates the master secret, e.g. the AWS Serverless Application
   * Repository application `SecretsManagerRDSPostgreSQLRotationSingleUser` deployed in the
   * cluster's VPC.
   */
  readonly rotationLambdaArn: pulumi.Input<string>;
  /**
   * Days between rotations of the master secret.
   * @default 30 days
   */
  readonly rotationDays?: number;
}

export interface PhiDatabaseArgs extends TaggingArgs, DatabaseNetworkArgs {
  /** The envelope key: storage, master secret and Performance Insights use its key in each region. */
  readonly key: EnvelopeKey;
  /**
   * Region of the (primary) cluster.
   * @default the key's primary region
   */
  readonly region?: string;
  /**
   * Aurora PostgreSQL engine version (`<major>` or `<major>.<minor>`, major 13 or later). The
   * cluster parameter group family follows the major version.
   * @default "16.6"
   */
  readonly engineVersion?: string;
  /**
   * Instance class of every instance.
   * @default "db.r6g.large"
   */
  readonly instanceClass?: string;
  /**
   * Name of a database created in the cluster.
   * @default none: only the default `postgres` database
   */
  readonly databaseName?: string;
  /**
   * Master user name.
   * @default "phiadmin"
   */
  readonly masterUsername?: string;
  /**
   * Port the database listens on.
   * @default 5432
   */
  readonly port?: number;
  /**
   * Days automated backups are kept (1-35).
   * @default 35 days, the longest RDS allows
   */
  readonly backupRetentionDays?: number;
  /**
   * Days Performance Insights data is kept (7, 31 × 1..23, or 731).
   * @default 7 days (the free tier)
   */
  readonly performanceInsightsRetentionDays?: number;
  /**
   * Seconds between Enhanced Monitoring samples of the OS of each instance (1, 5, 10, 15, 30, 60).
   * @default 60
   */
  readonly monitoringIntervalSeconds?: number;
  /**
   * Turn Enhanced Monitoring off (no monitoring role is created). HIPAA consequence: no OS-level
   * metrics (processes, memory, I/O) of the database hosts to investigate incidents
   * (§164.312(b) audit controls, §164.308(a)(1)(ii)(D) activity review).
   * @default false: Enhanced Monitoring every `monitoringIntervalSeconds`
   */
  readonly disableEnhancedMonitoring?: boolean;
  /**
   * Set `rds.force_ssl` to 0, so clients may connect without TLS. HIPAA consequence: PHI in queries
   * and results may cross the network in clear text, failing transmission security (§164.312(e)(1)).
   * @default false: `rds.force_ssl` = 1 and TLS 1.2 minimum
   */
  readonly allowUnencryptedTransport?: boolean;
  /**
   * Turn deletion protection off (cluster and global cluster). HIPAA consequence: one API call (or a
   * mistaken `pulumi destroy`) deletes the database and its automated backups, endangering the
   * availability and integrity of PHI (§164.308(a)(7), §164.312(c)(1)).
   * @default false: deletion protection on
   */
  readonly disableDeletionProtection?: boolean;
  /**
   * Allow a single instance (`instanceCount: 1`). HIPAA consequence: an AZ or instance failure makes
   * the PHI unavailable until a new instance is created (contingency plan, §164.308(a)(7)).
   * @default false: at least 2 instances in different AZs
   */
  readonly allowSingleInstance?: boolean;
  /**
   * Make this cluster the primary of an Aurora Global Database with a secondary cluster in another
   * region of the key (encrypted with the replica key there).
   * @default none: a regional cluster with an RDS-managed master password
   */
  readonly globalDatabase?: GlobalDatabaseArgs;
  /**
   * Explicit providers per region.
   * @default none: the default provider, with every child's `region` argument set
   */
  readonly providers?: RegionProviders;
}

/** One region's cluster and what it runs on. */
export interface RegionalDatabase {
  readonly region: string;
  readonly subnetGroup: aws.rds.SubnetGroup;
  readonly securityGroup: aws.ec2.SecurityGroup;
  readonly parameterGroup: aws.rds.ClusterParameterGroup;
  readonly cluster: aws.rds.Cluster;
  readonly instances: readonly aws.rds.ClusterInstance[];
}

interface RegionalSpec {
  readonly prefix: string;
  readonly region: string;
  readonly network: DatabaseNetworkArgs;
  readonly instanceCount: number;
  readonly cluster: Partial<aws.rds.ClusterArgs>;
  readonly clusterOptions?: pulumi.CustomResourceOptions;
}

export class PhiDatabase extends pulumi.ComponentResource {
  public readonly region: string;
  /** Secondary region of the global database; undefined without `globalDatabase`. */
  public readonly secondaryRegion?: string;
  public readonly engineVersion: string;
  public readonly port: number;
  /** The (primary) cluster. */
  public readonly cluster: aws.rds.Cluster;
  public readonly instances: readonly aws.rds.ClusterInstance[];
  public readonly securityGroup: aws.ec2.SecurityGroup;
  public readonly primary: RegionalDatabase;
  public readonly secondary?: RegionalDatabase;
  public readonly globalCluster?: aws.rds.GlobalCluster;
  /** The master secret made for a global database (a regional cluster's secret is managed by RDS: see `masterUserSecretArn`). */
  public readonly masterSecret?: aws.secretsmanager.Secret;
  /** ARN of the Secrets Manager secret holding the master credentials. */
  public readonly masterUserSecretArn: pulumi.Output<string>;
  /** Writer endpoint of the (primary) cluster. */
  public readonly endpoint: pulumi.Output<string>;
  public readonly readerEndpoint: pulumi.Output<string>;

  private readonly providers: RegionProviders | undefined;
  private readonly tags: Record<string, string>;
  private readonly settings: {
    readonly engineVersion: string;
    readonly family: string;
    readonly port: number;
    readonly instanceClass: string;
    readonly forceSsl: boolean;
    readonly deletionProtection: boolean;
    readonly backupRetentionDays: number;
    readonly performanceInsightsRetentionDays: number;
    readonly monitoringInterval: number;
  };
  /** The Enhanced Monitoring role; undefined when `disableEnhancedMonitoring`. */
  public readonly monitoringRole?: aws.iam.Role;
  private readonly key: EnvelopeKey;
  private monitoringAttachment?: aws.iam.RolePolicyAttachment;

  constructor(name: string, args: PhiDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = describe(PHI_DATABASE_TYPE, name);
    if (!args || !args.key) throw new InvalidArgumentError(`${where}: no key given; expected \`key\`: an EnvelopeKey spanning the cluster's region(s).`);
    const key = args.key;
    const region = homeRegion(where, key, args.region);
    const engineVersion = args.engineVersion ?? "16.6";
    const match = /^(\d+)(\.\d+)?$/.exec(engineVersion);
    if (!match || Number(match[1]) < 13) {
      throw new InvalidArgumentError(
        `${where}: engineVersion "${engineVersion}" is invalid; expected an Aurora PostgreSQL version such as "16.6" or "15" (major 13 or later: older majors are past end of standard support and lack ssl_min_protocol_version).`,
      );
    }
    const family = `aurora-postgresql${match[1]}`;
    const port = args.port ?? 5432;
    checkInteger(where, "port", port, 1150, 65535, "port numbers", "the ports RDS allows");
    const backupRetentionDays = args.backupRetentionDays ?? MAX_RDS_BACKUP_RETENTION_DAYS;
    checkInteger(where, "backupRetentionDays", backupRetentionDays, 1, MAX_RDS_BACKUP_RETENTION_DAYS, "days", "RDS automated backups");
    const performanceInsightsRetentionDays = args.performanceInsightsRetentionDays ?? 7;
    if (!PERFORMANCE_INSIGHTS_RETENTION_DAYS.includes(performanceInsightsRetentionDays)) {
      throw new InvalidArgumentError(
        `${where}: performanceInsightsRetentionDays ${String(performanceInsightsRetentionDays)} is not allowed; expected 7, a multiple of 31 up to 713 (months), or 731.`,
      );
    }
    const masterUsername = args.masterUsername ?? "phiadmin";
    if (!/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(masterUsername) || RESERVED_USERNAMES.has(masterUsername.toLowerCase())) {
      throw new InvalidArgumentError(
        `${where}: masterUsername "${masterUsername}" is invalid; expected 1-63 letters, digits or "_" starting with a letter, not a reserved name (${[...RESERVED_USERNAMES].join(", ")}).`,
      );
    }
    if (args.databaseName !== undefined && !/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(args.databaseName)) {
      throw new InvalidArgumentError(`${where}: databaseName "${args.databaseName}" is invalid; expected 1-63 letters, digits or "_" starting with a letter.`);
    }
    const instanceClass = args.instanceClass ?? "db.r6g.large";
    if (!/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass)) {
      throw new InvalidArgumentError(`${where}: instanceClass "${instanceClass}" is invalid; expected an RDS instance class such as "db.r6g.large".`);
    }
    if (args.disableEnhancedMonitoring === true && args.monitoringIntervalSeconds !== undefined) {
      throw new InvalidArgumentError(`${where}: monitoringIntervalSeconds and disableEnhancedMonitoring: true were both given; expected one of them.`);
    }
    const monitoringInterval = args.disableEnhancedMonitoring === true ? 0 : (args.monitoringIntervalSeconds ?? 60);
    if (args.disableEnhancedMonitoring !== true && !ENHANCED_MONITORING_INTERVALS.includes(monitoringInterval)) {
      throw new InvalidArgumentError(
        `${where}: monitoringIntervalSeconds ${String(monitoringInterval)} is not allowed; expected one of ${ENHANCED_MONITORING_INTERVALS.join(", ")} (or disableEnhancedMonitoring: true).`,
      );
    }
    const allowSingle = args.allowSingleInstance === true;
    const instanceCount = checkNetwork(where, "", args, allowSingle);
    const global = args.globalDatabase;
    let secondaryCount = 0;
    if (global !== undefined) {
      if (global.region === region) {
        throw new InvalidArgumentError(`${where}: globalDatabase.region "${global.region}" is the primary's region; expected another region of the EnvelopeKey [${key.regions.join(", ")}].`);
      }
      requireKeyRegion(where, key, global.region, "globalDatabase.region");
      secondaryCount = checkNetwork(where, "globalDatabase.", global, allowSingle);
      if (global.masterPassword === undefined || global.rotationLambdaArn === undefined) {
        throw new InvalidArgumentError(
          `${where}: globalDatabase needs masterPassword and rotationLambdaArn (RDS-managed master passwords are not supported for global clusters); expected a secret initial password and the ARN of a rotation Lambda.`,
        );
      }
      checkInteger(where, "globalDatabase.rotationDays", global.rotationDays ?? 30, 1, 1000, "days", "Secrets Manager rotation");
    }
    checkProviders(where, args.providers, global ? [region, global.region] : [region]);
    const tags = conventionTags({ type: PHI_DATABASE_TYPE, name }, args);

    super(PHI_DATABASE_TYPE, name, {}, opts);
    this.providers = args.providers;
    this.tags = tags;
    this.key = key;
    this.region = region;
    this.secondaryRegion = global?.region;
    this.engineVersion = engineVersion;
    this.port = port;
    const deletionProtection = args.disableDeletionProtection !== true;
    this.settings = {
      engineVersion,
      family,
      port,
      instanceClass,
      forceSsl: args.allowUnencryptedTransport !== true,
      deletionProtection,
      backupRetentionDays,
      performanceInsightsRetentionDays,
      monitoringInterval,
    };
    const identifierBase = dnsLabel(stackScopedBase(name)).replace(/^[^a-z]+/, "") || "phi";

    if (monitoringInterval > 0) {
      this.monitoringRole = new aws.iam.Role(
        `${name}-monitoring-role`,
        {
          description: `RDS Enhanced Monitoring of PhiDatabase ${name}`,
          assumeRolePolicy: serviceTrustPolicy("monitoring.rds.amazonaws.com"),
          maxSessionDuration: 3600,
          tags,
        },
        childOptions(this, this.providers, undefined),
      );
      this.monitoringAttachment = new aws.iam.RolePolicyAttachment(
        `${name}-monitoring-role-policy`,
        {
          role: this.monitoringRole.name,
          policyArn: `arn:${partitionFor(region)}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`,
        },
        childOptions(this, this.providers, undefined),
      );
    }

    let globalCluster: aws.rds.GlobalCluster | undefined;
    if (global !== undefined) {
      globalCluster = new aws.rds.GlobalCluster(
        `${name}-global`,
        {
          region,
          globalClusterIdentifier: shortName(identifierBase, "-global", 63, (t) => t),
          engine: "aurora-postgresql",
          engineVersion,
          storageEncrypted: true,
          deletionProtection,
          ...(args.databaseName !== undefined ? { databaseName: args.databaseName } : {}),
          tags,
        },
        childOptions(this, this.providers, region),
      );
    }
    this.globalCluster = globalCluster;

    const credentials: Partial<aws.rds.ClusterArgs> = global
      ? { masterUsername, masterPassword: global.masterPassword, globalClusterIdentifier: globalCluster!.id }
      : { masterUsername, manageMasterUserPassword: true, masterUserSecretKmsKeyId: key.arnFor(region) };
    this.primary = this.regional({
      prefix: name,
      region,
      network: args,
      instanceCount,
      cluster: {
        ...credentials,
        ...(args.databaseName !== undefined ? { databaseName: args.databaseName } : {}),
        finalSnapshotIdentifier: shortName(identifierBase, "-final", 255, (t) => t),
      },
      ...(global ? { clusterOptions: { ignoreChanges: ["masterPassword"] } } : {}),
    });
    this.cluster = this.primary.cluster;
    this.instances = this.primary.instances;
    this.securityGroup = this.primary.securityGroup;
    this.endpoint = this.cluster.endpoint;
    this.readerEndpoint = this.cluster.readerEndpoint;

    if (global !== undefined && globalCluster !== undefined) {
      const secret = new aws.secretsmanager.Secret(
        `${name}-master-secret`,
        {
          region,
          description: `Master credentials of PhiDatabase ${name} (Aurora Global Database)`,
          kmsKeyId: key.arnFor(region),
          recoveryWindowInDays: 30,
          replicas: [{ region: global.region, kmsKeyId: key.arnFor(global.region) }],
          tags,
        },
        childOptions(this, this.providers, region),
      );
      const version = new aws.secretsmanager.SecretVersion(
        `${name}-master-secret-value`,
        {
          region,
          secretId: secret.id,
          secretString: pulumi.secret(
            pulumi.jsonStringify({
              engine: "postgres",
              username: masterUsername,
              password: global.masterPassword,
              host: this.cluster.endpoint,
              port,
              dbClusterIdentifier: this.cluster.clusterIdentifier,
            }),
          ),
        },
        childOptions(this, this.providers, region, { ignoreChanges: ["secretString"] }),
      );
      new aws.secretsmanager.SecretRotation(
        `${name}-master-secret-rotation`,
        {
          region,
          secretId: secret.id,
          rotationLambdaArn: global.rotationLambdaArn,
          rotationRules: { automaticallyAfterDays: global.rotationDays ?? 30 },
        },
        childOptions(this, this.providers, region, { dependsOn: [version] }),
      );
      this.masterSecret = secret;
      this.masterUserSecretArn = secret.arn;

      this.secondary = this.regional({
        prefix: `${name}-${global.region}`,
        region: global.region,
        network: global,
        instanceCount: secondaryCount,
        cluster: {
          globalClusterIdentifier: globalCluster.id,
          finalSnapshotIdentifier: shortName(identifierBase, `-${global.region}-final`, 255, (t) => t),
        },
        clusterOptions: { dependsOn: [...this.primary.instances], ignoreChanges: ["replicationSourceIdentifier", "globalClusterIdentifier"] },
      });
    } else {
      this.masterUserSecretArn = this.cluster.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn ?? "");
    }

    this.registerOutputs({
      region,
      secondaryRegion: this.secondaryRegion,
      endpoint: this.endpoint,
      readerEndpoint: this.readerEndpoint,
      port,
      masterUserSecretArn: this.masterUserSecretArn,
    });
  }

  private regional(spec: RegionalSpec): RegionalDatabase {
    const { prefix, region, network } = spec;
    const s = this.settings;
    const opts = (extra: pulumi.CustomResourceOptions = {}) => childOptions(this, this.providers, region, extra);
    const keyArn = this.key.arnFor(region);
    const subnetGroup = new aws.rds.SubnetGroup(
      `${prefix}-subnet-group`,
      { region, description: `Isolated subnets of PhiDatabase ${prefix}`, subnetIds: [...network.subnetIds], tags: this.tags },
      opts(),
    );
    const ingress: aws.types.input.ec2.SecurityGroupIngress[] = [];
    if ((network.allowedSecurityGroupIds ?? []).length > 0) {
      ingress.push({
        description: "PostgreSQL from allowed security groups",
        protocol: "tcp",
        fromPort: s.port,
        toPort: s.port,
        securityGroups: [...network.allowedSecurityGroupIds!],
      });
    }
    if ((network.allowedCidrBlocks ?? []).length > 0) {
      ingress.push({
        description: "PostgreSQL from allowed networks",
        protocol: "tcp",
        fromPort: s.port,
        toPort: s.port,
        cidrBlocks: [...network.allowedCidrBlocks!],
      });
    }
    const securityGroup = new aws.ec2.SecurityGroup(
      `${prefix}-security-group`,
      {
        region,
        vpcId: network.vpcId,
        description: `PhiDatabase ${prefix}: PostgreSQL from allowed sources only`,
        ingress,
        egress: [],
        revokeRulesOnDelete: true,
        tags: withName(this.tags, `${prefix}-security-group`),
      },
      opts(),
    );
    const parameterGroup = new aws.rds.ClusterParameterGroup(
      `${prefix}-cluster-params`,
      {
        region,
        family: s.family,
        description: `PhiDatabase ${prefix}: TLS required, connections logged`,
        parameters: [
          { name: "rds.force_ssl", value: s.forceSsl ? "1" : "0", applyMethod: "pending-reboot" },
          { name: "ssl_min_protocol_version", value: "TLSv1.2", applyMethod: "pending-reboot" },
          { name: "log_connections", value: "1", applyMethod: "pending-reboot" },
          { name: "log_disconnections", value: "1", applyMethod: "pending-reboot" },
        ],
        tags: this.tags,
      },
      opts(),
    );
    const cluster = new aws.rds.Cluster(
      `${prefix}-cluster`,
      {
        region,
        engine: "aurora-postgresql",
        engineMode: "provisioned",
        engineVersion: s.engineVersion,
        port: s.port,
        dbSubnetGroupName: subnetGroup.name,
        vpcSecurityGroupIds: [securityGroup.id],
        dbClusterParameterGroupName: parameterGroup.name,
        storageEncrypted: true,
        kmsKeyId: keyArn,
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: s.backupRetentionDays,
        copyTagsToSnapshot: true,
        deletionProtection: s.deletionProtection,
        deleteAutomatedBackups: false,
        skipFinalSnapshot: false,
        enabledCloudwatchLogsExports: ["postgresql"],
        allowMajorVersionUpgrade: false,
        tags: this.tags,
        ...spec.cluster,
      },
      opts(spec.clusterOptions),
    );
    const zones = network.availabilityZones
      ? pulumi.output([...network.availabilityZones])
      : aws
          .getAvailabilityZonesOutput({ region, state: "available" }, this.providers?.[region] ? { parent: this, provider: this.providers[region] } : { parent: this })
          .names.apply((names) => [...names].sort());
    const instances: aws.rds.ClusterInstance[] = [];
    for (let i = 0; i < spec.instanceCount; i++) {
      instances.push(
        new aws.rds.ClusterInstance(
          `${prefix}-instance-${i + 1}`,
          {
            region,
            clusterIdentifier: cluster.id,
            engine: "aurora-postgresql",
            engineVersion: s.engineVersion,
            instanceClass: s.instanceClass,
            availabilityZone: zones.apply((names) => names[i % names.length]!),
            publiclyAccessible: false,
            dbSubnetGroupName: subnetGroup.name,
            autoMinorVersionUpgrade: true,
            copyTagsToSnapshot: true,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: keyArn,
            performanceInsightsRetentionPeriod: s.performanceInsightsRetentionDays,
            promotionTier: i,
            monitoringInterval: s.monitoringInterval,
            ...(this.monitoringRole ? { monitoringRoleArn: this.monitoringRole.arn } : {}),
            tags: this.tags,
          },
          opts(this.monitoringAttachment ? { dependsOn: [this.monitoringAttachment] } : {}),
        ),
      );
    }
    return { region, subnetGroup, securityGroup, parameterGroup, cluster, instances };
  }
}

/** Checks one region's network arguments; returns the instance count. */
function checkNetwork(where: string, prefix: string, network: DatabaseNetworkArgs, allowSingle: boolean): number {
  if (network.vpcId === undefined) {
    throw new InvalidArgumentError(`${where}: no ${prefix}vpcId given; expected the ID of the VPC of the isolated subnets.`);
  }
  const subnets = network.subnetIds ?? [];
  if (subnets.length < 2) {
    throw new InvalidArgumentError(
      `${where}: ${prefix}subnetIds has ${subnets.length} subnet(s); expected at least 2 isolated subnets in different AZs (RDS subnet groups need two AZs).`,
    );
  }
  for (const cidr of network.allowedCidrBlocks ?? []) {
    if (cidr === "0.0.0.0/0" || cidr === "::/0") {
      throw new InvalidArgumentError(`${where}: ${prefix}allowedCidrBlocks contains "${cidr}"; expected private networks only (a PHI database is never open to the internet).`);
    }
    if (!/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/.test(cidr)) {
      throw new InvalidArgumentError(`${where}: ${prefix}allowedCidrBlocks entry "${cidr}" is not an IPv4 CIDR block; expected e.g. "10.0.0.0/16".`);
    }
  }
  if (network.availabilityZones !== undefined && network.availabilityZones.length === 0) {
    throw new InvalidArgumentError(`${where}: ${prefix}availabilityZones is empty; expected AZ names, or omit it to use the region's AZs.`);
  }
  const count = network.instanceCount ?? 2;
  const min = allowSingle ? 1 : 2;
  if (!Number.isInteger(count) || count < min || count > MAX_AURORA_INSTANCES) {
    throw new InvalidArgumentError(
      `${where}: ${prefix}instanceCount ${String(count)} is out of range; expected ${min} to ${MAX_AURORA_INSTANCES}${allowSingle ? "" : " (at least 2 instances in different AZs; set allowSingleInstance: true to opt out)"}.`,
    );
  }
  if (!allowSingle && network.availabilityZones !== undefined && new Set(network.availabilityZones).size < 2) {
    throw new InvalidArgumentError(
      `${where}: ${prefix}availabilityZones [${network.availabilityZones.join(", ")}] has fewer than 2 distinct AZs; expected at least 2 so instances sit in different AZs.`,
    );
  }
  return count;
}
