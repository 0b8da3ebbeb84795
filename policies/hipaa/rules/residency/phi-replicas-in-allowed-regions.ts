import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import type { PhiguardStackPolicy } from "../../../engine/rule";
import { arrayOf, hasValue, peekString, type Props } from "../aws/lib/props";
import { childrenOf, forEachDeferred, ofType, parentsOf, refersTo } from "../aws/lib/stack";
import {
  describe,
  holdsPhi,
  mayHoldPhi,
  placementOf,
  regionList,
  regionOfArn,
  reportAdvisory,
  reportUnplaced,
  RESIDENCY_CONFIG_SCHEMA,
  residencyConfig,
  type ResidencyConfig,
} from "./regions";

const BUCKET = "aws:s3/bucket:Bucket";
const REPLICATION_CONFIG = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const TABLE = "aws:dynamodb/table:Table";
const GLOBAL_TABLE = "aws:dynamodb/globalTable:GlobalTable";
const TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";
const KEY = "aws:kms/key:Key";
const REPLICA_KEY = "aws:kms/replicaKey:ReplicaKey";
const GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";
const DB_CLUSTER = "aws:rds/cluster:Cluster";
const BACKUP_PLAN = "aws:backup/plan:Plan";
const BACKUP_VAULT = "aws:backup/vault:Vault";

const DESCRIPTION =
  "Copies of PHI go only to allowed regions (policy config allowedRegions; default us-east-1, us-east-2, us-west-1, us-west-2): S3 replication destinations of PHI buckets, DynamoDB replicas of PHI tables, replica keys of PHI KMS keys, members of PHI Aurora global databases, and the vaults AWS Backup plans copy recovery points to.";

const rule: PhiguardStackPolicy = {
  name: "phi-replicas-in-allowed-regions",
  description: DESCRIPTION,
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(B)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.310(d)(2)(iv)"],
  remediation:
    "Replicate only to allowed regions: pick `replicaRegion` of `PhiBucket`, `replicaRegions` of `PhiTable`, the `regions` of the `EnvelopeKey` and `PhiDatabase`, and `copyRegion` of `BackupPlan` among them (or set `destination.bucket`, `replicas[].regionName`, the replica key's and member cluster's `region`, `copyActions[].destinationVaultArn`); or add the region to `allowedRegions` once your BAA and policies cover it.",
  controls: {},
  resourceTypes: [REPLICATION_CONFIG, TABLE, GLOBAL_TABLE, REPLICA_KEY, GLOBAL_CLUSTER, BACKUP_PLAN],
  configSchema: RESIDENCY_CONFIG_SCHEMA,
  validateStack: (args: StackValidationArgs, report: ReportViolation) => {
    const { allowed, defaultRegion } = residencyConfig(args.getConfig<ResidencyConfig>());
    const resources = args.resources;
    const outside = (region: string) => !allowed.includes(region);
    const violation = (owner: PolicyResource, what: string, region: string) =>
      report(`${describe(owner)}: ${what} is in ${region}, outside the allowed regions ${regionList(allowed)}.`, owner.urn);

    /** Checks where `target` lands; `owner` is the resource the finding is reported on. */
    const checkResource = (owner: PolicyResource, what: string, target: PolicyResource) => {
      const placement = placementOf(target, defaultRegion);
      if (placement.kind === "unknown") placement.read();
      else if (placement.kind === "none") reportUnplaced(report, DESCRIPTION, owner, `${describe(owner)}: ${what}`);
      else if (outside(placement.region)) violation(owner, what, placement.region);
    };
    const checkRegion = (owner: PolicyResource, what: string, region: string) => {
      if (outside(region)) violation(owner, what, region);
    };

    // S3 replication of PHI buckets.
    const s3 = () => forEachDeferred(ofType(resources, REPLICATION_CONFIG), (config) => {
      const sources = parentsOf(resources, config, "bucket", BUCKET, ["bucket"]);
      if (!(sources.length > 0 ? sources.some(holdsPhi) : holdsPhi(config))) return;
      const destinations = (config.propertyDependencies.rules ?? []).filter((d) => d.type === BUCKET && !sources.includes(d));
      if (destinations.length > 0) {
        for (const bucket of destinations) checkResource(config, `replication destination bucket '${bucket.name}'`, bucket);
        return;
      }
      for (const replication of arrayOf<Props>(config.props.rules)) {
        const arn = String(replication.destination?.bucket ?? "");
        const name = arn.replace(/^arn:[^:]+:s3:::/, "");
        const bucket = ofType(resources, BUCKET).find((b) => peekString(b.props, "bucket") === name);
        if (bucket) checkResource(config, `replication destination bucket '${bucket.name}'`, bucket);
        else reportAdvisory(report, DESCRIPTION, config, `${describe(config)}: replication destination '${arn}' is not a bucket of this stack, so its region cannot be verified.`);
      }
    });

    // DynamoDB global tables holding PHI.
    const dynamodb = () => forEachDeferred(ofType(resources, TABLE, GLOBAL_TABLE), (table) => {
      if (!holdsPhi(table)) return;
      for (const replica of arrayOf<Props>(table.props.replicas)) checkRegion(table, "a replica", String(replica.regionName));
      for (const replica of childrenOf(resources, table, TABLE_REPLICA, "globalTableArn")) checkResource(table, `replica '${replica.name}'`, replica);
    });

    // Replica keys of PHI keys.
    const kms = () => forEachDeferred(ofType(resources, REPLICA_KEY), (replicaKey) => {
      const primaries = parentsOf(resources, replicaKey, "primaryKeyArn", KEY);
      if (!(holdsPhi(replicaKey) || primaries.some(holdsPhi))) return;
      checkResource(replicaKey, "the replica key", replicaKey);
    });

    // Aurora global databases holding PHI.
    const rds = () => forEachDeferred(ofType(resources, GLOBAL_CLUSTER), (global) => {
      const members = ofType(resources, DB_CLUSTER).filter((c) => refersTo(c, "globalClusterIdentifier", global, ["globalClusterIdentifier"]));
      const sources = parentsOf(resources, global, "sourceDbClusterIdentifier", DB_CLUSTER, ["clusterIdentifier"]);
      const clusters = [...new Set([...sources, ...members])];
      if (!(holdsPhi(global) || clusters.some(holdsPhi))) return;
      for (const cluster of clusters) checkResource(global, `member cluster '${cluster.name}'`, cluster);
    });

    // AWS Backup plans: the vaults they back up to and copy to.
    const backup = () => forEachDeferred(ofType(resources, BACKUP_PLAN), (plan) => {
      if (!mayHoldPhi(plan)) return;
      const vaults = (plan.propertyDependencies.rules ?? []).filter((d) => d.type === BACKUP_VAULT);
      for (const vault of vaults) checkResource(plan, `backup vault '${vault.name}'`, vault);
      for (const backupRule of arrayOf<Props>(plan.props.rules)) {
        for (const copy of arrayOf<Props>(backupRule.copyActions)) {
          if (!hasValue(copy, "destinationVaultArn")) continue;
          const arn = peekString(copy, "destinationVaultArn");
          if (arn === undefined) {
            if (vaults.length === 0) void copy.destinationVaultArn; // unknown and not from a vault of the stack: cannot be verified
            continue;
          }
          const region = regionOfArn(arn);
          if (region) checkRegion(plan, `copy destination vault '${arn}'`, region);
          else reportAdvisory(report, DESCRIPTION, plan, `${describe(plan)}: copy destination '${arn}' names no region, so residency cannot be verified.`);
        }
      }
    });

    // Every relation is checked even when another one cannot be verified before deploy.
    forEachDeferred([s3, dynamodb, kms, rds, backup], (section) => section());
  },
};

export default rule;
