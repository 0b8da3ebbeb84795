import { CITES } from "../../controls";
import { forEachDeferred, ofType, parentsOf } from "./lib/stack";
import { stackRule } from "./lib/rule";

/**
 * A multi-Region replica key shares its primary key's material and rotation: it rotates only if the
 * primary does. The primary must be in the stack and rotate.
 */
export default stackRule({
  name: "kms-replica-key-primary-rotation-enabled",
  description:
    "Every KMS replica key's primary key (which the replica inherits its key material and rotation from) is in the stack and has automatic rotation enabled.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation:
    "Create multi-Region keys with the `EnvelopeKey` component (`multiRegion: true` with `regions`), which enables rotation on the primary; or set `enableKeyRotation: true` on the primary `aws.kms.Key` that the replica's `primaryKeyArn` comes from.",
  controls: {
    awsConfig: ["CMK_BACKING_KEY_ROTATION_ENABLED"],
    checkov: ["CKV_AWS_7"],
  },
  resourceTypes: ["aws:kms/replicaKey:ReplicaKey"],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, "aws:kms/replicaKey:ReplicaKey"), (replica) => {
      const primaries = parentsOf(args.resources, replica, "primaryKeyArn", "aws:kms/key:Key");
      if (primaries.length === 0) {
        report("the replica's primaryKeyArn does not come from a key in this stack, so its rotation cannot be checked.", replica.urn);
        return;
      }
      for (const primary of primaries) {
        if (primary.props.enableKeyRotation !== true) {
          report(`primary key '${primary.name}' does not have enableKeyRotation: true, so this replica never rotates.`, replica.urn);
        }
      }
    });
  },
});
