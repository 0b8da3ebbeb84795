package phiguard

import rego.v1

# METADATA
# title: ecr-repository-scan-on-push
# description: "ECR repositories scan images for known vulnerabilities when they are pushed."
warn_ecr_repository_scan_on_push contains msg if some msg in analyzer_messages("ecr-repository-scan-on-push")

aws_ecr_repository_scan_on_push(r) := aws_unless_true(r, ["imageScanningConfiguration", "scanOnPush"], "imageScanningConfiguration.scanOnPush is not true.")

catalog["ecr-repository-scan-on-push"] := _rule("warn_ecr_repository_scan_on_push", {"aws:ecr/repository:Repository"})

resource_rule_events("ecr-repository-scan-on-push", r) := aws_ecr_repository_scan_on_push(r)
