package phiguard

import rego.v1

test_aws_one_property_checks if {
	rds := t_res(aws_db_instance, "db", {"publiclyAccessible": true, "deletionProtection": false})
	t_verdicts("rds-not-publicly-accessible", [rds]) == [["violation", "db", "the DB instance sets publiclyAccessible: true."]]
	t_verdicts("rds-deletion-protection-enabled", [rds]) == [["violation", "db", "the DB instance does not set deletionProtection: true."]]
	cluster := t_res(aws_db_cluster, "c", {"deletionProtection": t_unknown})
	t_verdicts("rds-deletion-protection-enabled", [cluster]) == [["unverifiable", "c", "cannot be verified before deploy: props.deletionProtection"]]
}

test_aws_customer_managed_keys if {
	queue := t_res("aws:sqs/queue:Queue", "q", {"kmsMasterKeyId": "alias/aws/sqs"})
	t_verdicts("sqs-queue-encrypted-with-kms", [queue]) == [["violation", "q", "kmsMasterKeyId is the AWS managed key 'alias/aws/sqs', not a customer managed key; messages are not encrypted with a customer managed key."]]

	# A key computed from another resource counts as set.
	t_verdicts("sqs-queue-encrypted-with-kms", [t_res("aws:sqs/queue:Queue", "ok", {"kmsMasterKeyId": t_unknown})]) == []
	t_verdicts("sns-topic-encrypted-with-kms", [t_res("aws:sns/topic:Topic", "t", {})]) == [["violation", "t", "no kmsMasterKeyId is set."]]
}

test_aws_log_group_retention_compares_as_javascript if {
	t_verdicts("cloudwatch-log-group-retention-at-least-365-days", [t_res(log_group_type, "lg", {"retentionInDays": 30})]) == [["violation", "lg", "retentionInDays is 30; expected at least 365."]]
	t_verdicts("cloudwatch-log-group-retention-at-least-365-days", [t_res(log_group_type, "never", {"retentionInDays": 0})]) == []
	t_verdicts("cloudwatch-log-group-retention-at-least-365-days", [t_res(log_group_type, "null", {"retentionInDays": null})]) == [["violation", "null", "retentionInDays is null; expected at least 365."]]
}

test_aws_alb_rule_does_not_apply_to_network_load_balancers if {
	nlb := t_res("aws:lb/loadBalancer:LoadBalancer", "nlb", {"loadBalancerType": "network"})
	t_verdicts("alb-drop-invalid-header-fields", [nlb]) == []
	alb := t_res("aws:lb/loadBalancer:LoadBalancer", "alb", {})
	t_verdicts("alb-drop-invalid-header-fields", [alb]) == [["violation", "alb", "dropInvalidHeaderFields is not true."]]
}

test_aws_analyzer_rule if {
	subnet := t_res("aws:ec2/subnet:Subnet", "s", {"mapPublicIpOnLaunch": true})
	deny_vpc_subnet_no_public_ip_on_launch == {"mapPublicIpOnLaunch is true: every instance launched here gets a public IP."} with input as t_analyzer_input(subnet)
}

test_js_number if {
	js_number("  12 ") == 12
	js_number("") == 0
	js_number(null) == 0
	js_number(true) == 1
	js_number([]) == 0
	not js_number("abc")
	not js_number({})
}
