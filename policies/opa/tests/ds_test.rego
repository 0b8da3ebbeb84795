package phiguard

import rego.v1

ds_t_with_deps(r, deps) := object.union(r, {"propertyDependencies": deps})

# As t_verdicts, from the rule's own events (the whole catalog's findings are slow to compute).
ds_t_verdicts(id, resources) := verdicts if {
	verdicts := ds_t_rule_verdicts(id) with input as t_plan(resources)
}

ds_t_rule_verdicts(id) := sort([[f.kind, _name_of(f.urn), f.message] | some f in ds_t_findings(id)])

ds_t_findings(id) := [_finding(id, r.urn, e) |
	some x in input.resources
	r := view(x)
	r.type in catalog[id].types
	some e in outcome(rule_events(id, r))
] if {
	catalog[id].scope == "resource"
} else := [_finding(id, _event_urn(e), e) | some e in stack_rule_events(id)]

test_ds_findings if {
	t_verdicts("ebs-volume-encrypted-with-cmk", [t_res("aws:ebs/volume:Volume", "v", {"encrypted": true})]) == [["violation", "v", "no kmsKeyId is set."]]
}

test_ds_rds_backup_retention if {
	ok := t_res(aws_db_instance, "ok", {"backupRetentionPeriod": 7})
	ds_t_verdicts("rds-backup-retention-sufficient", [ok]) == []
	phi := t_res(aws_db_cluster, "phi", {"backupRetentionPeriod": 7, "tags": {"data-classification": " PHI "}})
	ds_t_verdicts("rds-backup-retention-sufficient", [phi]) == [["violation", "phi", "backupRetentionPeriod is 7; expected at least 35 for a PHI database."]]
	unset := t_res(aws_db_cluster, "unset", {})
	ds_t_verdicts("rds-backup-retention-sufficient", [unset]) == [["violation", "unset", "the DB cluster does not set backupRetentionPeriod (AWS defaults to 1 day); expected at least 7."]]
	replica := t_res(aws_db_instance, "replica", {"replicateSourceDb": "primary"})
	ds_t_verdicts("rds-backup-retention-sufficient", [replica]) == []
	tags := t_res(aws_db_instance, "tags", {"tags": t_unknown, "backupRetentionPeriod": 1})
	ds_t_verdicts("rds-backup-retention-sufficient", [tags]) == [["unverifiable", "tags", "cannot be verified before deploy: props.tags"]]
}

test_ds_rds_iam_authentication if {
	ds_t_verdicts("rds-iam-authentication-enabled", [t_res(aws_db_instance, "ok", {"engine": "postgres", "iamDatabaseAuthenticationEnabled": true})]) == []
	ds_t_verdicts("rds-iam-authentication-enabled", [t_res(aws_db_cluster, "bad", {})]) == [["violation", "bad", "the DB cluster does not set iamDatabaseAuthenticationEnabled: true."]]
	ds_t_verdicts("rds-iam-authentication-enabled", [t_res(aws_db_instance, "oracle", {"engine": "oracle-ee"})]) == []
	ds_t_verdicts("rds-iam-authentication-enabled", [t_res(aws_db_instance, "u", {"engine": t_secret})]) == [["unverifiable", "u", "cannot be verified before deploy: props.engine (secret value is not available offline)"]]
}

test_ds_rds_log_exports_and_storage if {
	ds_t_verdicts("rds-log-exports-enabled", [t_res(aws_db_instance, "ok", {"enabledCloudwatchLogsExports": ["postgresql"]})]) == []
	ds_t_verdicts("rds-log-exports-enabled", [t_res(aws_db_instance, "bad", {"enabledCloudwatchLogsExports": []})]) == [["violation", "bad", "the DB instance exports no logs (enabledCloudwatchLogsExports is empty)."]]
	ds_t_verdicts("rds-log-exports-enabled", [t_res(aws_db_instance, "u", {"enabledCloudwatchLogsExports": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.enabledCloudwatchLogsExports"]]
	ds_t_verdicts("rds-storage-encrypted-with-cmk", [t_res(aws_db_instance, "ok", {"storageEncrypted": true, "kmsKeyId": t_unknown})]) == []
	ds_t_verdicts("rds-storage-encrypted-with-cmk", [t_res(aws_db_instance, "plain", {})]) == [["violation", "plain", "the DB instance does not set storageEncrypted: true."]]
	ds_t_verdicts("rds-storage-encrypted-with-cmk", [t_res(aws_db_cluster, "aws", {"storageEncrypted": true, "kmsKeyId": "alias/aws/rds"})]) == [["violation", "aws", "kmsKeyId is the AWS managed key 'alias/aws/rds', not a customer managed key."]]
	ds_t_verdicts("rds-storage-encrypted-with-cmk", [t_res(aws_db_cluster, "u", {"storageEncrypted": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.storageEncrypted"]]
}

test_ds_rds_performance_insights_and_snapshots if {
	ds_t_verdicts("rds-performance-insights-encrypted-with-cmk", [t_res(aws_cluster_instance, "off", {})]) == []
	ds_t_verdicts("rds-performance-insights-encrypted-with-cmk", [t_res(aws_cluster_instance, "on", {"performanceInsightsEnabled": true})]) == [["violation", "on", "Performance Insights is enabled but no performanceInsightsKmsKeyId is set."]]
	ds_t_verdicts("rds-performance-insights-encrypted-with-cmk", [t_res(aws_db_instance, "u", {"performanceInsightsEnabled": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.performanceInsightsEnabled"]]
	snapshot := "aws:rds/snapshot:Snapshot"
	ds_t_verdicts("rds-snapshot-not-public", [t_res(snapshot, "ok", {"sharedAccounts": ["123456789012"]})]) == []
	ds_t_verdicts("rds-snapshot-not-public", [t_res(snapshot, "public", {"sharedAccounts": ["1", "ALL"]})]) == [["violation", "public", `sharedAccounts contains "all": anyone can copy and restore this snapshot.`]]
	ds_t_verdicts("rds-snapshot-not-public", [t_res(snapshot, "u", {"sharedAccounts": ["1", t_unknown, "all"]})]) == [["unverifiable", "u", "cannot be verified before deploy: props.sharedAccounts.1"]]
}

test_ds_rds_multi_az if {
	single := t_res(aws_db_instance, "single", {})
	replica := t_res(aws_db_instance, "replica", {"replicateSourceDb": "single"})
	unknown := t_res(aws_db_instance, "unknown", {"multiAz": t_unknown})
	cluster := t_res(aws_db_cluster, "aurora", {"clusterIdentifier": "aurora-1"})
	writer := t_res(aws_cluster_instance, "writer", {"clusterIdentifier": "aurora-1"})
	reader := ds_t_with_deps(t_res(aws_cluster_instance, "reader", {"clusterIdentifier": t_unknown}), {"clusterIdentifier": [cluster.urn]})
	ds_t_verdicts("rds-multi-az-enabled", [unknown, single, replica, cluster, writer]) == [
		["unverifiable", "unknown", "cannot be verified before deploy: props.multiAz"],
		["violation", "aurora", "the cluster has 1 cluster instance; expected at least 2 so a reader in another AZ can take over."],
		["violation", "single", "the DB instance does not set multiAz: true."],
	]
	ds_t_verdicts("rds-multi-az-enabled", [cluster, writer, reader]) == []
}

test_ds_rds_require_tls if {
	group := t_res(ds_parameter_group, "pg", {"name": "tls", "parameters": [{"name": "require_secure_transport", "value": "ON"}]})
	ok := t_res(aws_db_instance, "ok", {"engine": "mysql", "parameterGroupName": "tls"})
	ds_t_verdicts("rds-require-tls-connections", [group, ok]) == []
	weak := t_res(ds_parameter_group, "weak", {"name": "weak", "parameters": [{"name": "rds.force_ssl", "value": "0"}]})
	pg := t_res(aws_db_instance, "pg-db", {"engine": "postgres", "parameterGroupName": "weak"})
	none := t_res(aws_db_cluster, "none", {"engine": "aurora-postgresql"})
	elsewhere := t_res(aws_db_cluster, "elsewhere", {"dbClusterParameterGroupName": "shared"})
	oracle := t_res(aws_db_instance, "oracle", {"engine": "oracle-ee"})
	ds_t_verdicts("rds-require-tls-connections", [weak, pg, none, elsewhere, oracle]) == [
		["violation", "elsewhere", "the parameter group in dbClusterParameterGroupName is not defined in this stack, so require_secure_transport cannot be verified."],
		["violation", "none", "no dbClusterParameterGroupName is set, so the default parameter group applies and rds.force_ssl is not enforced."],
		["violation", "pg-db", "parameter group 'weak' does not set rds.force_ssl to 1."],
	]
	unknown := t_res(ds_parameter_group, "unknown", {"name": "u", "parameters": t_unknown})
	db := t_res(aws_db_instance, "db", {"engine": "mysql", "parameterGroupName": "u"})
	ds_t_verdicts("rds-require-tls-connections", [unknown, db, pg, weak]) == [
		["unverifiable", "unknown", "cannot be verified before deploy: props.parameters"],
		["violation", "pg-db", "parameter group 'weak' does not set rds.force_ssl to 1."],
	]
}

test_ds_redshift_rules if {
	ds_t_verdicts("redshift-automated-snapshot-retention", [t_res(aws_redshift_cluster, "ok", {"automatedSnapshotRetentionPeriod": 7})]) == []
	ds_t_verdicts("redshift-automated-snapshot-retention", [t_res(aws_redshift_cluster, "unset", {})]) == [["violation", "unset", "automatedSnapshotRetentionPeriod is not set (Redshift keeps 1 day); expected at least 7."]]
	ds_t_verdicts("redshift-automated-snapshot-retention", [t_res(aws_redshift_cluster, "phi", {"tags": {"data-classification": "phi"}, "automatedSnapshotRetentionPeriod": 7})]) == [["violation", "phi", "automatedSnapshotRetentionPeriod is 7; expected at least 35 for a PHI cluster."]]
	ds_t_verdicts("redshift-automated-snapshot-retention", [t_res(aws_redshift_cluster, "u", {"automatedSnapshotRetentionPeriod": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.automatedSnapshotRetentionPeriod"]]
	ds_t_verdicts("redshift-cluster-encrypted-with-cmk", [t_res(aws_redshift_cluster, "ok", {"kmsKeyId": "arn:aws:kms:us-east-1:1:key/k"})]) == []
	ds_t_verdicts("redshift-cluster-encrypted-with-cmk", [t_res(aws_redshift_cluster, "off", {"encrypted": " False"})]) == [["violation", "off", "encrypted is false."]]
	ds_t_verdicts("redshift-cluster-encrypted-with-cmk", [t_res(aws_redshift_cluster, "nokey", {})]) == [["violation", "nokey", "no kmsKeyId is set, so the cluster uses the AWS managed Redshift key."]]
	ds_t_verdicts("redshift-cluster-encrypted-with-cmk", [t_res(aws_redshift_cluster, "u", {"encrypted": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.encrypted"]]
}

test_ds_redshift_stack_rules if {
	cluster := t_res(aws_redshift_cluster, "c", {"clusterIdentifier": "warehouse", "clusterParameterGroupName": "tls"})
	group := t_res(ds_redshift_parameter_group, "g", {"name": "tls", "parameters": [{"name": "REQUIRE_SSL", "value": "TRUE"}]})
	logging := t_res(ds_redshift_logging, "l", {"clusterIdentifier": "warehouse", "logDestinationType": "cloudwatch"})
	ds_t_verdicts("redshift-require-tls", [cluster, group]) == []
	ds_t_verdicts("redshift-cluster-audit-logging-enabled", [cluster, logging]) == []
	bare := t_res(aws_redshift_cluster, "bare", {"clusterIdentifier": "other"})
	s3 := t_res(ds_redshift_logging, "s3", {"clusterIdentifier": "other"})
	ds_t_verdicts("redshift-require-tls", [bare]) == [["violation", "bare", "no clusterParameterGroupName is set, so the default parameter group applies and require_ssl is false."]]
	ds_t_verdicts("redshift-cluster-audit-logging-enabled", [bare]) == [["violation", "bare", "no aws.redshift.Logging names this cluster, so audit logging is off."]]
	ds_t_verdicts("redshift-cluster-audit-logging-enabled", [bare, s3]) == [["violation", "bare", "the cluster's aws.redshift.Logging delivers to S3 but names no bucketName."]]
	weak := t_res(ds_redshift_parameter_group, "weak", {"name": "tls", "parameters": [{"name": "require_ssl", "value": "false"}]})
	ds_t_verdicts("redshift-require-tls", [cluster, weak]) == [["violation", "c", "parameter group 'weak' does not set require_ssl to true."]]
	unknown := t_res(ds_redshift_logging, "u", {"clusterIdentifier": "other", "logDestinationType": t_unknown})
	ds_t_verdicts("redshift-cluster-audit-logging-enabled", [bare, unknown]) == [["unverifiable", "u", "cannot be verified before deploy: props.logDestinationType"]]
}

test_ds_dynamodb_rules if {
	table := ds_dynamodb_table
	ok := t_res(table, "ok", {
		"deletionProtectionEnabled": true, "pointInTimeRecovery": {"enabled": true}, "billingMode": "PAY_PER_REQUEST",
		"serverSideEncryption": {"enabled": true, "kmsKeyArn": t_unknown},
	})
	every id in ["dynamodb-deletion-protection-enabled", "dynamodb-point-in-time-recovery-enabled", "dynamodb-table-encrypted-with-cmk", "dynamodb-table-on-demand-or-autoscaled", "dynamodb-table-replicated-for-phi"] {
		ds_t_verdicts(id, [ok]) == []
	}
	bad := t_res(table, "bad", {"tags": {"data-classification": "phi"}, "serverSideEncryption": {"enabled": true}})
	ds_t_verdicts("dynamodb-deletion-protection-enabled", [bad]) == [["violation", "bad", "deletionProtectionEnabled is not true."]]
	ds_t_verdicts("dynamodb-point-in-time-recovery-enabled", [bad]) == [["violation", "bad", "pointInTimeRecovery is not enabled."]]
	ds_t_verdicts("dynamodb-table-encrypted-with-cmk", [bad]) == [["violation", "bad", "serverSideEncryption: no kmsKeyArn is set (the AWS managed key aws/dynamodb is used)."]]
	ds_t_verdicts("dynamodb-table-encrypted-with-cmk", [t_res(table, "owned", {})]) == [["violation", "owned", "serverSideEncryption is not enabled, so the table uses an AWS owned key."]]
	ds_t_verdicts("dynamodb-table-on-demand-or-autoscaled", [bad]) == [["violation", "bad", "the table has provisioned capacity and no auto scaling target."]]
	ds_t_verdicts("dynamodb-table-replicated-for-phi", [bad]) == [["violation", "bad", "the PHI table has no replica in another region (no replicas and no aws.dynamodb.TableReplica)."]]
	named := t_res(table, "named", {"name": "orders"})
	target := t_res(ds_scaling_target, "target", {"resourceId": "table/orders"})
	ds_t_verdicts("dynamodb-table-on-demand-or-autoscaled", [named, target]) == []
	replica := ds_t_with_deps(t_res(ds_table_replica, "replica", {"globalTableArn": t_unknown}), {"globalTableArn": [bad.urn]})
	ds_t_verdicts("dynamodb-table-replicated-for-phi", [bad, replica]) == []
	unknown := t_res(table, "u", {"billingMode": t_unknown, "tags": {"data-classification": t_unknown}, "pointInTimeRecovery": t_unknown})
	ds_t_verdicts("dynamodb-table-on-demand-or-autoscaled", [unknown, bad]) == [
		["unverifiable", "u", "cannot be verified before deploy: props.billingMode"],
		["violation", "bad", "the table has provisioned capacity and no auto scaling target."],
	]
	ds_t_verdicts("dynamodb-table-replicated-for-phi", [unknown]) == [["unverifiable", "u", "cannot be verified before deploy: props.tags.data-classification"]]
	ds_t_verdicts("dynamodb-point-in-time-recovery-enabled", [unknown]) == [["unverifiable", "u", "cannot be verified before deploy: props.pointInTimeRecovery"]]
}

test_ds_elasticache_rules if {
	group := t_res(ds_replication_group, "rg", {
		"atRestEncryptionEnabled": "true", "kmsKeyId": t_unknown, "transitEncryptionEnabled": true,
		"subnetGroupName": "private", "snapshotRetentionLimit": 15,
	})
	every id in ["elasticache-encrypted-at-rest-with-cmk", "elasticache-encrypted-in-transit", "elasticache-in-vpc-subnet-group", "elasticache-redis-automatic-backup-enabled"] {
		ds_t_verdicts(id, [group]) == []
	}
	bad := t_res(ds_replication_group, "bad", {"transitEncryptionEnabled": true, "transitEncryptionMode": "preferred", "snapshotRetentionLimit": 1})
	ds_t_verdicts("elasticache-encrypted-at-rest-with-cmk", [bad]) == [["violation", "bad", "atRestEncryptionEnabled is not true, so snapshots and swap are stored unencrypted."]]
	ds_t_verdicts("elasticache-encrypted-in-transit", [bad]) == [["violation", "bad", "transitEncryptionMode is 'preferred', so unencrypted connections are still accepted."]]
	ds_t_verdicts("elasticache-in-vpc-subnet-group", [bad]) == [["violation", "bad", "no subnetGroupName is set, so the cache lands in the default subnet group of the default VPC."]]
	ds_t_verdicts("elasticache-redis-automatic-backup-enabled", [bad]) == [["violation", "bad", "snapshotRetentionLimit is 1; expected at least 15."]]
	serverless := t_res(ds_serverless_cache, "sl", {"kmsKeyId": "alias/aws/elasticache"})
	ds_t_verdicts("elasticache-encrypted-at-rest-with-cmk", [serverless]) == [["violation", "sl", "kmsKeyId is the AWS managed key 'alias/aws/elasticache', not a customer managed key, so the cache uses the AWS managed key."]]
	memcached := t_res(ds_cache_cluster, "mc", {"engine": "memcached"})
	ds_t_verdicts("elasticache-redis-automatic-backup-enabled", [memcached]) == []
	ds_t_verdicts("elasticache-encrypted-in-transit", [memcached]) == [["violation", "mc", "transitEncryptionEnabled is not true, so clients connect without TLS."]]
	member := t_res(ds_cache_cluster, "member", {"replicationGroupId": "rg"})
	ds_t_verdicts("elasticache-in-vpc-subnet-group", [member]) == []
	redis := t_res(ds_cache_cluster, "redis", {})
	ds_t_verdicts("elasticache-redis-automatic-backup-enabled", [redis]) == [["violation", "redis", "snapshotRetentionLimit is not set (0: no automatic snapshots); expected at least 15."]]
	unknown := t_res(ds_replication_group, "u", {"engine": t_unknown, "transitEncryptionEnabled": t_unknown})
	ds_t_verdicts("elasticache-encrypted-at-rest-with-cmk", [unknown]) == [["unverifiable", "u", "cannot be verified before deploy: props.engine"]]
	ds_t_verdicts("elasticache-encrypted-in-transit", [unknown]) == [["unverifiable", "u", "cannot be verified before deploy: props.transitEncryptionEnabled"]]
}

test_ds_dms_rules if {
	endpoint := "aws:dms/endpoint:Endpoint"
	ds_t_verdicts("dms-endpoint-ssl-enabled", [t_res(endpoint, "ok", {"engineName": "postgres", "sslMode": "require"})]) == []
	ds_t_verdicts("dms-endpoint-ssl-enabled", [t_res(endpoint, "bad", {"engineName": "MySQL"})]) == [["violation", "bad", "sslMode is 'none', so the mysql connection is not encrypted."]]
	ds_t_verdicts("dms-endpoint-ssl-enabled", [t_res(endpoint, "s3", {"engineName": "s3"})]) == []
	ds_t_verdicts("dms-endpoint-ssl-enabled", [t_res(endpoint, "u", {"engineName": "mysql", "sslMode": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.sslMode"]]
	instance := "aws:dms/replicationInstance:ReplicationInstance"
	ds_t_verdicts("dms-replication-instance-not-public", [t_res(instance, "ok", {"publiclyAccessible": false})]) == []
	ds_t_verdicts("dms-replication-instance-not-public", [t_res(instance, "public", {"publiclyAccessible": true})]) == [["violation", "public", "publiclyAccessible is true."]]
	ds_t_verdicts("dms-replication-instance-not-public", [t_res(instance, "unset", {})]) == [["violation", "unset", "publiclyAccessible is not set, and AWS then gives the instance a public IP address."]]
	ds_t_verdicts("dms-replication-instance-not-public", [t_res(instance, "u", {"publiclyAccessible": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.publiclyAccessible"]]
}

test_ds_opensearch_rules if {
	domain := "aws:opensearch/domain:Domain"
	ok := t_res(domain, "ok", {
		"logPublishingOptions": [
			{"logType": "AUDIT_LOGS", "cloudwatchLogGroupArn": t_unknown},
			{"logType": "ES_APPLICATION_LOGS", "enabled": true, "cloudwatchLogGroupArn": "arn"},
		],
		"encryptAtRest": {"enabled": true, "kmsKeyId": "arn:aws:kms:us-east-1:1:key/k"},
		"domainEndpointOptions": {"enforceHttps": true, "tlsSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"},
	})
	every id in ["opensearch-domain-audit-logs-enabled", "opensearch-domain-error-logs-to-cloudwatch", "opensearch-domain-encrypted-at-rest-with-cmk", "opensearch-domain-https-tls-1-2"] {
		ds_t_verdicts(id, [ok]) == []
	}
	bad := t_res(domain, "bad", {
		"logPublishingOptions": [{"logType": "AUDIT_LOGS", "enabled": false, "cloudwatchLogGroupArn": "arn"}],
		"encryptAtRest": {"enabled": true, "kmsKeyId": "alias/aws/es"},
		"domainEndpointOptions": {"tlsSecurityPolicy": "Policy-Min-TLS-1-0-2019-07"},
	})
	ds_t_verdicts("opensearch-domain-audit-logs-enabled", [bad]) == [["violation", "bad", "no enabled logPublishingOptions entry of logType AUDIT_LOGS publishes audit logs."]]
	ds_t_verdicts("opensearch-domain-error-logs-to-cloudwatch", [bad]) == [["violation", "bad", "no enabled logPublishingOptions entry of logType ES_APPLICATION_LOGS sends error logs to CloudWatch Logs."]]
	ds_t_verdicts("opensearch-domain-encrypted-at-rest-with-cmk", [bad]) == [["violation", "bad", "encryptAtRest: kmsKeyId is the AWS managed key 'alias/aws/es', not a customer managed key, so the domain uses the AWS managed key."]]
	ds_t_verdicts("opensearch-domain-https-tls-1-2", [bad]) == [
		["violation", "bad", "domainEndpointOptions.enforceHttps is not true, so plain HTTP is accepted."],
		["violation", "bad", "tlsSecurityPolicy is 'Policy-Min-TLS-1-0-2019-07'; expected a Policy-Min-TLS-1-2 policy."],
	]
	ds_t_verdicts("opensearch-domain-https-tls-1-2", [t_res(domain, "none", {})]) == [
		["violation", "none", "domainEndpointOptions.enforceHttps is not true, so plain HTTP is accepted."],
		["violation", "none", "no domainEndpointOptions.tlsSecurityPolicy is set, so TLS 1.0 and 1.1 may be accepted."],
	]
	unknown := t_res(domain, "u", {
		"logPublishingOptions": [{"logType": t_unknown}],
		"encryptAtRest": t_unknown,
		"domainEndpointOptions": {"tlsSecurityPolicy": t_unknown},
	})
	ds_t_verdicts("opensearch-domain-audit-logs-enabled", [unknown]) == [["unverifiable", "u", "cannot be verified before deploy: props.logPublishingOptions.0.logType"]]
	ds_t_verdicts("opensearch-domain-encrypted-at-rest-with-cmk", [unknown]) == [["unverifiable", "u", "cannot be verified before deploy: props.encryptAtRest"]]
	ds_t_verdicts("opensearch-domain-https-tls-1-2", [unknown]) == [
		["unverifiable", "u", "cannot be verified before deploy: props.domainEndpointOptions.tlsSecurityPolicy"],
		["violation", "u", "domainEndpointOptions.enforceHttps is not true, so plain HTTP is accepted."],
	]
}

test_ds_kinesis_efs_ebs if {
	stream := "aws:kinesis/stream:Stream"
	ds_t_verdicts("kinesis-stream-encrypted-with-kms", [t_res(stream, "ok", {"encryptionType": "kms", "kmsKeyId": "arn:aws:kms:us-east-1:1:key/k"})]) == []
	ds_t_verdicts("kinesis-stream-encrypted-with-kms", [t_res(stream, "none", {})]) == [["violation", "none", "encryptionType is 'NONE', so records are stored unencrypted."]]
	ds_t_verdicts("kinesis-stream-encrypted-with-kms", [t_res(stream, "aws", {"encryptionType": "KMS", "kmsKeyId": "alias/aws/kinesis"})]) == [["violation", "aws", "kmsKeyId is the AWS managed key 'alias/aws/kinesis', not a customer managed key."]]
	ds_t_verdicts("kinesis-stream-encrypted-with-kms", [t_res(stream, "u", {"encryptionType": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.encryptionType"]]
	efs := "aws:efs/fileSystem:FileSystem"
	ds_t_verdicts("efs-file-system-encrypted-with-cmk", [t_res(efs, "ok", {"encrypted": true, "kmsKeyId": t_unknown})]) == []
	ds_t_verdicts("efs-file-system-encrypted-with-cmk", [t_res(efs, "bad", {"encrypted": false})]) == [["violation", "bad", "the file system is not encrypted (encrypted is not true)."]]
	ds_t_verdicts("efs-file-system-encrypted-with-cmk", [t_res(efs, "u", {"encrypted": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.encrypted"]]
	volume := "aws:ebs/volume:Volume"
	ds_t_verdicts("ebs-volume-encrypted-with-cmk", [t_res(volume, "ok", {"encrypted": true, "kmsKeyId": "arn:aws:kms:us-east-1:1:key/k"})]) == []
	ds_t_verdicts("ebs-volume-encrypted-with-cmk", [t_res(volume, "nokey", {"encrypted": true})]) == [["violation", "nokey", "no kmsKeyId is set."]]
	ds_t_verdicts("ebs-volume-encrypted-with-cmk", [t_res(volume, "bad", {})]) == [["violation", "bad", "the volume is not encrypted (encrypted is not true)."]]
	ds_t_verdicts("ebs-volume-encrypted-with-cmk", [t_res(volume, "u", {"encrypted": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.encrypted"]]
}

test_ds_emr_security_configuration if {
	type := "aws:emr/securityConfiguration:SecurityConfiguration"
	good := {"EncryptionConfiguration": {
		"EnableInTransitEncryption": true, "EnableAtRestEncryption": true,
		"AtRestEncryptionConfiguration": {
			"S3EncryptionConfiguration": {"EncryptionMode": "SSE-KMS"},
			"LocalDiskEncryptionConfiguration": {"EncryptionKeyProviderType": "AwsKms", "EnableEbsEncryption": true},
		},
	}}
	ds_t_verdicts("emr-security-configuration-encrypts-data", [t_res(type, "ok", {"configuration": json.marshal(good)})]) == []
	ds_t_verdicts("emr-security-configuration-encrypts-data", [t_res(type, "invalid", {"configuration": "{not json"})]) == [["violation", "invalid", "configuration is not valid JSON, so its encryption settings cannot be checked."]]
	ds_t_verdicts("emr-security-configuration-encrypts-data", [t_res(type, "empty", {"configuration": "{}"})]) == [["violation", "empty", "the configuration has no EncryptionConfiguration."]]
	weak := json.marshal({"EncryptionConfiguration": {"EnableAtRestEncryption": true, "AtRestEncryptionConfiguration": {"S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"}}}})
	ds_t_verdicts("emr-security-configuration-encrypts-data", [t_res(type, "weak", {"configuration": weak})]) == [
		["violation", "weak", "EnableInTransitEncryption is not true."],
		["violation", "weak", "S3 encryption mode is 'SSE-S3'; expected 'SSE-KMS' or 'CSE-KMS'."],
		["violation", "weak", "local disk EncryptionKeyProviderType is 'not set'; expected 'AwsKms'."],
	]
	object := {"configuration": {"EncryptionConfiguration": {"EnableInTransitEncryption": false, "EnableAtRestEncryption": t_unknown}}}
	ds_t_verdicts("emr-security-configuration-encrypts-data", [t_res(type, "u", object)]) == [
		["unverifiable", "u", "cannot be verified before deploy: props.configuration.EncryptionConfiguration.EnableAtRestEncryption"],
		["violation", "u", "EnableInTransitEncryption is not true."],
	]
}

test_ds_analyzer_rule if {
	volume := t_res("aws:ebs/volume:Volume", "v", {"encrypted": false})
	deny_ebs_volume_encrypted_with_cmk == {"the volume is not encrypted (encrypted is not true)."} with input as t_analyzer_input(volume)
}

# String(array) joins the elements through the props proxy: an unknown element is read.
test_ds_string_of_array_reads_elements if {
	endpoint := "aws:dms/endpoint:Endpoint"
	ds_t_verdicts("dms-endpoint-ssl-enabled", [t_res(endpoint, "u", {"engineName": ["mysql", [t_secret]]})]) == [["unverifiable", "u", "cannot be verified before deploy: props.engineName.1.0 (secret value is not available offline)"]]
	ds_t_verdicts("dms-endpoint-ssl-enabled", [t_res(endpoint, "a", {"engineName": ["mysql"]})]) == [["violation", "a", "sslMode is 'none', so the mysql connection is not encrypted."]]
	ds_t_verdicts("rds-backup-retention-sufficient", [t_res(aws_db_instance, "d", {"backupRetentionPeriod": [t_unknown]})]) == [["unverifiable", "d", "cannot be verified before deploy: props.backupRetentionPeriod.0"]]
	ds_t_verdicts("rds-backup-retention-sufficient", [t_res(aws_db_instance, "o", {"backupRetentionPeriod": [{"x": t_unknown}]})]) == []
}
