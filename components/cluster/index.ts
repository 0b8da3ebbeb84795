/** The EKS cluster and Kubernetes workload components. */
export { InvalidArgumentError, RBAC_VERBS, RESERVED_NAMESPACES, checkImage, parseImage } from "./validation";
export type { RbacRuleInput, RbacVerb } from "./validation";
export { NAMESPACE_NAME_LABEL, POD_IDENTITY_AGENT_CIDR, allowRuleSpec, defaultDenySpec, dnsEgressSpec, podIdentityAgentEgressSpec } from "./networkPolicy";
export type { NetworkAllowRule, NetworkPeer, NetworkPort } from "./networkPolicy";
export * from "./secureCluster";
export * from "./workloadBaseline";
export * from "./secureWorkload";
