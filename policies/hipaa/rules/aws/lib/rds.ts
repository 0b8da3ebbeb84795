/** RDS instances, Aurora / Multi-AZ DB clusters and cluster instances. */
export const DB_INSTANCE = "aws:rds/instance:Instance";
export const DB_CLUSTER = "aws:rds/cluster:Cluster";
export const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
export const PARAMETER_GROUP = "aws:rds/parameterGroup:ParameterGroup";
export const CLUSTER_PARAMETER_GROUP = "aws:rds/clusterParameterGroup:ClusterParameterGroup";

export function dbKind(type: string): string {
  if (type === DB_CLUSTER) return "DB cluster";
  if (type === CLUSTER_INSTANCE) return "cluster instance";
  return "DB instance";
}

export type EngineFamily = "postgres" | "mysql" | "sqlserver" | "oracle" | "db2" | "other";

/** The engine family of an RDS engine name (`aurora` alone is Aurora MySQL). */
export function engineFamily(engine: unknown): EngineFamily {
  // A typed program always gives a string; anything else names no engine the rules know.
  if (engine !== undefined && engine !== null && typeof engine !== "string") return "other";
  const e = (engine ?? "aurora").toLowerCase();
  if (e.includes("postgres")) return "postgres";
  if (e === "aurora" || e.includes("mysql") || e.includes("mariadb")) return "mysql";
  if (e.startsWith("sqlserver") || e.startsWith("custom-sqlserver")) return "sqlserver";
  if (e.startsWith("oracle") || e.startsWith("custom-oracle")) return "oracle";
  if (e.startsWith("db2")) return "db2";
  return "other";
}
