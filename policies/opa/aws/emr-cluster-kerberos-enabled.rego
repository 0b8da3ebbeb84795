package phiguard

import rego.v1

# METADATA
# title: emr-cluster-kerberos-enabled
# description: "EMR clusters authenticate users and services with Kerberos (kerberosAttributes with a realm), with a security configuration that enables Kerberos."
deny_emr_cluster_kerberos_enabled contains msg if some msg in analyzer_messages("emr-cluster-kerberos-enabled")

aws_emr_cluster_kerberos_enabled(r) := aws_unless_has_value(r, ["kerberosAttributes"], "realm", "the cluster has no kerberosAttributes.realm, so Kerberos authentication is off.")

catalog["emr-cluster-kerberos-enabled"] := _rule("deny_emr_cluster_kerberos_enabled", {"aws:emr/cluster:Cluster"})

resource_rule_events("emr-cluster-kerberos-enabled", r) := aws_emr_cluster_kerberos_enabled(r)
