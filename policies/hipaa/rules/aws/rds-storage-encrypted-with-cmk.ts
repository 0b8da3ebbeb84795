import { CITES } from "../../controls";
import { customerKeyProblem } from "./lib/props";
import { DB_CLUSTER, DB_INSTANCE, dbKind } from "./lib/rds";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "rds-storage-encrypted-with-cmk",
  description: "RDS DB instances and DB clusters encrypt their storage (and so their snapshots) with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation: "Use the `PhiDatabase` component (encrypted with its `EnvelopeKey`), or set `storageEncrypted: true` and `kmsKeyId: key.arn`.",
  controls: {
    awsConfig: ["RDS_STORAGE_ENCRYPTED", "RDS_SNAPSHOT_ENCRYPTED"],
    cdkNag: ["HIPAA.Security-RDSStorageEncrypted"],
    checkov: ["CKV_AWS_16", "CKV_AWS_96"],
    cis: ["AWS 3.0.0 2.3.1"],
  },
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  check: (props, args, report) => {
    if (props.storageEncrypted !== true) {
      report(`the ${dbKind(args.type)} does not set storageEncrypted: true.`);
      return;
    }
    const problem = customerKeyProblem(props, "kmsKeyId");
    if (problem) report(`${problem}.`);
  },
});
