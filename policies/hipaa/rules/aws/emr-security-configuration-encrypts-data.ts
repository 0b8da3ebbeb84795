import { CITES } from "../../controls";
import { resourceRule } from "./lib/rule";

type Json = Record<string, unknown> | undefined;

const object = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);

export default resourceRule({
  name: "emr-security-configuration-encrypts-data",
  description:
    "EMR security configurations encrypt data at rest with KMS (S3 with SSE-KMS or CSE-KMS, local disks with an AwsKms key, EBS volumes included) and in transit (EnableInTransitEncryption).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation:
    "In the `configuration` JSON of the `aws.emr.SecurityConfiguration` set `EncryptionConfiguration: { EnableAtRestEncryption: true, EnableInTransitEncryption: true, AtRestEncryptionConfiguration: { S3EncryptionConfiguration: { EncryptionMode: \"SSE-KMS\", AwsKmsKey: key.arn }, LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: \"AwsKms\", AwsKmsKey: key.arn, EnableEbsEncryption: true } }, InTransitEncryptionConfiguration: {...} }`.",
  controls: {
    checkov: ["CKV_AWS_171", "CKV_AWS_349", "CKV_AWS_350", "CKV_AWS_351"],
  },
  resourceTypes: ["aws:emr/securityConfiguration:SecurityConfiguration"],
  check: (props, _args, report) => {
    let parsed: unknown = props.configuration;
    if (typeof parsed === "string") {
      try {
        parsed = JSON.parse(parsed);
      } catch {
        report("configuration is not valid JSON, so its encryption settings cannot be checked.");
        return;
      }
    }
    const encryption = object(object(parsed)?.EncryptionConfiguration);
    if (!encryption) {
      report("the configuration has no EncryptionConfiguration.");
      return;
    }
    if (encryption.EnableInTransitEncryption !== true) report("EnableInTransitEncryption is not true.");
    if (encryption.EnableAtRestEncryption !== true) {
      report("EnableAtRestEncryption is not true.");
      return;
    }
    const atRest = object(encryption.AtRestEncryptionConfiguration);
    const s3Mode = String(object(atRest?.S3EncryptionConfiguration)?.EncryptionMode ?? "");
    if (!["SSE-KMS", "CSE-KMS"].includes(s3Mode)) report(`S3 encryption mode is '${s3Mode || "not set"}'; expected 'SSE-KMS' or 'CSE-KMS'.`);
    const disk = object(atRest?.LocalDiskEncryptionConfiguration);
    if (disk?.EncryptionKeyProviderType !== "AwsKms") {
      report(`local disk EncryptionKeyProviderType is '${String(disk?.EncryptionKeyProviderType ?? "not set")}'; expected 'AwsKms'.`);
    } else if (disk.EnableEbsEncryption !== true) {
      report("local disk encryption does not set EnableEbsEncryption, so EBS root and storage volumes stay unencrypted.");
    }
  },
});
