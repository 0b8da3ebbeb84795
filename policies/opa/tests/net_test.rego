package phiguard

import rego.v1

t_net_with_deps(r, deps) := object.union(r, {"propertyDependencies": deps})

t_net_sg := "aws:ec2/securityGroup:SecurityGroup"

t_net_acl := "aws:ec2/networkAcl:NetworkAcl"

test_net_network_acl_no_public_admin_ingress if {
	open := t_res(t_net_acl, "open", {"ingress": [
		{"action": "deny", "protocol": "-1", "cidrBlock": "0.0.0.0/0"},
		{"action": "ALLOW", "protocol": "6", "fromPort": 0, "toPort": 65535, "cidrBlock": "0.0.0.0/0"},
	]})
	t_verdicts("network-acl-no-public-admin-ingress", [open]) == [["violation", "open", "ingress[1] allows tcp ports 0-65535 from the internet, including ports 22 and 3389."]]
	narrow := t_res(t_net_acl, "narrow", {"ingress": [{"action": "allow", "protocol": "tcp", "fromPort": 32768, "toPort": 65535, "cidrBlock": "0.0.0.0/0"}]})
	t_verdicts("network-acl-no-public-admin-ingress", [narrow]) == []
	rule := t_res("aws:ec2/networkAclRule:NetworkAclRule", "rule", {"egress": false, "ruleAction": "allow", "protocol": "tcp", "fromPort": 22, "toPort": 22, "ipv6CidrBlock": "::/0"})
	t_verdicts("network-acl-no-public-admin-ingress", [rule]) == [["violation", "rule", "rule allows tcp port 22 from the internet, including port 22."]]
	unknown := t_res(t_net_acl, "unk", {"ingress": [{"action": "allow", "protocol": "tcp", "fromPort": t_unknown, "toPort": 22, "cidrBlock": "0.0.0.0/0"}]})
	t_verdicts("network-acl-no-public-admin-ingress", [unknown]) == [["unverifiable", "unk", "cannot be verified before deploy: props.ingress.0.fromPort"]]
}

test_net_security_group_no_public_admin_ingress if {
	sg := t_res(t_net_sg, "sg", {"ingress": [
		{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["0.0.0.0/0"]},
		{"protocol": "-1", "fromPort": 0, "toPort": 0, "ipv6CidrBlocks": ["::/0"]},
		{"protocol": "tcp", "fromPort": 5432, "toPort": 5432, "cidrBlocks": ["10.0.0.0/8"]},
	]})
	t_verdicts("security-group-no-public-admin-ingress", [sg]) == [["violation", "sg", "ingress[1] allows all traffic from the internet, including admin/database ports 20, 21, 22, 23, 445, 1433, 1521, 2375, 2376, 3306, 3389, 4333, 5432, 5439, 5985, 5986, 6379, 9200, 11211 and 27017."]]
	ok := t_res(t_net_sg, "ok", {"ingress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["0.0.0.0/0"]}]})
	t_verdicts("security-group-no-public-admin-ingress", [ok]) == []

	# Every block is read before any is reported.
	unknown := t_res(t_net_sg, "unk", {"ingress": [
		{"protocol": "tcp", "fromPort": 22, "toPort": 22, "cidrBlocks": ["0.0.0.0/0"]},
		{"protocol": "tcp", "fromPort": 22, "toPort": 22, "cidrBlocks": ["0.0.0.0/0", t_secret]},
	]})
	t_verdicts("security-group-no-public-admin-ingress", [unknown]) == [["unverifiable", "unk", "cannot be verified before deploy: props.ingress.1.cidrBlocks.1 (secret value is not available offline)"]]
	egress := t_res("aws:ec2/securityGroupRule:SecurityGroupRule", "egress", {"type": "egress", "protocol": "-1", "cidrBlocks": ["0.0.0.0/0"]})
	t_verdicts("security-group-no-public-admin-ingress", [egress]) == []
}

test_net_security_group_public_ingress_only_authorized_ports if {
	rule := t_res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "r", {"ipProtocol": "tcp", "fromPort": 80, "toPort": 443, "cidrIpv4": "0.0.0.0/0"})
	t_verdicts("security-group-public-ingress-only-authorized-ports", [rule]) == [["violation", "r", "rule allows tcp ports 80-443 from the internet; only TCP 80 and 443 may be open to it."]]
	https := t_res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "https", {"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "cidrIpv4": "0.0.0.0/0"})
	t_verdicts("security-group-public-ingress-only-authorized-ports", [https]) == []
	unknown := t_res("aws:ec2/securityGroupRule:SecurityGroupRule", "unk", {"type": t_unknown})
	t_verdicts("security-group-public-ingress-only-authorized-ports", [unknown]) == [["unverifiable", "unk", "cannot be verified before deploy: props.type"]]
}

test_net_vpc_default_security_group_closed if {
	vpc := t_res(net_vpc_type, "vpc", {})
	sg := t_net_with_deps(t_res(net_default_sg_type, "sg", {"ingress": [{"protocol": "-1"}], "egress": []}), {"vpcId": [vpc.urn]})
	t_verdicts("vpc-default-security-group-closed", [vpc, sg]) == [["violation", "sg", "the default security group has 1 ingress and 0 egress rules; expected none."]]
	closed := t_net_with_deps(t_res(net_default_sg_type, "closed", {}), {"vpcId": [vpc.urn]})
	t_verdicts("vpc-default-security-group-closed", [vpc, closed]) == []
	t_verdicts("vpc-default-security-group-closed", [vpc]) == [["violation", "vpc", "the VPC's default security group is not managed in the stack, so it keeps AWS's default rules (all traffic between members, all egress)."]]
	unknown := t_net_with_deps(t_res(net_default_sg_type, "unk", {"egress": t_unknown}), {"vpcId": [vpc.urn]})
	t_verdicts("vpc-default-security-group-closed", [vpc, unknown]) == [["unverifiable", "unk", "cannot be verified before deploy: props.egress"]]
}

test_net_vpc_endpoints_for_s3_and_kms if {
	vpc := t_res(net_vpc_type, "vpc", {})
	s3 := t_net_with_deps(t_res("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", {"serviceName": "com.amazonaws.us-east-1.s3"}), {"vpcId": [vpc.urn]})
	kms := t_net_with_deps(t_res("aws:ec2/vpcEndpoint:VpcEndpoint", "kms", {"serviceName": "com.amazonaws.us-east-1.kms"}), {"vpcId": [vpc.urn]})
	t_verdicts("vpc-endpoints-for-s3-and-kms", [vpc, s3, kms]) == []
	t_verdicts("vpc-endpoints-for-s3-and-kms", [vpc]) == [["violation", "vpc", "no VPC endpoint for 's3' and 'kms'."]]
	unknown := t_net_with_deps(t_res("aws:ec2/vpcEndpoint:VpcEndpoint", "unk", {"serviceName": t_unknown}), {"vpcId": [vpc.urn]})
	t_verdicts("vpc-endpoints-for-s3-and-kms", [vpc, unknown]) == [["unverifiable", "unk", "cannot be verified before deploy: props.serviceName"]]
}

test_net_vpc_flow_logs if {
	vpc := t_res(net_vpc_type, "vpc", {})
	log := t_net_with_deps(t_res("aws:ec2/flowLog:FlowLog", "log", {"trafficType": "REJECT"}), {"vpcId": [vpc.urn]})
	t_verdicts("vpc-flow-logs-enabled", [vpc, log]) == []
	t_verdicts("vpc-flow-logs-enabled", [vpc]) == [["violation", "vpc", "no aws.ec2.FlowLog is attached to this VPC."]]
	t_verdicts("vpc-flow-log-captures-all-traffic", [log]) == [["violation", "log", "trafficType is 'REJECT'; expected 'ALL' so both accepted and rejected connections are recorded."]]
	t_verdicts("vpc-flow-log-captures-all-traffic", [t_res("aws:ec2/flowLog:FlowLog", "all", {"trafficType": "ALL"})]) == []
	t_verdicts("vpc-flow-log-captures-all-traffic", [t_res("aws:ec2/flowLog:FlowLog", "unk", {"trafficType": t_unknown})]) == [["unverifiable", "unk", "cannot be verified before deploy: props.trafficType"]]
}

test_net_ec2_detailed_monitoring_enabled if {
	t_verdicts("ec2-detailed-monitoring-enabled", [t_res(net_instance_type, "i", {})]) == [["violation", "i", "monitoring is not true."]]
	t_verdicts("ec2-detailed-monitoring-enabled", [t_res(net_instance_type, "lt", {"launchTemplate": {"id": "lt-1"}})]) == []
	t_verdicts("ec2-detailed-monitoring-enabled", [t_res(net_launch_template_type, "t", {"monitoring": {"enabled": true}})]) == []
	t_verdicts("ec2-detailed-monitoring-enabled", [t_res(net_launch_template_type, "t", {})]) == [["violation", "t", "the launch template does not set monitoring.enabled: true."]]
	t_verdicts("ec2-detailed-monitoring-enabled", [t_res(net_instance_type, "u", {"monitoring": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.monitoring"]]
}

test_net_ec2_ebs_encrypted_with_cmk if {
	lt := t_res(net_launch_template_type, "lt", {"blockDeviceMappings": [
		{"deviceName": "/dev/xvda", "ebs": {"encrypted": "true", "kmsKeyId": "alias/aws/ebs"}},
		{"deviceName": "/dev/xvdb"},
		{"ebs": {"encrypted": false}},
	]})
	t_verdicts("ec2-ebs-encrypted-with-cmk", [lt]) == [
		["violation", "lt", "blockDeviceMappings[0].ebs: kmsKeyId is the AWS managed key 'alias/aws/ebs', not a customer managed key."],
		["violation", "lt", "blockDeviceMappings[2].ebs is not encrypted."],
	]
	ok := t_res(net_instance_type, "ok", {"rootBlockDevice": {"encrypted": true, "kmsKeyId": t_unknown}})
	t_verdicts("ec2-ebs-encrypted-with-cmk", [ok]) == []
	t_verdicts("ec2-ebs-encrypted-with-cmk", [t_res(net_launch_configuration_type, "lc", {})]) == [["violation", "lc", "the launch configuration declares no EBS volume, so its volumes come from the AMI's mappings and are encrypted only if the account enables EBS encryption by default."]]
	unknown := t_res(net_instance_type, "unk", {"rootBlockDevice": {"encrypted": false}, "ebsBlockDevices": [t_unknown]})
	t_verdicts("ec2-ebs-encrypted-with-cmk", [unknown]) == [["unverifiable", "unk", "cannot be verified before deploy: props.ebsBlockDevices.0"]]
}

test_net_ec2_metadata_options if {
	v1 := t_res(net_launch_configuration_type, "lc", {"metadataOptions": {"httpTokens": "optional", "httpPutResponseHopLimit": 2}})
	t_verdicts("ec2-imdsv2-required", [v1]) == [["violation", "lc", "the launch configuration does not set metadataOptions.httpTokens to 'required', so IMDSv1 stays available."]]
	t_verdicts("ec2-metadata-hop-limit-one", [v1]) == [["violation", "lc", "the launch configuration sets metadataOptions.httpPutResponseHopLimit to 2; expected 1."]]
	v2 := t_res(net_instance_type, "i", {"metadataOptions": {"httpTokens": "required", "httpPutResponseHopLimit": 1}})
	t_verdicts("ec2-imdsv2-required", [v2]) == []
	t_verdicts("ec2-metadata-hop-limit-one", [v2]) == []
	off := t_res(net_instance_type, "off", {"metadataOptions": {"httpEndpoint": "disabled", "httpPutResponseHopLimit": 5}})
	t_verdicts("ec2-imdsv2-required", [off]) == []
	t_verdicts("ec2-metadata-hop-limit-one", [off]) == []
	unknown := t_res(net_instance_type, "unk", {"metadataOptions": {"httpTokens": t_unknown, "httpPutResponseHopLimit": t_unknown}})
	t_verdicts("ec2-imdsv2-required", [unknown]) == [["unverifiable", "unk", "cannot be verified before deploy: props.metadataOptions.httpTokens"]]
	t_verdicts("ec2-metadata-hop-limit-one", [unknown]) == [["unverifiable", "unk", "cannot be verified before deploy: props.metadataOptions.httpPutResponseHopLimit"]]
}

test_net_ec2_instance_checks if {
	bare := t_res(net_instance_type, "bare", {})
	t_verdicts("ec2-instance-in-explicit-subnet", [bare]) == [["violation", "bare", "the instance names no subnet, so it is launched into the default VPC."]]
	t_verdicts("ec2-instance-profile-attached", [bare]) == [["violation", "bare", "the instance has no IAM instance profile."]]
	placed := t_res(net_instance_type, "placed", {"subnetId": t_unknown, "iamInstanceProfile": "profile"})
	t_verdicts("ec2-instance-in-explicit-subnet", [placed]) == []
	t_verdicts("ec2-instance-profile-attached", [placed]) == []
	t_verdicts("ec2-instance-in-explicit-subnet", [t_res(net_instance_type, "unk", {"networkInterfaces": t_unknown})]) == [["unverifiable", "unk", "cannot be verified before deploy: props.networkInterfaces"]]
}

test_net_ec2_no_public_ip if {
	lt := t_res(net_launch_template_type, "lt", {"networkInterfaces": [{"associatePublicIpAddress": "true"}, {"associatePublicIpAddress": t_unknown}]})
	t_verdicts("ec2-no-public-ip", [lt]) == [
		["unverifiable", "lt", "cannot be verified before deploy: props.networkInterfaces.1.associatePublicIpAddress"],
		["violation", "lt", "networkInterfaces[0] associates a public IP address."],
	]
	t_verdicts("ec2-no-public-ip", [t_res(net_instance_type, "i", {"associatePublicIpAddress": true})]) == [["violation", "i", "the instance associates a public IP address."]]
	t_verdicts("ec2-no-public-ip", [t_res(net_instance_type, "ok", {"associatePublicIpAddress": false})]) == []
}

test_net_autoscaling_group_elb_health_check if {
	asg := "aws:autoscaling/group:Group"
	t_verdicts("autoscaling-group-elb-health-check", [t_res(asg, "a", {"targetGroupArns": ["arn"]})]) == [["violation", "a", "healthCheckType is 'EC2'; expected 'ELB'."]]
	t_verdicts("autoscaling-group-elb-health-check", [t_res(asg, "ok", {"loadBalancers": ["lb"], "healthCheckType": "ELB"})]) == []
	t_verdicts("autoscaling-group-elb-health-check", [t_res(asg, "alone", {})]) == []
	t_verdicts("autoscaling-group-elb-health-check", [t_res(asg, "unk", {"targetGroupArns": [], "loadBalancers": t_unknown})]) == [["unverifiable", "unk", "cannot be verified before deploy: props.loadBalancers"]]
}

test_net_backup_plans if {
	plan := t_res(net_backup_plan_type, "p", {"rules": [
		{"ruleName": "weekly", "schedule": "cron(0 5 ? * SUN *)", "lifecycle": {"deleteAfter": 7}},
		{"schedule": "rate(12 hours)", "copyActions": [{"destinationVaultArn": "arn"}]},
	]})
	t_verdicts("backup-plan-copies-to-another-region", [plan]) == [["violation", "p", "rule 'weekly' has no copyActions to another Region."]]
	t_verdicts("backup-plan-daily-with-35-day-retention", [plan]) == [
		["violation", "p", "rule 'weekly' deletes recovery points after 7 days; expected at least 35."],
		["violation", "p", "rule 'weekly' has schedule 'cron(0 5 ? * SUN *)', which does not run at least daily."],
	]
	ok := t_res(net_backup_plan_type, "ok", {"rules": [{"ruleName": "daily", "schedule": "cron(0 5 ? * * *)", "lifecycle": {"deleteAfter": 35}, "copyActions": [{"destinationVaultArn": t_unknown}]}]})
	t_verdicts("backup-plan-copies-to-another-region", [ok]) == []
	t_verdicts("backup-plan-daily-with-35-day-retention", [ok]) == []
	unknown := t_res(net_backup_plan_type, "unk", {"rules": [{"ruleName": "x", "schedule": t_unknown}]})
	t_verdicts("backup-plan-daily-with-35-day-retention", [unknown]) == [["unverifiable", "unk", "cannot be verified before deploy: props.rules.0.schedule"]]
	t_verdicts("backup-plan-copies-to-another-region", [unknown]) == [["violation", "unk", "rule 'x' has no copyActions to another Region."]]
}

test_net_backup_schedule_interval_hours if {
	net_schedule_interval_hours("rate(90 minutes)") == 1.5
	net_schedule_interval_hours(" RATE(2 Days) ") == 48
	net_schedule_interval_hours("cron(0 5 * * ? *)") == 24
	not net_schedule_interval_hours("cron(0 5 1 * ? *)")
	not net_schedule_interval_hours("daily")
}

test_net_backup_vault_lock_enabled if {
	vault := t_res("aws:backup/vault:Vault", "vault", {"name": "phi-vault"})
	lock := t_res("aws:backup/vaultLockConfiguration:VaultLockConfiguration", "lock", {"backupVaultName": "phi-vault"})
	t_verdicts("backup-vault-lock-enabled", [vault, lock]) == []
	t_verdicts("backup-vault-lock-enabled", [vault]) == [["violation", "vault", "no aws.backup.VaultLockConfiguration locks this vault."]]
}

test_net_backup_selection_covers_phi_data_stores if {
	db := t_res(aws_db_instance, "db", {"tags": {"data-classification": " PHI "}})
	public := t_res("aws:dynamodb/table:Table", "public", {"tags": {"data-classification": "public"}})
	t_verdicts("backup-selection-covers-phi-data-stores", [db, public]) == [["violation", "db", "this PHI data store is not selected by any aws.backup.Selection."]]
	by_tag := t_res("aws:backup/selection:Selection", "s", {"selectionTags": [{"type": "STRINGEQUALS", "key": "data-classification", "value": "phi"}]})
	t_verdicts("backup-selection-covers-phi-data-stores", [db, by_tag]) == []
	by_ref := t_net_with_deps(t_res("aws:backup/selection:Selection", "ref", {"resources": [t_unknown]}), {"resources": [db.urn]})
	t_verdicts("backup-selection-covers-phi-data-stores", [db, by_ref]) == []
	by_condition := t_res("aws:backup/selection:Selection", "c", {"resources": ["*"], "conditions": [{"stringEquals": [{"key": "aws:ResourceTag/data-classification", "value": "phi"}]}]})
	t_verdicts("backup-selection-covers-phi-data-stores", [db, by_condition]) == []
	unknown := t_res("aws:backup/selection:Selection", "u", {"selectionTags": [{"type": t_unknown}]})
	t_verdicts("backup-selection-covers-phi-data-stores", [db, unknown]) == [["unverifiable", "u", "cannot be verified before deploy: props.selectionTags.0.type"]]
}

test_net_secretsmanager_rotation if {
	secret := t_res("aws:secretsmanager/secret:Secret", "secret", {"name": "db"})
	t_verdicts("secretsmanager-secret-rotation-enabled", [secret]) == [["violation", "secret", "no aws.secretsmanager.SecretRotation rotates this secret."]]
	off := t_res("aws:secretsmanager/secretRotation:SecretRotation", "off", {"secretId": "arn:aws:secretsmanager:us-east-1:1:secret:db", "rotationEnabled": false})
	t_verdicts("secretsmanager-secret-rotation-enabled", [secret, off]) == [["violation", "secret", "the secret's rotation is disabled."]]
	on := t_net_with_deps(t_res("aws:secretsmanager/secretRotation:SecretRotation", "on", {"secretId": t_unknown, "rotationEnabled": t_unknown}), {"secretId": [secret.urn]})
	t_verdicts("secretsmanager-secret-rotation-enabled", [secret, on]) == [["unverifiable", "on", "cannot be verified before deploy: props.rotationEnabled"]]
}

test_net_secretsmanager_rotation_within_90_days if {
	rotation := "aws:secretsmanager/secretRotation:SecretRotation"
	t_verdicts("secretsmanager-rotation-within-90-days", [t_res(rotation, "a", {"rotationRules": {"automaticallyAfterDays": 120}})]) == [["violation", "a", "automaticallyAfterDays is 120; expected at most 90."]]
	t_verdicts("secretsmanager-rotation-within-90-days", [t_res(rotation, "r", {"rotationRules": {"scheduleExpression": "rate(2200 hours)"}})]) == [["violation", "r", "scheduleExpression 'rate(2200 hours)' rotates every 91.66666666666667 days; expected at most 90."]]
	t_verdicts("secretsmanager-rotation-within-90-days", [t_res(rotation, "c", {"rotationRules": {"scheduleExpression": "cron(0 4 1 1 ? *)"}})]) == [["violation", "c", "scheduleExpression 'cron(0 4 1 1 ? *)' does not run at least monthly; expected a cron() with month '*' or a rate() of at most 90 days."]]
	t_verdicts("secretsmanager-rotation-within-90-days", [t_res(rotation, "ok", {"rotationRules": {"scheduleExpression": "cron(0 4 1 * ? *)"}})]) == []
	t_verdicts("secretsmanager-rotation-within-90-days", [t_res(rotation, "none", {})]) == [["violation", "none", "rotationRules sets neither automaticallyAfterDays nor scheduleExpression."]]
	t_verdicts("secretsmanager-rotation-within-90-days", [t_res(rotation, "unk", {"rotationRules": t_unknown})]) == [["unverifiable", "unk", "cannot be verified before deploy: props.rotationRules"]]
}

test_net_ssm if {
	doc := "aws:ssm/document:Document"
	t_verdicts("ssm-document-not-public", [t_res(doc, "d", {"permissions": {"type": "Share", "accountIds": "123, All"}})]) == [["violation", "d", "the document is shared with all AWS accounts."]]
	t_verdicts("ssm-document-not-public", [t_res(doc, "ok", {"permissions": {"accountIds": "123"}})]) == []
	t_verdicts("ssm-document-not-public", [t_res(doc, "unk", {"permissions": {"accountIds": t_unknown}})]) == [["unverifiable", "unk", "cannot be verified before deploy: props.permissions.accountIds"]]
	param := "aws:ssm/parameter:Parameter"
	t_verdicts("ssm-parameter-secrets-secure-string-with-cmk", [t_res(param, "db-password", {"type": "String"})]) == [["violation", "db-password", "parameter 'db-password' looks like a secret but is a plain String; expected SecureString."]]
	t_verdicts("ssm-parameter-secrets-secure-string-with-cmk", [t_res(param, "s", {"type": "SecureString", "keyId": "alias/aws/ssm"})]) == [["violation", "s", "keyId is the AWS managed key 'alias/aws/ssm', not a customer managed key, so the SecureString is encrypted with the AWS managed SSM key."]]
	t_verdicts("ssm-parameter-secrets-secure-string-with-cmk", [t_res(param, "ok", {"type": "SecureString", "keyId": t_unknown})]) == []
	t_verdicts("ssm-parameter-secrets-secure-string-with-cmk", [t_res(param, "unk", {"type": t_unknown})]) == [["unverifiable", "unk", "cannot be verified before deploy: props.type"]]
}

test_net_listing if {
	net_listing([]) == ""
	net_listing([22]) == "22"
	net_listing(["s3", "kms", "logs"]) == "'s3', 'kms' and 'logs'"
}

test_net_div24_text_prints_as_javascript if {
	net_div24_text(2200) == "91.66666666666667"
	net_div24_text(3073) == "128.04166666666666"
	net_div24_text(3074) == "128.08333333333334"
	net_div24_text(2163) == "90.125"
	net_div24_text(2400) == "100"
	net_int_text(66666666666666) == "66666666666666"
	net_int_text(1000000000000000007) == "1000000000000000007"
}
