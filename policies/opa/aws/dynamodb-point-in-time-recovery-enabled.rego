package phiguard

import rego.v1

# METADATA
# title: dynamodb-point-in-time-recovery-enabled
# description: "DynamoDB tables have point-in-time recovery enabled."
deny_dynamodb_point_in_time_recovery_enabled contains msg if some msg in analyzer_messages("dynamodb-point-in-time-recovery-enabled")

aws_dynamodb_point_in_time_recovery_enabled(r) := aws_unless_true(r, ["pointInTimeRecovery", "enabled"], "pointInTimeRecovery is not enabled.")

catalog["dynamodb-point-in-time-recovery-enabled"] := _rule("deny_dynamodb_point_in_time_recovery_enabled", {ds_dynamodb_table})

resource_rule_events("dynamodb-point-in-time-recovery-enabled", r) := aws_dynamodb_point_in_time_recovery_enabled(r)
