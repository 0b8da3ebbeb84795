import { CITES } from "../../controls";
import { isRedisLike, REPLICATION_GROUP, SERVERLESS_CACHE } from "./lib/elasticache";
import { customerKeyProblem } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "elasticache-encrypted-at-rest-with-cmk",
  description:
    "ElastiCache replication groups encrypt data at rest (atRestEncryptionEnabled) with a customer managed KMS key, and serverless caches use a customer managed key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation:
    "Set `atRestEncryptionEnabled: true` and `kmsKeyId: key.arn` (an `EnvelopeKey`) on the `aws.elasticache.ReplicationGroup`, or `kmsKeyId` on the `aws.elasticache.ServerlessCache`.",
  controls: {
    checkov: ["CKV_AWS_29", "CKV_AWS_191"],
  },
  resourceTypes: [REPLICATION_GROUP, SERVERLESS_CACHE],
  check: (props, args, report) => {
    if (args.type === REPLICATION_GROUP) {
      if (!isRedisLike(props.engine)) args.notApplicable(`engine '${String(props.engine)}' has no at-rest encryption`);
      if (props.atRestEncryptionEnabled !== true && props.atRestEncryptionEnabled !== "true") {
        report("atRestEncryptionEnabled is not true, so snapshots and swap are stored unencrypted.");
        return;
      }
    }
    const problem = customerKeyProblem(props, "kmsKeyId");
    if (problem) report(`${problem}, so the cache uses the AWS managed key.`);
  },
});
