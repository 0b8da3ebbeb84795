import { CITES } from "../../controls";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "emr-cluster-kerberos-enabled",
  description: "EMR clusters authenticate users and services with Kerberos (kerberosAttributes with a realm), with a security configuration that enables Kerberos.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.leastPrivilege],
  remediation:
    "Set `kerberosAttributes: { realm: \"EC2.INTERNAL\", kdcAdminPassword: config.requireSecret(...) }` and a `securityConfiguration` whose `AuthenticationConfiguration` enables Kerberos on the `aws.emr.Cluster`.",
  controls: {
    awsConfig: ["EMR_KERBEROS_ENABLED"],
    cdkNag: ["HIPAA.Security-EMRKerberosEnabled"],
    checkov: ["CKV_AWS_114"],
  },
  resourceTypes: ["aws:emr/cluster:Cluster"],
  check: (props, _args, report) => {
    if (!hasValue(props.kerberosAttributes, "realm")) report("the cluster has no kerberosAttributes.realm, so Kerberos authentication is off.");
  },
});
