import type * as aws from "@pulumi/aws";
import { isPhi } from "./lib/props";
import type { Inputs } from "./lib/rule";
import { resourceRule } from "./lib/rule";

const PHI_MINIMUM_DAYS = 30;
const MINIMUM_DAYS = 7;
const DEFAULT_DAYS = 30;

/** A scheduled key deletion can be cancelled for long enough: 30 days for PHI keys. */
export default resourceRule({
  name: "kms-key-deletion-window-sufficient",
  description:
    "KMS keys keep a deletion waiting period long enough to notice and cancel a scheduled deletion: 30 days (the maximum) for keys tagged data-classification: phi, at least 7 days otherwise.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(B)", "164.308(a)(7)(ii)(B)", "164.312(a)(2)(iv)"],
  remediation:
    "Use the `EnvelopeKey` component (its `deletionWindowInDays` defaults to 30), or set `deletionWindowInDays: 30` on the `aws.kms.Key` / `aws.kms.ReplicaKey`.",
  controls: {
    awsConfig: ["KMS_CMK_NOT_SCHEDULED_FOR_DELETION"],
  },
  resourceTypes: ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"],
  check: (props, _args, report) => {
    const p = props as Inputs<aws.kms.KeyArgs>;
    const days = p.deletionWindowInDays ?? DEFAULT_DAYS;
    const minimum = isPhi(props) ? PHI_MINIMUM_DAYS : MINIMUM_DAYS;
    if (days < minimum) {
      report(
        `deletionWindowInDays is ${days}; expected at least ${minimum}${minimum === PHI_MINIMUM_DAYS ? " for a key that protects PHI" : ""}.`,
      );
    }
  },
});
