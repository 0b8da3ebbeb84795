/**
 * The Kubernetes workload rules of the HIPAA pack, and (so that the pack's combination of AWS and
 * Kubernetes rules picks them up) the EKS rules, sorted by name.
 */
import type { PhiguardPolicy } from "../../../engine/rule";
import { eksRules } from "../eks";
import k8sDefaultServiceAccountNotUsed from "./k8s-default-service-account-not-used";
import k8sDropAllCapabilities from "./k8s-drop-all-capabilities";
import k8sImagePinnedByDigest from "./k8s-image-pinned-by-digest";
import k8sIngressTls from "./k8s-ingress-tls";
import k8sLivenessAndReadinessProbes from "./k8s-liveness-and-readiness-probes";
import k8sLoadBalancerServiceTlsOrInternal from "./k8s-load-balancer-service-tls-or-internal";
import k8sNamespaceDefaultDenyNetworkPolicy from "./k8s-namespace-default-deny-network-policy";
import k8sNamespacePodSecurityRestricted from "./k8s-namespace-pod-security-restricted";
import k8sNoHostNamespaces from "./k8s-no-host-namespaces";
import k8sNoHostPathVolumes from "./k8s-no-host-path-volumes";
import k8sNoHostPorts from "./k8s-no-host-ports";
import k8sNoPrivilegeEscalation from "./k8s-no-privilege-escalation";
import k8sNoPrivilegedContainers from "./k8s-no-privileged-containers";
import k8sNoServiceAccountTokenAutomount from "./k8s-no-service-account-token-automount";
import k8sRbacLimitSecretAccess from "./k8s-rbac-limit-secret-access";
import k8sRbacNoBindEscalateImpersonate from "./k8s-rbac-no-bind-escalate-impersonate";
import k8sRbacNoClusterAdminBinding from "./k8s-rbac-no-cluster-admin-binding";
import k8sRbacNoWildcards from "./k8s-rbac-no-wildcards";
import k8sReadOnlyRootFilesystem from "./k8s-read-only-root-filesystem";
import k8sResourceRequestsAndLimits from "./k8s-resource-requests-and-limits";
import k8sRunAsNonRoot from "./k8s-run-as-non-root";
import k8sSeccompRuntimeDefault from "./k8s-seccomp-runtime-default";
import k8sSecretsAsFilesNotEnvVars from "./k8s-secrets-as-files-not-env-vars";
import k8sWorkloadNotInDefaultNamespace from "./k8s-workload-not-in-default-namespace";

const byName = (a: PhiguardPolicy, b: PhiguardPolicy) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The Kubernetes workload rules only, sorted by name. */
export const k8sWorkloadRules: PhiguardPolicy[] = [
  k8sDefaultServiceAccountNotUsed,
  k8sDropAllCapabilities,
  k8sImagePinnedByDigest,
  k8sIngressTls,
  k8sLivenessAndReadinessProbes,
  k8sLoadBalancerServiceTlsOrInternal,
  k8sNamespaceDefaultDenyNetworkPolicy,
  k8sNamespacePodSecurityRestricted,
  k8sNoHostNamespaces,
  k8sNoHostPathVolumes,
  k8sNoHostPorts,
  k8sNoPrivilegeEscalation,
  k8sNoPrivilegedContainers,
  k8sNoServiceAccountTokenAutomount,
  k8sRbacLimitSecretAccess,
  k8sRbacNoBindEscalateImpersonate,
  k8sRbacNoClusterAdminBinding,
  k8sRbacNoWildcards,
  k8sReadOnlyRootFilesystem,
  k8sResourceRequestsAndLimits,
  k8sRunAsNonRoot,
  k8sSeccompRuntimeDefault,
  k8sSecretsAsFilesNotEnvVars,
  k8sWorkloadNotInDefaultNamespace,
].sort(byName);

/** Kubernetes workload rules and EKS rules, sorted by name. */
export const kubernetesRules: PhiguardPolicy[] = [...k8sWorkloadRules, ...eksRules].sort(byName);
