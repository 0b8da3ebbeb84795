package phiguard

import rego.v1

# METADATA
# title: elb-deletion-protection-enabled
# description: "Application, network and gateway load balancers have deletion protection enabled."
warn_elb_deletion_protection_enabled contains msg if some msg in analyzer_messages("elb-deletion-protection-enabled")

aws_elb_deletion_protection_enabled(r) := aws_unless_true(r, ["enableDeletionProtection"], "enableDeletionProtection is not true.")

catalog["elb-deletion-protection-enabled"] := _rule("warn_elb_deletion_protection_enabled", aws_v2_load_balancers)

resource_rule_events("elb-deletion-protection-enabled", r) := aws_elb_deletion_protection_enabled(r)
