package phiguard

import rego.v1

# METADATA
# title: emr-cluster-uses-security-configuration
# description: "EMR clusters name a security configuration (securityConfiguration), the only place EMR turns on encryption at rest and in transit; emr-security-configuration-encrypts-data checks what it enables."
deny_emr_cluster_uses_security_configuration contains msg if some msg in analyzer_messages("emr-cluster-uses-security-configuration")

aws_emr_cluster_uses_security_configuration(r) := aws_unless_has_value(r, [], "securityConfiguration", "no securityConfiguration is set, so EMR encrypts neither local disks nor traffic between nodes.")

catalog["emr-cluster-uses-security-configuration"] := _rule("deny_emr_cluster_uses_security_configuration", {"aws:emr/cluster:Cluster"})

resource_rule_events("emr-cluster-uses-security-configuration", r) := aws_emr_cluster_uses_security_configuration(r)
