import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import type { PhiguardStackPolicy } from "../../../engine/rule";
import { DeferredErrors, dependsThrough, hasValue, isLiteral } from "../kubernetes/support";
import { CLUSTER_TYPE, LOG_GROUP_TYPE, describeCluster, literalClusterName } from "./support";

interface Config {
  /** @default 365 (AWS Config CW_LOGGROUP_RETENTION_PERIOD_CHECK, Checkov CKV_AWS_338) */
  readonly minimumRetentionDays?: number;
}

/** True when the log group is the one EKS writes `cluster`'s control-plane logs to. */
function isClusterLogGroup(logGroup: PolicyResource, cluster: PolicyResource): boolean {
  if (dependsThrough(logGroup, "name", cluster)) return true;
  if (!isLiteral(logGroup, "name")) return false;
  const name = logGroup.props.name;
  const clusterName = literalClusterName(cluster);
  return typeof name === "string" && clusterName !== undefined && name === `/aws/eks/${clusterName}/cluster`;
}

/**
 * EKS creates `/aws/eks/<cluster>/cluster` itself, unencrypted and kept forever, unless the program
 * creates it first. The LZA healthcare configuration re-adds the log group KMS and retention
 * checks that the HIPAA conformance pack dropped in 2022.
 */
const rule: PhiguardStackPolicy = {
  name: "eks-cluster-log-group-encrypted-retained",
  description:
    "Each EKS cluster's control-plane log group (/aws/eks/<cluster>/cluster) must be created by the program, encrypted with a KMS key (kmsKeyId) and kept at least minimumRetentionDays; otherwise EKS creates it without KMS encryption. The log group is joined to its cluster by its literal name or because its name is computed from the cluster.",
  hipaa: ["164.312(b)", "164.312(a)(2)(iv)"],
  controls: {
    checkov: ["CKV_AWS_158", "CKV_AWS_338"],
    awsConfig: ["CLOUDWATCH_LOG_GROUP_ENCRYPTED", "CW_LOGGROUP_RETENTION_PERIOD_CHECK"],
    cis: ["2.1.1"],
  },
  remediation:
    "Create the cluster with phiguard's `SecureCluster`, which creates `/aws/eks/<name>/cluster` before the cluster with an `EnvelopeKey` and a retention period; otherwise give the cluster an explicit `name`, create `aws.cloudwatch.LogGroup` named `/aws/eks/<name>/cluster` with `kmsKeyId` and `retentionInDays`, and make the cluster `dependsOn` it.",
  enforcementLevel: "mandatory",
  resourceTypes: [CLUSTER_TYPE],
  configSchema: {
    properties: {
      minimumRetentionDays: {
        type: "integer",
        default: 365,
        minimum: 1,
        description: "Shortest accepted retentionInDays (0 or unset, never expire, is accepted).",
      },
    },
  },
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const minimum = args.getConfig<Config>().minimumRetentionDays ?? 365;
    const clusters = args.resources.filter((r) => r.type === CLUSTER_TYPE);
    const logGroups = args.resources.filter((r) => r.type === LOG_GROUP_TYPE);
    const deferred = new DeferredErrors();
    for (const cluster of clusters) {
      deferred.attempt(() => {
        const own = logGroups.filter((lg) => isClusterLogGroup(lg, cluster));
        if (own.length === 0) {
          const name = literalClusterName(cluster);
          reportViolation(
            name
              ? `${describeCluster(cluster)} has no aws.cloudwatch.LogGroup "/aws/eks/${name}/cluster" in this program: EKS creates it without KMS encryption and with no retention set.`
              : `${describeCluster(cluster)} is auto-named and no log group's name is computed from it: EKS creates /aws/eks/<name>/cluster without KMS encryption.`,
            cluster.urn,
          );
          return;
        }
        for (const lg of own) {
          deferred.attempt(() => {
            if (!hasValue(lg.props, "kmsKeyId")) {
              reportViolation(`The control-plane log group of ${describeCluster(cluster)} has no kmsKeyId.`, lg.urn);
            }
            const days = lg.props.retentionInDays;
            if (typeof days === "number" && days > 0 && days < minimum) {
              reportViolation(
                `The control-plane log group of ${describeCluster(cluster)} keeps logs ${days} days; expected at least ${minimum}.`,
                lg.urn,
              );
            }
          });
        }
      });
    }
    deferred.rethrow();
  },
};

export default rule;
