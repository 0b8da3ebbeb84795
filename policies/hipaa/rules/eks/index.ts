/** The EKS rules of the HIPAA pack, sorted by name. */
import type { PhiguardPolicy } from "../../../engine/rule";
import eksAuthenticationModeApi from "./eks-authentication-mode-api";
import eksClusterCreatorAdminDisabled from "./eks-cluster-creator-admin-disabled";
import eksClusterLogGroupEncryptedRetained from "./eks-cluster-log-group-encrypted-retained";
import eksControlPlaneLoggingAllTypes from "./eks-control-plane-logging-all-types";
import eksCoreAddonsManaged from "./eks-core-addons-managed";
import eksEndpointPrivateAccess from "./eks-endpoint-private-access";
import eksNodeGroupHardenedLaunchTemplate from "./eks-node-group-hardened-launch-template";
import eksNodeGroupNoOpenRemoteAccess from "./eks-node-group-no-open-remote-access";
import eksNodeGroupPrivateSubnets from "./eks-node-group-private-subnets";
import eksSecretsEnvelopeEncryption from "./eks-secrets-envelope-encryption";
import eksSupportedKubernetesVersion from "./eks-supported-kubernetes-version";
import eksVpcCniNetworkPolicyEnabled from "./eks-vpc-cni-network-policy-enabled";

export const eksRules: PhiguardPolicy[] = [
  eksAuthenticationModeApi,
  eksClusterCreatorAdminDisabled,
  eksClusterLogGroupEncryptedRetained,
  eksControlPlaneLoggingAllTypes,
  eksCoreAddonsManaged,
  eksEndpointPrivateAccess,
  eksNodeGroupHardenedLaunchTemplate,
  eksNodeGroupNoOpenRemoteAccess,
  eksNodeGroupPrivateSubnets,
  eksSecretsEnvelopeEncryption,
  eksSupportedKubernetesVersion,
  eksVpcCniNetworkPolicyEnabled,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
