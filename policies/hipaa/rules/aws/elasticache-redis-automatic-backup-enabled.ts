import { CITES } from "../../controls";
import { CACHE_CLUSTER, isRedisLike, REPLICATION_GROUP } from "./lib/elasticache";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

const MINIMUM_DAYS = 15;

export default resourceRule({
  name: "elasticache-redis-automatic-backup-enabled",
  description: `ElastiCache Redis and Valkey replication groups and cache clusters keep automatic snapshots for at least ${MINIMUM_DAYS} days (snapshotRetentionLimit; the default 0 takes none).`,
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backup],
  remediation: `Set \`snapshotRetentionLimit: ${MINIMUM_DAYS}\` (or more, up to 35) and a \`snapshotWindow\` on the \`aws.elasticache.ReplicationGroup\` or \`aws.elasticache.Cluster\`.`,
  controls: {
    awsConfig: ["ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK"],
    cdkNag: ["HIPAA.Security-ElastiCacheRedisClusterAutomaticBackup"],
    checkov: ["CKV_AWS_134"],
  },
  resourceTypes: [REPLICATION_GROUP, CACHE_CLUSTER],
  check: (props, args, report) => {
    if (args.type === CACHE_CLUSTER) {
      if (hasValue(props, "replicationGroupId")) args.notApplicable("the cluster is a member of a replication group, which this rule checks");
      if (!isRedisLike(props.engine)) args.notApplicable(`engine '${String(props.engine)}' has no snapshots`);
    } else if (!isRedisLike(props.engine)) {
      args.notApplicable(`engine '${String(props.engine)}' has no snapshots`);
    }
    const days = props.snapshotRetentionLimit as number | undefined;
    if (days === undefined || days < MINIMUM_DAYS) {
      report(`snapshotRetentionLimit is ${days ?? "not set (0: no automatic snapshots)"}; expected at least ${MINIMUM_DAYS}.`);
    }
  },
});
