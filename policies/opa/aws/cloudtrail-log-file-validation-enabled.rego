package phiguard

import rego.v1

# METADATA
# title: cloudtrail-log-file-validation-enabled
# description: "CloudTrail trails write signed digest files, so any change to or deletion of a log file can be detected."
deny_cloudtrail_log_file_validation_enabled contains msg if some msg in analyzer_messages("cloudtrail-log-file-validation-enabled")

aws_cloudtrail_log_file_validation_enabled(r) := aws_unless_true(r, ["enableLogFileValidation"], "enableLogFileValidation is not true.")

catalog["cloudtrail-log-file-validation-enabled"] := _rule("deny_cloudtrail_log_file_validation_enabled", {"aws:cloudtrail/trail:Trail"})

resource_rule_events("cloudtrail-log-file-validation-enabled", r) := aws_cloudtrail_log_file_validation_enabled(r)
