import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

/** The key policy is written down, not the default that trusts every IAM principal of the account. */
export default resourceRule({
  name: "kms-key-policy-defined",
  description:
    "KMS keys have an explicit key policy. Without one, AWS applies the default policy, which lets every IAM principal of the account that has kms:* permissions use the key.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(a)(1)", "164.308(a)(4)(ii)(B)", "164.312(a)(2)(iv)"],
  remediation:
    "Use the `EnvelopeKey` component, which writes a least-privilege key policy from role lists, or set `policy` on the `aws.kms.Key` / `aws.kms.ReplicaKey`.",
  controls: {
    checkov: ["CKV2_AWS_64"],
  },
  resourceTypes: ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"],
  check: (props, _args, report) => {
    if (!hasValue(props, "policy")) report("no key policy is set; AWS applies the default key policy.");
  },
});
