/** What the EKS rules share: type tokens and how a resource is joined to its cluster. */
import type { PolicyResource } from "@pulumi/policy";
import { dependsThrough, isLiteral } from "../kubernetes/support";

export const CLUSTER_TYPE = "aws:eks/cluster:Cluster";
export const NODE_GROUP_TYPE = "aws:eks/nodeGroup:NodeGroup";
export const ADDON_TYPE = "aws:eks/addon:Addon";
export const LAUNCH_TEMPLATE_TYPE = "aws:ec2/launchTemplate:LaunchTemplate";
export const LOG_GROUP_TYPE = "aws:cloudwatch/logGroup:LogGroup";

/** The cluster's name when the program gives it literally; undefined for an auto-named cluster. */
export function literalClusterName(cluster: PolicyResource): string | undefined {
  if (!isLiteral(cluster, "name")) return undefined;
  const name = cluster.props.name;
  return typeof name === "string" && name !== "" ? name : undefined;
}

/**
 * True when `resource`'s `property` names `cluster`: it was computed from the cluster's outputs
 * (`clusterName: cluster.name`), or it is the same literal name.
 */
export function refersToCluster(resource: PolicyResource, property: string, cluster: PolicyResource): boolean {
  if (dependsThrough(resource, property, cluster)) return true;
  if (!isLiteral(resource, property)) return false;
  const name = literalClusterName(cluster);
  return name !== undefined && resource.props[property] === name;
}

/** `cluster "name"` or the resource name when the cluster is auto-named. */
export function describeCluster(cluster: PolicyResource): string {
  const name = literalClusterName(cluster);
  return name ? `cluster "${name}"` : `cluster ${cluster.name}`;
}
