import type * as aws from "@pulumi/aws";
import { CITES } from "../../controls";
import type { Inputs } from "./lib/rule";
import { resourceRule } from "./lib/rule";

const MAX_ROTATION_DAYS = 365;

/** Automatic rotation of symmetric customer managed keys, at least yearly. */
export default resourceRule({
  name: "kms-key-rotation-enabled",
  description: "Symmetric customer managed KMS keys rotate their key material automatically, at least once a year.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation:
    "Create keys with the `EnvelopeKey` component (rotation on by default, `rotationPeriodInDays` at most 365), or set `enableKeyRotation: true` on the `aws.kms.Key`.",
  controls: {
    awsConfig: ["CMK_BACKING_KEY_ROTATION_ENABLED"],
    checkov: ["CKV_AWS_7"],
    cis: ["AWS 3.0.0 3.6"],
  },
  resourceTypes: ["aws:kms/key:Key"],
  check: (props, args, report) => {
    const p = props as Inputs<aws.kms.KeyArgs>;
    const spec = p.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
    const usage = p.keyUsage ?? "ENCRYPT_DECRYPT";
    if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT") {
      args.notApplicable(`KMS rotates only symmetric encryption keys; this key is ${spec}/${usage}`);
    }
    if (p.customKeyStoreId) args.notApplicable("keys in a custom key store cannot rotate automatically");
    if (p.enableKeyRotation !== true) {
      report("enableKeyRotation is not true: the key material never rotates.");
      return;
    }
    if (p.rotationPeriodInDays !== undefined && p.rotationPeriodInDays > MAX_ROTATION_DAYS) {
      report(`rotationPeriodInDays is ${p.rotationPeriodInDays}; expected at most ${MAX_ROTATION_DAYS}.`);
    }
  },
});
