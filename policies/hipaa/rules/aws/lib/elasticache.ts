/** ElastiCache: replication groups (Redis/Valkey), standalone cache clusters and serverless caches. */
export const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
export const CACHE_CLUSTER = "aws:elasticache/cluster:Cluster";
export const SERVERLESS_CACHE = "aws:elasticache/serverlessCache:ServerlessCache";

/** Redis-compatible engines (which have snapshots and at-rest encryption). */
export function isRedisLike(engine: unknown): boolean {
  const e = String(engine ?? "redis").toLowerCase();
  return e === "redis" || e === "valkey";
}
