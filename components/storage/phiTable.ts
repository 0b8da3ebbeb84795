/**
 * `PhiTable`: a DynamoDB table for PHI, secure by default: encrypted with the CMK, point-in-time
 * recovery, deletion protection, and global-table replicas in the key's other regions, each
 * encrypted with that region's replica key.
 *
 * Children (names are a public contract; `<name>` is the component's name):
 * - `<name>-table`   `aws.dynamodb.Table` (replicas are part of the table resource)
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EnvelopeKey } from "../keys";
import { conventionTags, type TaggingArgs } from "../tags";
import { checkInteger, checkOneOf, checkProviders, childOptions, describe, homeRegion, InvalidArgumentError, requireKeyRegion, type RegionProviders } from "./common";

export const PHI_TABLE_TYPE = "phiguard:storage:PhiTable";

/** Longest point-in-time recovery window DynamoDB offers. */
export const MAX_PITR_DAYS = 35;

export interface TableAttribute {
  readonly name: string;
  /** `S` (string), `N` (number) or `B` (binary). */
  readonly type: "S" | "N" | "B";
}

export interface PhiTableArgs extends TaggingArgs {
  /** The envelope key: the table uses its key in the table's region, each replica the replica key of its region. */
  readonly key: EnvelopeKey;
  /**
   * Region of the table.
   * @default the key's primary region
   */
  readonly region?: string;
  /** Partition key attribute name (must be in `attributes`). */
  readonly hashKey: string;
  /**
   * Sort key attribute name (must be in `attributes`).
   * @default none
   */
  readonly rangeKey?: string;
  /** Key attributes (of the table and its indexes). */
  readonly attributes: readonly TableAttribute[];
  /**
   * Global secondary indexes, passed to the table as given.
   * @default none
   */
  readonly globalSecondaryIndexes?: aws.dynamodb.TableArgs["globalSecondaryIndexes"];
  /**
   * Attribute holding an expiry time (epoch seconds); DynamoDB deletes expired items.
   * @default none: items never expire
   */
  readonly ttlAttribute?: string;
  /**
   * Days of point-in-time recovery (1-35).
   * @default 35 days, the longest DynamoDB offers
   */
  readonly pointInTimeRecoveryDays?: number;
  /**
   * Regions of global-table replicas (each a region of the key).
   * @default every region of the key except the table's
   */
  readonly replicaRegions?: readonly string[];
  /**
   * Do not create global-table replicas. HIPAA consequence: a regional outage leaves the PHI in this
   * table unavailable until the region recovers or a backup is restored elsewhere (contingency
   * plan, §164.308(a)(7)).
   * @default false: replicas in the other key regions
   */
  readonly skipReplication?: boolean;
  /**
   * Turn point-in-time recovery off (table and replicas). HIPAA consequence: an accidental or
   * malicious write or delete cannot be rolled back to a second; only scheduled backups remain
   * (data backup plan, §164.308(a)(7)(ii)(A), integrity §164.312(c)(1)).
   * @default false: point-in-time recovery on
   */
  readonly disablePointInTimeRecovery?: boolean;
  /**
   * Turn deletion protection off (table and replicas). HIPAA consequence: one API call or a mistaken
   * `pulumi destroy` deletes the table and its PHI (§164.308(a)(7), §164.312(c)(1)).
   * @default false: deletion protection on
   */
  readonly disableDeletionProtection?: boolean;
  /**
   * Capacity mode.
   * @default "PAY_PER_REQUEST"
   */
  readonly billingMode?: "PAY_PER_REQUEST" | "PROVISIONED";
  /** Read capacity units (PROVISIONED only). */
  readonly readCapacity?: number;
  /** Write capacity units (PROVISIONED only). */
  readonly writeCapacity?: number;
  /**
   * Explicit providers per region.
   * @default none: the default provider, with the table's `region` argument set
   */
  readonly providers?: RegionProviders;
}

export class PhiTable extends pulumi.ComponentResource {
  public readonly region: string;
  public readonly replicaRegions: readonly string[];
  public readonly table: aws.dynamodb.Table;
  public readonly tableName: pulumi.Output<string>;
  public readonly arn: pulumi.Output<string>;
  /** The stream ARN (streams are on for global tables). */
  public readonly streamArn: pulumi.Output<string>;

  constructor(name: string, args: PhiTableArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = describe(PHI_TABLE_TYPE, name);
    if (!args || !args.key) throw new InvalidArgumentError(`${where}: no key given; expected \`key\`: an EnvelopeKey spanning the table's and replicas' regions.`);
    const key = args.key;
    const region = homeRegion(where, key, args.region);
    if (args.skipReplication === true && args.replicaRegions !== undefined) {
      throw new InvalidArgumentError(`${where}: replicaRegions and skipReplication: true were both given; expected one of them.`);
    }
    let replicaRegions: string[] = [];
    if (args.skipReplication !== true) {
      replicaRegions = args.replicaRegions !== undefined ? [...args.replicaRegions] : key.regions.filter((r) => r !== region);
      if (replicaRegions.length === 0) {
        throw new InvalidArgumentError(
          `${where}: no replica region: ${args.replicaRegions !== undefined ? "replicaRegions is empty" : `the EnvelopeKey spans only [${key.regions.join(", ")}]`}; expected a region of the key other than "${region}" (add one to the EnvelopeKey's regions) or \`skipReplication: true\` to opt out explicitly.`,
        );
      }
      const seen = new Set<string>();
      for (const replica of replicaRegions) {
        if (replica === region) throw new InvalidArgumentError(`${where}: replicaRegions contains the table's own region "${region}"; expected other regions of the key.`);
        if (seen.has(replica)) throw new InvalidArgumentError(`${where}: replicaRegions lists "${replica}" twice; expected each region once.`);
        seen.add(replica);
        requireKeyRegion(where, key, replica, "replicaRegions entry");
      }
    }
    const names = new Set((args.attributes ?? []).map((a) => a.name));
    if (!args.hashKey) throw new InvalidArgumentError(`${where}: no hashKey given; expected the partition key attribute name.`);
    for (const [field, attr] of [["hashKey", args.hashKey], ["rangeKey", args.rangeKey]] as const) {
      if (attr !== undefined && !names.has(attr)) {
        throw new InvalidArgumentError(`${where}: ${field} "${attr}" is not in attributes [${[...names].join(", ")}]; expected it to be declared with its type.`);
      }
    }
    for (const attribute of args.attributes ?? []) checkOneOf(where, `attribute "${attribute.name}" type`, attribute.type, ["S", "N", "B"] as const);
    const pitrDays = args.pointInTimeRecoveryDays ?? MAX_PITR_DAYS;
    if (args.disablePointInTimeRecovery === true && args.pointInTimeRecoveryDays !== undefined) {
      throw new InvalidArgumentError(`${where}: pointInTimeRecoveryDays and disablePointInTimeRecovery: true were both given; expected one of them.`);
    }
    checkInteger(where, "pointInTimeRecoveryDays", pitrDays, 1, MAX_PITR_DAYS, "days", "DynamoDB point-in-time recovery");
    const billingMode = args.billingMode ?? "PAY_PER_REQUEST";
    checkOneOf(where, "billingMode", billingMode, ["PAY_PER_REQUEST", "PROVISIONED"] as const);
    if (billingMode === "PROVISIONED" && (args.readCapacity === undefined || args.writeCapacity === undefined)) {
      throw new InvalidArgumentError(`${where}: billingMode PROVISIONED without readCapacity and writeCapacity; expected both, or billingMode PAY_PER_REQUEST.`);
    }
    if (billingMode === "PAY_PER_REQUEST" && (args.readCapacity !== undefined || args.writeCapacity !== undefined)) {
      throw new InvalidArgumentError(`${where}: readCapacity/writeCapacity given with billingMode PAY_PER_REQUEST; expected billingMode "PROVISIONED" for fixed capacity.`);
    }
    checkProviders(where, args.providers, [region]);
    const tags = conventionTags({ type: PHI_TABLE_TYPE, name }, args);

    super(PHI_TABLE_TYPE, name, {}, opts);
    this.region = region;
    this.replicaRegions = replicaRegions;
    const pitr = args.disablePointInTimeRecovery !== true;
    const deletionProtection = args.disableDeletionProtection !== true;

    this.table = new aws.dynamodb.Table(
      `${name}-table`,
      {
        region,
        billingMode,
        hashKey: args.hashKey,
        ...(args.rangeKey !== undefined ? { rangeKey: args.rangeKey } : {}),
        attributes: args.attributes.map((a) => ({ name: a.name, type: a.type })),
        ...(args.globalSecondaryIndexes !== undefined ? { globalSecondaryIndexes: args.globalSecondaryIndexes } : {}),
        ...(billingMode === "PROVISIONED" ? { readCapacity: args.readCapacity, writeCapacity: args.writeCapacity } : {}),
        serverSideEncryption: { enabled: true, kmsKeyArn: key.arnFor(region) },
        pointInTimeRecovery: pitr ? { enabled: true, recoveryPeriodInDays: pitrDays } : { enabled: false },
        deletionProtectionEnabled: deletionProtection,
        ...(args.ttlAttribute !== undefined ? { ttl: { enabled: true, attributeName: args.ttlAttribute } } : {}),
        ...(replicaRegions.length > 0
          ? {
              streamEnabled: true,
              streamViewType: "NEW_AND_OLD_IMAGES",
              replicas: replicaRegions.map((replica) => ({
                regionName: replica,
                kmsKeyArn: key.arnFor(replica),
                pointInTimeRecovery: pitr,
                deletionProtectionEnabled: deletionProtection,
                propagateTags: true,
              })),
            }
          : {}),
        tags,
      },
      childOptions(this, args.providers, region),
    );
    this.tableName = this.table.name;
    this.arn = this.table.arn;
    this.streamArn = this.table.streamArn;
    this.registerOutputs({ region, replicaRegions, tableName: this.tableName, arn: this.arn });
  }
}
