import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import { asObject, asStrings, hasValue, resourceRule } from "../kubernetes/support";
import { CLUSTER_TYPE } from "./support";

/** Catalog K1: the one EKS row with a sourced HIPAA mapping (Prowler). */
export default resourceRule({
  name: "eks-secrets-envelope-encryption",
  description:
    "EKS clusters must envelope-encrypt Kubernetes Secrets with a customer-managed KMS key (encryptionConfig.resources includes \"secrets\", encryptionConfig.provider.keyArn set), so Secrets in etcd are protected by a key whose use is controlled and logged in CloudTrail.",
  hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)", "164.308(a)(4)(ii)(A)"],
  controls: { checkov: ["CKV_AWS_58"], awsConfig: ["EKS_SECRETS_ENCRYPTED"], cis: ["5.3.1"] },
  remediation:
    'Create the cluster with phiguard\'s `SecureCluster`, which sets `encryptionConfig: { resources: ["secrets"], provider: { keyArn } }` with an `EnvelopeKey`; on a plain `aws.eks.Cluster` set that `encryptionConfig` with a KMS key with rotation enabled.',
  enforcementLevel: "mandatory",
  resourceTypes: [CLUSTER_TYPE],
  validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const config = asObject(args.props.encryptionConfig);
    if (!config) {
      reportViolation("encryptionConfig is not set: Kubernetes Secrets are stored without envelope encryption.");
      return;
    }
    if (!asStrings(config.resources).includes("secrets")) {
      reportViolation('encryptionConfig.resources does not include "secrets".');
    }
    if (!hasValue(asObject(config.provider), "keyArn")) {
      reportViolation("encryptionConfig.provider.keyArn is not set: no KMS key is given for envelope encryption.");
    }
  },
});
