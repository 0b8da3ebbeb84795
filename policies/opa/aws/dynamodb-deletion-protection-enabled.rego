package phiguard

import rego.v1

# METADATA
# title: dynamodb-deletion-protection-enabled
# description: "DynamoDB tables have deletion protection enabled."
deny_dynamodb_deletion_protection_enabled contains msg if some msg in analyzer_messages("dynamodb-deletion-protection-enabled")

aws_dynamodb_deletion_protection_enabled(r) := aws_unless_true(r, ["deletionProtectionEnabled"], "deletionProtectionEnabled is not true.")

catalog["dynamodb-deletion-protection-enabled"] := _rule("deny_dynamodb_deletion_protection_enabled", {ds_dynamodb_table})

resource_rule_events("dynamodb-deletion-protection-enabled", r) := aws_dynamodb_deletion_protection_enabled(r)
