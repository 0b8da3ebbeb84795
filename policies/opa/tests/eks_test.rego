package phiguard

import rego.v1

_cluster(name, props) := t_res(eks_cluster_type, name, object.union({"name": name}, props))

_good_cluster := {
	"accessConfig": {"authenticationMode": "API", "bootstrapClusterCreatorAdminPermissions": false},
	"enabledClusterLogTypes": ["api", "audit", "authenticator", "controllerManager", "scheduler"],
	"vpcConfig": {"endpointPrivateAccess": true, "endpointPublicAccess": false},
	"encryptionConfig": {"resources": ["secrets"], "provider": {"keyArn": "arn:aws:kms:us-east-1:123456789012:key/k"}},
	"version": "1.33",
}

test_compliant_cluster if {
	c := _cluster("ok", _good_cluster)
	fs := findings with input as t_plan([c])
	[f | some f in fs; catalog[f.ruleId].scope == "resource"] == []
}

test_eks_authentication_mode_api if {
	t_verdicts("eks-authentication-mode-api", [_cluster("c", {})]) == [["violation", "c", "accessConfig.authenticationMode is not set: EKS defaults to CONFIG_MAP (the aws-auth ConfigMap)."]]
	mixed := _cluster("m", {"accessConfig": {"authenticationMode": "API_AND_CONFIG_MAP"}})
	t_verdicts("eks-authentication-mode-api", [mixed]) == [["violation", "m", "accessConfig.authenticationMode is \"API_AND_CONFIG_MAP\"; expected \"API\"."]]
	t_verdicts("eks-authentication-mode-api", [mixed]) == [] with data.config as {"deny_eks_authentication_mode_api": {"allowApiAndConfigMap": true}}
}

test_eks_cluster_creator_admin_disabled_is_advisory if {
	[f.level | some f in findings with input as t_plan([_cluster("c", {})]); f.ruleId == "eks-cluster-creator-admin-disabled"] == ["advisory"]
}

test_eks_control_plane_logging_all_types if {
	c := _cluster("c", {"enabledClusterLogTypes": ["api", "audit"]})
	t_verdicts("eks-control-plane-logging-all-types", [c]) == [["violation", "c", "enabledClusterLogTypes lacks authenticator, controllerManager, scheduler."]]
}

test_eks_endpoint_private_access if {
	open := _cluster("o", {"vpcConfig": {"endpointPrivateAccess": true, "publicAccessCidrs": ["0.0.0.0/0", "10.0.0.0/33"]}})
	t_verdicts("eks-endpoint-private-access", [open]) == [
		["violation", "o", "vpcConfig.publicAccessCidrs: \"0.0.0.0/0\" admits every address."],
		["violation", "o", "vpcConfig.publicAccessCidrs: \"10.0.0.0/33\" is not a valid CIDR."],
	]
	restricted := _cluster("r", {"vpcConfig": {"endpointPrivateAccess": true, "endpointPublicAccess": true, "publicAccessCidrs": ["203.0.113.0/24"]}})
	t_verdicts("eks-endpoint-private-access", [restricted]) == []
}

test_eks_secrets_envelope_encryption if {
	c := _cluster("c", {"encryptionConfig": {"resources": ["configmaps"], "provider": {"keyArn": t_unknown}}})
	t_verdicts("eks-secrets-envelope-encryption", [c]) == [["violation", "c", "encryptionConfig.resources does not include \"secrets\"."]]
}

test_eks_supported_kubernetes_version if {
	t_verdicts("eks-supported-kubernetes-version", [_cluster("c", {"version": "1.24"})]) == [["violation", "c", "version \"1.24\" is not a supported EKS version (1.30, 1.31, 1.32, 1.33, 1.34, 1.35)."]]
	t_verdicts("eks-supported-kubernetes-version", [_cluster("c", {"version": "1.31.2-eks-1"})]) == []
	eks_minor_version("v1.29.0") == "1.29"
	not eks_minor_version("latest")
}

test_eks_vpc_cni_network_policy_enabled if {
	addon := t_res(eks_addon_type, "cni", {"addonName": "vpc-cni", "configurationValues": "{\"enableNetworkPolicy\":\"false\"}"})
	t_verdicts("eks-vpc-cni-network-policy-enabled", [addon]) == [["violation", "cni", "configurationValues.enableNetworkPolicy is \"false\"; expected \"true\"."]]
}

test_eks_node_group_no_open_remote_access if {
	ng := t_res(eks_node_group_type, "ng", {"remoteAccess": {"ec2SshKey": "key"}})
	t_verdicts("eks-node-group-no-open-remote-access", [ng]) == [["violation", "ng", "remoteAccess gives an ec2SshKey without sourceSecurityGroupIds: SSH (port 22) is open to 0.0.0.0/0."]]
}

test_eks_cluster_log_group_encrypted_retained if {
	c := _cluster("c", {})
	lg := t_res(log_group_type, "lg", {"name": "/aws/eks/c/cluster", "retentionInDays": 30})
	t_verdicts("eks-cluster-log-group-encrypted-retained", [c, lg]) == [
		["violation", "lg", "The control-plane log group of cluster \"c\" has no kmsKeyId."],
		["violation", "lg", "The control-plane log group of cluster \"c\" keeps logs 30 days; expected at least 365."],
	]
	t_verdicts("eks-cluster-log-group-encrypted-retained", [c]) == [["violation", "c", "cluster \"c\" has no aws.cloudwatch.LogGroup \"/aws/eks/c/cluster\" in this program: EKS creates it without KMS encryption and with no retention set."]]
}

test_eks_core_addons_managed if {
	c := _cluster("c", {})
	addon := object.union(t_res(eks_addon_type, "cni", {"addonName": "vpc-cni"}), {"propertyDependencies": {"clusterName": [c.urn]}})
	t_verdicts("eks-core-addons-managed", [c, addon]) == [["violation", "c", "cluster \"c\" has no managed add-on coredns, kube-proxy (aws.eks.Addon)."]]
}

test_eks_node_group_hardened_launch_template if {
	lt := t_res(launch_template_type, "lt", {"name": "nodes", "metadataOptions": {"httpTokens": "optional", "httpPutResponseHopLimit": 2}})
	ng := t_res(eks_node_group_type, "ng", {"launchTemplate": {"name": "nodes", "version": "1"}})
	t_verdicts("eks-node-group-hardened-launch-template", [lt, ng]) == [
		["violation", "lt", "Launch template lt of node group ng: blockDeviceMappings has no EBS volume with encrypted: true (the root volume's encryption is left to the AMI and account default)."],
		["violation", "lt", "Launch template lt of node group ng: metadataOptions.httpPutResponseHopLimit is 2; expected at most 1, so pods cannot use the node's IAM role."],
		["violation", "lt", "Launch template lt of node group ng: metadataOptions.httpTokens is \"optional\"; expected \"required\" (IMDSv2 only)."],
	]
	bare := t_res(eks_node_group_type, "bare", {})
	t_verdicts("eks-node-group-hardened-launch-template", [bare]) == [["violation", "bare", "Node group bare has no launchTemplate: EKS's own template decides instance metadata and EBS encryption."]]
}

test_eks_node_group_private_subnets if {
	igw := t_res("aws:ec2/internetGateway:InternetGateway", "igw", {})
	subnet := t_res("aws:ec2/subnet:Subnet", "public", {"mapPublicIpOnLaunch": true})
	table := object.union(t_res("aws:ec2/routeTable:RouteTable", "rt", {"routes": [{"cidrBlock": "0.0.0.0/0", "gatewayId": t_unknown}]}), {"propertyDependencies": {"routes": [igw.urn]}})
	association := object.union(t_res("aws:ec2/routeTableAssociation:RouteTableAssociation", "rta", {}), {"propertyDependencies": {"subnetId": [subnet.urn], "routeTableId": [table.urn]}})
	ng := object.union(t_res(eks_node_group_type, "ng", {}), {"propertyDependencies": {"subnetIds": [subnet.urn]}})
	t_verdicts("eks-node-group-private-subnets", [igw, subnet, table, association, ng]) == [
		["violation", "ng", "Node group ng uses subnet public, which assigns public IPs on launch (mapPublicIpOnLaunch)."],
		["violation", "ng", "Node group ng uses subnet public, whose route table rt sends the default route to an internet gateway."],
	]
}
