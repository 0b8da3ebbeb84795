package phiguard

import rego.v1

# A resource whose `property` was computed from `source`.
pd_t_dep(r, property, source) := object.union(r, {"propertyDependencies": {property: [source.urn]}})

pd_t_doc(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

pd_t_tls := {"Sid": "TLS", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}, "NumericLessThan": {"s3:TlsVersion": "1.2"}}}

test_pd_statements_parse_json_and_objects if {
	p := pd_statements({"k": "val", "v": pd_t_doc([{"Sid": "A", "Effect": "Deny", "Principal": {"AWS": "*"}, "Action": ["s3:*"]}]), "o": "u", "p": ["props", "policy"]})
	p.err == []
	p.st[0].sid == "A"
	p.st[0].effect == "Deny"
	pd_wildcard_principal(p.st[0])
	pd_statements({"k": "val", "v": "{not json", "o": "u", "p": ["props"]}).err == ["the policy is not valid JSON, so it cannot be checked."]
	pd_statements({"k": "val", "v": "[]", "o": "u", "p": ["props"]}).err == ["the policy is not a JSON object, so it cannot be checked."]
	unknown := pd_statements({"k": "val", "v": {"Statement": [{"Effect": "Allow"}, {"Action": t_unknown}]}, "o": "u", "p": ["props", "policy"]})
	unknown.evs == [{"u": "props.policy.Statement.1.Action", "s": false, "o": "u"}]
	pd_action_matches("S3:Get*", "s3:GetObject")
	not pd_action_matches("s3:Get?", "s3:GetObject")
	pd_listing(["a", "b", "c"]) == "'a', 'b' and 'c'"
}

test_pd_iam_policies if {
	admin := t_res("aws:iam/policy:Policy", "admin", {"policy": pd_t_doc([{"Sid": "All", "Effect": "Allow", "Action": "*", "Resource": "*"}])})
	t_verdicts("iam-policy-no-admin-access", [admin]) == [["violation", "admin", "policy: statement 'All' allows \"*\" on \"*\"."]]
	scoped := t_res("aws:iam/policy:Policy", "scoped", {"policy": pd_t_doc([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}])})
	t_verdicts("iam-policy-no-admin-access", [scoped]) == []
	t_verdicts("iam-policy-no-full-service-access", [scoped]) == []
	role := t_res("aws:iam/role:Role", "role", {"managedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"], "inlinePolicies": [{"name": "kms", "policy": pd_t_doc([{"Effect": "Allow", "Action": ["kms:*", "s3:*"], "Resource": "*"}])}]})
	t_verdicts("iam-policy-no-admin-access", [role]) == [["violation", "role", "managedPolicyArns includes AdministratorAccess."]]
	t_verdicts("iam-policy-no-full-service-access", [role]) == [["violation", "role", "inlinePolicies[0] 'kms': statement allows 'kms:*' and 's3:*'."]]
	t_verdicts("iam-policy-no-kms-decrypt-on-all-keys", [role]) == [["violation", "role", "inlinePolicies[0] 'kms': statement allows 'kms:Decrypt' and 'kms:ReEncryptFrom' on every key."]]
	attachment := t_res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "att", {"policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"})
	t_verdicts("iam-policy-no-admin-access", [attachment]) == [["violation", "att", "attaches the AWS managed AdministratorAccess policy."]]
	unknown := t_res("aws:iam/policy:Policy", "unk", {"policy": t_unknown})
	t_verdicts("iam-policy-no-admin-access", [unknown]) == [["unverifiable", "unk", "cannot be verified before deploy: props.policy"]]
	bad := t_res("aws:iam/rolePolicy:RolePolicy", "bad", {"policy": "{not json"})
	t_verdicts("iam-policy-no-kms-decrypt-on-all-keys", [bad]) == [["violation", "bad", "the policy is not valid JSON, so it cannot be checked."]]
}

test_pd_iam_trust_users_and_passwords if {
	open := t_res("aws:iam/role:Role", "open", {"assumeRolePolicy": pd_t_doc([{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}])})
	t_verdicts("iam-role-trust-no-wildcard-principal", [open]) == [["violation", "open", "trust statement lets any principal assume the role."]]
	scoped := t_res("aws:iam/role:Role", "scoped", {"assumeRolePolicy": pd_t_doc([{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}])})
	t_verdicts("iam-role-trust-no-wildcard-principal", [scoped]) == []
	t_verdicts("iam-role-trust-no-wildcard-principal", [t_res("aws:iam/role:Role", "u", {"assumeRolePolicy": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.assumeRolePolicy"]]
	t_verdicts("iam-user-no-attached-policies", [t_res("aws:iam/userPolicyAttachment:UserPolicyAttachment", "a", {})]) == [["violation", "a", "a managed policy is attached directly to an IAM user."]]
	t_verdicts("iam-user-no-attached-policies", [t_res("aws:iam/policyAttachment:PolicyAttachment", "p", {"roles": ["r"]})]) == []
	t_verdicts("iam-user-no-attached-policies", [t_res("aws:iam/policyAttachment:PolicyAttachment", "p", {"users": t_unknown})]) == [["unverifiable", "p", "cannot be verified before deploy: props.users"]]
	strong := {"minimumPasswordLength": 14, "passwordReusePrevention": 24, "maxPasswordAge": 90, "requireLowercaseCharacters": true, "requireUppercaseCharacters": true, "requireNumbers": true, "requireSymbols": true}
	t_verdicts("iam-account-password-policy-strong", [t_res("aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "ok", strong)]) == []
	weak := object.union(strong, {"minimumPasswordLength": 8, "maxPasswordAge": 0, "requireSymbols": false})
	t_verdicts("iam-account-password-policy-strong", [t_res("aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "weak", weak)]) == sort([
		["violation", "weak", "minimumPasswordLength is 8; expected at least 14."],
		["violation", "weak", "maxPasswordAge is 0; expected at most 90."],
		["violation", "weak", "'requireSymbols' is not true."],
	])
	unknown := object.union(strong, {"maxPasswordAge": t_unknown, "minimumPasswordLength": 1})
	t_verdicts("iam-account-password-policy-strong", [t_res("aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "u", unknown)]) == sort([
		["violation", "u", "minimumPasswordLength is 1; expected at least 14."],
		["unverifiable", "u", "cannot be verified before deploy: props.maxPasswordAge"],
	])
}

test_pd_kms_keys if {
	key := "aws:kms/key:Key"
	t_verdicts("kms-key-deletion-window-sufficient", [t_res(key, "phi", {"deletionWindowInDays": 7, "tags": {"data-classification": "PHI "}})]) == [["violation", "phi", "deletionWindowInDays is 7; expected at least 30 for a key that protects PHI."]]
	t_verdicts("kms-key-deletion-window-sufficient", [t_res(key, "ok", {"deletionWindowInDays": 7})]) == []
	t_verdicts("kms-key-deletion-window-sufficient", [t_res(key, "u", {"tags": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.tags"]]
	t_verdicts("kms-key-rotation-enabled", [t_res(key, "off", {})]) == [["violation", "off", "enableKeyRotation is not true: the key material never rotates."]]
	t_verdicts("kms-key-rotation-enabled", [t_res(key, "slow", {"enableKeyRotation": true, "rotationPeriodInDays": 400})]) == [["violation", "slow", "rotationPeriodInDays is 400; expected at most 365."]]
	t_verdicts("kms-key-rotation-enabled", [t_res(key, "rsa", {"customerMasterKeySpec": "RSA_2048"})]) == []
	t_verdicts("kms-key-rotation-enabled", [t_res(key, "u", {"enableKeyRotation": t_secret})]) == [["unverifiable", "u", "cannot be verified before deploy: props.enableKeyRotation (secret value is not available offline)"]]
	open := t_res(key, "open", {"policy": pd_t_doc([{"Sid": "Any", "Effect": "Allow", "Principal": "*", "Action": ["kms:Decrypt", "kms:Encrypt"]}])})
	t_verdicts("kms-key-policy-no-wildcard-principal", [open]) == [["violation", "open", "statement 'Any' allows kms:Decrypt, kms:Encrypt to any principal (\"*\") without a condition."]]
	t_verdicts("kms-key-policy-no-wildcard-principal", [t_res(key, "none", {})]) == []
	primary := t_res(key, "primary", {"enableKeyRotation": false})
	replica := pd_t_dep(t_res("aws:kms/replicaKey:ReplicaKey", "replica", {}), "primaryKeyArn", primary)
	t_verdicts("kms-replica-key-primary-rotation-enabled", [primary, replica]) == [["violation", "replica", "primary key 'primary' does not have enableKeyRotation: true, so this replica never rotates."]]
	t_verdicts("kms-replica-key-primary-rotation-enabled", [t_res(key, "primary", {"enableKeyRotation": true}), replica]) == []
	t_verdicts("kms-replica-key-primary-rotation-enabled", [t_res(key, "primary", {"enableKeyRotation": t_unknown}), replica]) == [["unverifiable", "primary", "cannot be verified before deploy: props.enableKeyRotation"]]
}

pd_t_bucket(name, props) := t_res(pd_bucket, name, props)

pd_t_child(type, name, bucket, props) := pd_t_dep(t_res(type, name, props), "bucket", bucket)

test_pd_s3_buckets if {
	b := pd_t_bucket("b", {"bucket": "records", "objectLockEnabled": true, "tags": {"data-classification": "phi"}})
	children := [
		pd_t_child(pd_s3_sse, "sse", b, {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": t_unknown}}]}),
		pd_t_child(pd_s3_versioning, "v", b, {"versioningConfiguration": {"status": "Enabled"}}),
		pd_t_child(pd_s3_lifecycle, "lc", b, {}),
		pd_t_child(pd_s3_logging, "log", b, {}),
		pd_t_child(pd_s3_public_access_block, "pab", b, {"blockPublicAcls": true, "blockPublicPolicy": true, "ignorePublicAcls": true, "restrictPublicBuckets": true}),
		pd_t_child(pd_s3_object_lock, "lock", b, {"rule": {"defaultRetention": {"days": 365}}}),
		pd_t_child(pd_s3_replication, "repl", b, {"rules": [{"status": "Enabled"}]}),
		pd_t_child(pd_s3_bucket_policy, "policy", b, {"policy": pd_t_doc([pd_t_tls])}),
		pd_t_child(pd_s3_ownership_controls, "own", b, {"rule": {"objectOwnership": "BucketOwnerEnforced"}}),
	]
	all := array.concat([b], children)
	every id in ["s3-bucket-encrypted-with-kms", "s3-bucket-versioning-enabled", "s3-bucket-versioned-has-lifecycle", "s3-bucket-access-logging-enabled", "s3-bucket-public-access-blocked", "s3-bucket-object-lock-enabled-for-phi", "s3-bucket-replication-enabled-for-phi", "s3-bucket-policy-requires-tls-1-2", "s3-bucket-ssl-requests-only", "s3-bucket-acls-disabled"] {
		t_verdicts(id, all) == []
	}
	bare := pd_t_bucket("bare", {"tags": {"data-classification": "phi"}})
	t_verdicts("s3-bucket-encrypted-with-kms", [bare]) == [["violation", "bare", "no aws.s3.BucketServerSideEncryptionConfiguration belongs to this bucket."]]
	t_verdicts("s3-bucket-versioning-enabled", [bare]) == [["violation", "bare", "no aws.s3.BucketVersioning belongs to this bucket."]]
	t_verdicts("s3-bucket-access-logging-enabled", [bare]) == [["violation", "bare", "no aws.s3.BucketLogging belongs to this bucket."]]
	t_verdicts("s3-bucket-public-access-blocked", [bare]) == [["violation", "bare", "no aws.s3.BucketPublicAccessBlock belongs to this bucket."]]
	t_verdicts("s3-bucket-object-lock-enabled-for-phi", [bare]) == [["violation", "bare", "the PHI bucket is not created with objectLockEnabled: true."]]
	t_verdicts("s3-bucket-replication-enabled-for-phi", [bare]) == [["violation", "bare", "the PHI bucket has no aws.s3.BucketReplicationConfig."]]
	t_verdicts("s3-bucket-policy-requires-tls-1-2", [bare]) == [["violation", "bare", "no bucket policy belongs to this bucket, so TLS versions older than 1.2 are not denied."]]
	t_verdicts("s3-bucket-ssl-requests-only", [bare]) == [["violation", "bare", "no bucket policy belongs to this bucket, so requests over plain HTTP are allowed."]]
	t_verdicts("s3-bucket-acls-disabled", [bare]) == [["violation", "bare", "no aws.s3.BucketOwnershipControls with objectOwnership 'BucketOwnerEnforced' belongs to this bucket."]]
	versioned := [bare, pd_t_child(pd_s3_versioning, "v", bare, {"versioningConfiguration": {"status": "Enabled"}})]
	t_verdicts("s3-bucket-versioned-has-lifecycle", versioned) == [["violation", "bare", "the bucket is versioned but has no lifecycle configuration."]]

	# Children joined by the bucket's literal name; unknown values.
	named := pd_t_bucket("named", {"bucket": "logs", "tags": {"data-classification": "internal"}})
	sse := t_res(pd_s3_sse, "sse", {"bucket": "logs", "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": t_unknown}}]})
	t_verdicts("s3-bucket-encrypted-with-kms", [named, sse]) == [["unverifiable", "sse", "cannot be verified before deploy: props.rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"]]
	policy := t_res(pd_s3_bucket_policy, "p", {"bucket": "logs", "policy": t_unknown})
	t_verdicts("s3-bucket-ssl-requests-only", [named, policy]) == [["unverifiable", "p", "cannot be verified before deploy: props.policy"]]
	broken := t_res(pd_s3_bucket_policy, "p", {"bucket": "logs", "policy": "{not json"})
	t_verdicts("s3-bucket-ssl-requests-only", [named, broken]) == sort([
		["violation", "named", "the policy is not valid JSON, so it cannot be checked."],
		["violation", "named", "the bucket policy does not deny s3:* when aws:SecureTransport is false."],
	])
}

test_pd_sqs_lambda_and_cloudtrail if {
	queue := t_res(pd_sqs_queue, "q", {"name": "jobs"})
	t_verdicts("sqs-queue-has-dead-letter-queue", [queue]) == [["violation", "q", "the queue has no dead-letter queue (no redrivePolicy)."]]
	t_verdicts("sqs-queue-has-dead-letter-queue", [t_res(pd_sqs_queue, "q", {"redrivePolicy": t_unknown})]) == []
	t_verdicts("sqs-queue-policy-requires-tls", [queue]) == [["violation", "q", "the queue has no access policy, so requests over plain HTTP are allowed."]]
	tls := {"Effect": "Deny", "Principal": {"AWS": ["*"]}, "Action": "sqs:*", "Condition": {"bool": {"AWS:SECURETRANSPORT": false}}}
	policy := t_res(pd_sqs_queue_policy, "qp", {"queueUrl": "https://sqs/123/jobs", "policy": {"Statement": [tls]}})
	t_verdicts("sqs-queue-policy-requires-tls", [queue, policy]) == []
	unknown := t_res(pd_sqs_queue_policy, "qp", {"queueUrl": "https://sqs/123/jobs", "policy": {"Statement": [object.union(tls, {"Effect": t_unknown})]}})
	t_verdicts("sqs-queue-policy-requires-tls", [queue, unknown]) == [["unverifiable", "qp", "cannot be verified before deploy: props.policy.Statement.0.Effect"]]

	t_verdicts("lambda-function-not-public", [t_res("aws:lambda/permission:Permission", "p", {"principal": "*"})]) == [["violation", "p", "the permission lets any principal (\"*\") invoke the function without a source restriction."]]
	t_verdicts("lambda-function-not-public", [t_res("aws:lambda/permission:Permission", "p", {"principal": "*", "sourceArn": "arn"})]) == []
	t_verdicts("lambda-function-not-public", [t_res("aws:lambda/functionUrl:FunctionUrl", "u", {"authorizationType": t_unknown})]) == [["unverifiable", "u", "cannot be verified before deploy: props.authorizationType"]]

	trail_type := "aws:cloudtrail/trail:Trail"
	t_verdicts("cloudtrail-multi-region-enabled", [t_res(trail_type, "t", {"isMultiRegionTrail": true})]) == []
	t_verdicts("cloudtrail-multi-region-enabled", [t_res(trail_type, "t", {"isMultiRegionTrail": true, "includeGlobalServiceEvents": false})]) == [["violation", "t", "includeGlobalServiceEvents is false: IAM and other global service activity is not recorded."]]
	selectors := {"eventSelectors": [{"dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}
	t_verdicts("cloudtrail-s3-data-events-enabled", [t_res(trail_type, "t", selectors)]) == []
	t_verdicts("cloudtrail-s3-data-events-enabled", [t_res(trail_type, "t", {})]) == [["violation", "t", "no trail in the stack records S3 data events (AWS::S3::Object)."]]
	t_verdicts("cloudtrail-s3-data-events-enabled", [t_res(trail_type, "t", {"advancedEventSelectors": t_unknown})]) == [["unverifiable", "t", "cannot be verified before deploy: props.advancedEventSelectors"]]
	t_verdicts("cloudtrail-s3-data-events-enabled", [t_res(trail_type, "t", {"advancedEventSelectors": t_unknown}), t_res(trail_type, "t2", selectors)]) == []

	bucket := pd_t_bucket("b", {"bucket": "trail-logs"})
	trail := t_res(trail_type, "t", {"s3BucketName": "trail-logs"})
	t_verdicts("cloudtrail-bucket-private-and-logged", [bucket, trail]) == sort([
		["violation", "t", "trail bucket 'b' does not block all public access ('blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls' and 'restrictPublicBuckets' all true)."],
		["violation", "t", "trail bucket 'b' has no server access logging."],
	])
	t_verdicts("cloudtrail-bucket-private-and-logged", [trail]) == [["violation", "t", "the trail's bucket 'trail-logs' is not managed in this stack, so its protection cannot be verified."]]
	pab := pd_t_child(pd_s3_public_access_block, "pab", bucket, {"blockPublicAcls": true, "blockPublicPolicy": true, "ignorePublicAcls": true, "restrictPublicBuckets": true})
	t_verdicts("cloudtrail-bucket-private-and-logged", [bucket, trail, pab, pd_t_child(pd_s3_logging, "log", bucket, {})]) == []
}

test_pd_analyzer_rules if {
	admin := t_res("aws:iam/policy:Policy", "admin", {"policy": pd_t_doc([{"Effect": "Allow", "Action": "*:*", "Resource": ["*"]}])})
	deny_iam_policy_no_admin_access == {"policy: statement allows \"*\" on \"*\"."} with input as t_analyzer_input(admin)
}

test_pd_numbers_and_null_statements if {
	pd_number_at_least("0x10", 1.2)
	pd_number_at_least(" 1.2 ", 1.2)
	not pd_number_at_least("1.1", 1.2)
	not pd_number_at_least("0b1", 1.2)

	# A null statement is a TypeError in TypeScript: the bucket's check ends there, silently.
	b := pd_t_bucket("b", {})
	policy := pd_t_child(pd_s3_bucket_policy, "p", b, {"policy": {"Statement": [null, pd_t_tls]}})
	t_verdicts("s3-bucket-ssl-requests-only", [b, policy]) == []
}
