import { CITES } from "../../controls";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "emr-cluster-uses-security-configuration",
  description:
    "EMR clusters name a security configuration (securityConfiguration), the only place EMR turns on encryption at rest and in transit; emr-security-configuration-encrypts-data checks what it enables.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest, "164.312(e)(1)"],
  remediation: "Create an `aws.emr.SecurityConfiguration` that enables encryption at rest and in transit, and set `securityConfiguration: config.name` on the `aws.emr.Cluster`.",
  controls: {
    checkov: ["CKV2_AWS_55"],
  },
  resourceTypes: ["aws:emr/cluster:Cluster"],
  check: (props, _args, report) => {
    if (!hasValue(props, "securityConfiguration")) report("no securityConfiguration is set, so EMR encrypts neither local disks nor traffic between nodes.");
  },
});
