package phiguard

import rego.v1

_res_t_unknown := {"@phiguard": "unknown"}

_res_t_phi := {"data-classification": "phi"}

# The findings of one rule, as [kind, level, resource name, message] (sorted).
_res_t_findings(id, resources) := sort([[f.kind, f.level, _name_of(f.urn), f.message] |
	some f in findings with input as t_plan(resources)
	f.ruleId == id
])

_res_t_with(r, key, value) := object.union(r, {key: value})

_res_t_list := "'us-east-1', 'us-east-2', 'us-west-1' and 'us-west-2'"

test_res_resources_compliant if {
	_res_t_findings("phi-resources-in-allowed-regions", [
		t_res("aws:s3/bucket:Bucket", "ok", {"region": "us-east-1", "tags": _res_t_phi}),
		t_res("aws:s3/bucket:Bucket", "internal", {"region": "eu-west-1", "tags": {"data-classification": "internal"}}),
		t_res("aws:iam/role:Role", "global", {"tags": _res_t_phi}),
	]) == []
}

test_res_resources_violations if {
	provider := t_res("pulumi:providers:aws", "frankfurt", {"region": "eu-central-1"})
	component := t_res("phiguard:storage:PhiBucket", "records", {})
	resources := [
		provider,
		component,
		t_res("aws:s3/bucket:Bucket", "bad", {"region": "eu-west-1", "tags": _res_t_phi}),
		_res_t_with(t_res("aws:s3/bucket:Bucket", "via-provider", {"tags": _res_t_phi}), "provider", concat("", [provider.urn, "::id"])),
		_res_t_with(t_res("aws:s3/bucket:Bucket", "child", {"region": "ap-southeast-2"}), "parent", component.urn),
		_res_t_with(t_res("aws:s3/bucket:Bucket", "confidential-child", {"region": "ap-southeast-2", "tags": {"data-classification": "confidential"}}), "parent", component.urn),
		t_res("aws:dynamodb/table:Table", "unplaced", {"tags": _res_t_phi}),
	]
	_res_t_findings("phi-resources-in-allowed-regions", resources) == [
		["violation", "advisory", "unplaced", "aws:dynamodb/table:Table 'unplaced': the region is not in the plan (no region argument, no provider with a region), so residency cannot be verified. Set region (or an explicit provider) on the resource, or the rule's defaultRegion to the stack's aws:region."],
		["violation", "mandatory", "bad", concat("", ["aws:s3/bucket:Bucket 'bad' holds PHI in eu-west-1, outside the allowed regions ", _res_t_list, "."])],
		["violation", "mandatory", "child", concat("", ["aws:s3/bucket:Bucket 'child' holds PHI in ap-southeast-2, outside the allowed regions ", _res_t_list, "."])],
		["violation", "mandatory", "via-provider", concat("", ["aws:s3/bucket:Bucket 'via-provider' holds PHI in eu-central-1, outside the allowed regions ", _res_t_list, "."])],
	]
}

test_res_resources_config if {
	cfg := {"stack_deny_phi_resources_in_allowed_regions": {"allowedRegions": ["eu-west-1"], "defaultRegion": "us-east-1"}}
	fs := _res_t_findings("phi-resources-in-allowed-regions", [t_res("aws:dynamodb/table:Table", "t", {"tags": _res_t_phi})]) with data.config as cfg
	fs == [["violation", "mandatory", "t", "aws:dynamodb/table:Table 't' holds PHI in us-east-1, outside the allowed regions 'eu-west-1'."]]
}

test_res_resources_unknown if {
	# An unknown region is read only when the resource holds PHI; an unknown tag ends the check of the resource.
	resources := [
		t_res("aws:sqs/queue:Queue", "unk-region", {"region": _res_t_unknown, "tags": _res_t_phi}),
		t_res("aws:sqs/queue:Queue", "unk-internal", {"region": _res_t_unknown, "tags": {"data-classification": "internal"}}),
		t_res("aws:sqs/queue:Queue", "unk-tag", {"region": "eu-west-1", "tags": {"data-classification": _res_t_unknown}}),
		t_res("aws:s3/bucket:Bucket", "bad", {"region": "eu-west-1", "tags": _res_t_phi}),
	]
	fs := _res_t_findings("phi-resources-in-allowed-regions", resources)
	count(fs) == 2
	fs[0] == ["unverifiable", "advisory", "unk-region", "cannot be verified before deploy: props.region"]
	fs[1][2] == "bad"
}

_res_t_repl(name, props, deps) := object.union(t_res("aws:s3/bucketReplicationConfig:BucketReplicationConfig", name, props), {"propertyDependencies": deps})

_res_t_rules(arn) := [{"destination": {"bucket": arn}}]

test_res_replicas_s3 if {
	source := t_res("aws:s3/bucket:Bucket", "source", {"region": "us-east-1", "bucket": "records", "tags": _res_t_phi})
	west := t_res("aws:s3/bucket:Bucket", "west", {"region": "us-west-2", "bucket": "records-west"})
	ireland := t_res("aws:s3/bucket:Bucket", "ireland", {"region": "eu-west-1", "bucket": "records-ireland"})
	resources := [
		source, west, ireland,
		_res_t_repl("ok", {"bucket": "records", "rules": _res_t_rules(_res_t_unknown)}, {"bucket": [source.urn], "rules": [west.urn]}),
		_res_t_repl("bad", {"bucket": "records", "rules": _res_t_rules(_res_t_unknown)}, {"bucket": [source.urn], "rules": [ireland.urn]}),
		_res_t_repl("ok-literal", {"bucket": "records", "rules": _res_t_rules("arn:aws:s3:::records-west")}, {}),
		_res_t_repl("external", {"bucket": "records", "rules": _res_t_rules("arn:aws:s3:::elsewhere")}, {}),
		_res_t_repl("internal", {"bucket": "other", "rules": _res_t_rules("arn:aws:s3:::records-ireland"), "tags": {"data-classification": "internal"}}, {}),
	]
	_res_t_findings("phi-replicas-in-allowed-regions", resources) == [
		["violation", "advisory", "external", "aws:s3/bucketReplicationConfig:BucketReplicationConfig 'external': replication destination 'arn:aws:s3:::elsewhere' is not a bucket of this stack, so its region cannot be verified."],
		["violation", "mandatory", "bad", concat("", ["aws:s3/bucketReplicationConfig:BucketReplicationConfig 'bad': replication destination bucket 'ireland' is in eu-west-1, outside the allowed regions ", _res_t_list, "."])],
	]
}

test_res_replicas_dynamodb_kms_rds_backup if {
	table := t_res("aws:dynamodb/table:Table", "table", {"region": "us-east-1", "replicas": [{"regionName": "us-west-2"}, {"regionName": "eu-west-1"}], "tags": _res_t_phi})
	key := t_res("aws:kms/key:Key", "key", {"region": "us-east-1", "tags": _res_t_phi})
	replica_key := object.union(t_res("aws:kms/replicaKey:ReplicaKey", "replica-key", {"region": "eu-west-1"}), {"propertyDependencies": {"primaryKeyArn": [key.urn]}})
	global := t_res("aws:rds/globalCluster:GlobalCluster", "global", {"globalClusterIdentifier": "records", "tags": _res_t_phi})
	member := t_res("aws:rds/cluster:Cluster", "member", {"region": "eu-west-1", "globalClusterIdentifier": "records"})
	plan := t_res("aws:backup/plan:Plan", "plan", {"rules": [{"copyActions": [{"destinationVaultArn": "arn:aws:backup:eu-west-1:1:backup-vault:dr"}, {"destinationVaultArn": "dr"}]}]})
	fs := _res_t_findings("phi-replicas-in-allowed-regions", [table, key, replica_key, global, member, plan])
	fs == [
		["violation", "advisory", "plan", "aws:backup/plan:Plan 'plan': copy destination 'dr' names no region, so residency cannot be verified."],
		["violation", "mandatory", "global", concat("", ["aws:rds/globalCluster:GlobalCluster 'global': member cluster 'member' is in eu-west-1, outside the allowed regions ", _res_t_list, "."])],
		["violation", "mandatory", "plan", concat("", ["aws:backup/plan:Plan 'plan': copy destination vault 'arn:aws:backup:eu-west-1:1:backup-vault:dr' is in eu-west-1, outside the allowed regions ", _res_t_list, "."])],
		["violation", "mandatory", "replica-key", concat("", ["aws:kms/replicaKey:ReplicaKey 'replica-key': the replica key is in eu-west-1, outside the allowed regions ", _res_t_list, "."])],
		["violation", "mandatory", "table", concat("", ["aws:dynamodb/table:Table 'table': a replica is in eu-west-1, outside the allowed regions ", _res_t_list, "."])],
	]
	allowed := {"stack_deny_phi_replicas_in_allowed_regions": {"allowedRegions": ["us-west-2", "eu-west-1"]}}
	_res_t_findings("phi-replicas-in-allowed-regions", [table, key, replica_key, global, member, plan]) == [fs[0]] with data.config as allowed
}

test_res_replicas_unknown if {
	# Every relation is checked; the first unknown read comes last.
	unk_table := t_res("aws:dynamodb/table:Table", "unk-table", {"region": "us-east-1", "replicas": [{"regionName": _res_t_unknown}], "tags": _res_t_phi})
	bad_table := t_res("aws:dynamodb/table:Table", "bad-table", {"region": "us-east-1", "replicas": [{"regionName": "eu-west-1"}], "tags": _res_t_phi})
	fs := _res_t_findings("phi-replicas-in-allowed-regions", [unk_table, bad_table])
	fs == [
		["unverifiable", "advisory", "unk-table", "cannot be verified before deploy: props.replicas.0.regionName"],
		["violation", "mandatory", "bad-table", concat("", ["aws:dynamodb/table:Table 'bad-table': a replica is in eu-west-1, outside the allowed regions ", _res_t_list, "."])],
	]
}

test_res_analyzer_routes_own_advisory_levels if {
	table := t_res("aws:dynamodb/table:Table", "unplaced", {"tags": _res_t_phi})
	bad := t_res("aws:s3/bucket:Bucket", "bad", {"region": "eu-west-1", "tags": _res_t_phi})
	analyzer := {"resources": [{"__type": r.type, "__urn": r.urn, "__name": r.name, "__properties": r.props} | some r in [table, bad]]}
	stack_deny_phi_resources_in_allowed_regions == {concat("", [bad.urn, ": aws:s3/bucket:Bucket 'bad' holds PHI in eu-west-1, outside the allowed regions ", _res_t_list, "."])} with input as analyzer
	some msg in stack_warn_phiguard_advisory with input as analyzer
	startswith(msg, concat("", [table.urn, ": phi-resources-in-allowed-regions: aws:dynamodb/table:Table 'unplaced': the region is not in the plan"]))
	some f in findings with input as t_plan([table])
	f.ownLevel == true
}

test_res_replicas_null_element if {
	# A null replica ends the check of its table (a TypeError in TypeScript); the unknown read of the
	# table before it is still reported, after every violation.
	unk_table := t_res("aws:dynamodb/table:Table", "unk-table", {"region": "us-east-1", "replicas": [{"regionName": _res_t_unknown}], "tags": _res_t_phi})
	null_table := t_res("aws:dynamodb/table:Table", "null-table", {"region": "us-east-1", "replicas": [{"regionName": "eu-west-1"}, null, {"regionName": "ap-south-1"}], "tags": _res_t_phi})
	_res_t_findings("phi-replicas-in-allowed-regions", [unk_table, null_table]) == [
		["unverifiable", "advisory", "unk-table", "cannot be verified before deploy: props.replicas.0.regionName"],
		["violation", "mandatory", "null-table", concat("", ["aws:dynamodb/table:Table 'null-table': a replica is in eu-west-1, outside the allowed regions ", _res_t_list, "."])],
	]
	arr := t_res("aws:dynamodb/table:Table", "array-region", {"region": "us-east-1", "replicas": [{"regionName": ["eu-west-1", _res_t_unknown]}], "tags": _res_t_phi})
	_res_t_findings("phi-replicas-in-allowed-regions", [arr]) == [["unverifiable", "advisory", "array-region", "cannot be verified before deploy: props.replicas.0.regionName.1"]]
}
