/** Redshift provisioned clusters and the resources that configure them. */
export const REDSHIFT_CLUSTER = "aws:redshift/cluster:Cluster";
export const REDSHIFT_PARAMETER_GROUP = "aws:redshift/parameterGroup:ParameterGroup";
export const REDSHIFT_LOGGING = "aws:redshift/logging:Logging";

/** Redshift's `encrypted` input is a string in `@pulumi/aws` v7 ("true" by default). */
export function isFalse(value: unknown): boolean {
  return value === false || (typeof value === "string" && value.trim().toLowerCase() === "false");
}
