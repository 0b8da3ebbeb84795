import { CITES } from "../../controls";
import { customerKeyProblem } from "../aws/lib/props";
import { stackRule } from "../aws/lib/rule";
import { forEachDeferred } from "../aws/lib/stack";
import { accountRegions, describeRegion, inRegion, REGIONS_CONFIG, requireAccountRoot, type RegionsConfig } from "./lib/account";

const DEFAULT_ENCRYPTION = "aws:ebs/encryptionByDefault:EncryptionByDefault";
const DEFAULT_KEY = "aws:ebs/defaultKmsKey:DefaultKmsKey";

export default stackRule({
  name: "account-root-ebs-encryption-by-default",
  description:
    "An account-root stack turns on EBS encryption by default with a customer managed KMS key in every region it covers, so no volume or snapshot, however it is created, holds PHI unencrypted or under an AWS managed key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation:
    "Add phiguard's `AccountBaseline` component to the account-root stack (EBS encryption by default with the EnvelopeKey in each of its `regions`), or an `aws.ebs.EncryptionByDefault` with `enabled: true` and an `aws.ebs.DefaultKmsKey` with `keyArn: key.arn` per region.",
  controls: {
    awsConfig: ["EC2_EBS_ENCRYPTION_BY_DEFAULT"],
    cis: ["AWS 3.0.0 2.2.1"],
  },
  resourceTypes: [DEFAULT_ENCRYPTION, DEFAULT_KEY],
  configSchema: { properties: { regions: REGIONS_CONFIG } },
  check: (args, report) => {
    requireAccountRoot(args);
    forEachDeferred(accountRegions(args, args.getConfig<RegionsConfig>()), (region) => {
      const settings = inRegion(args.resources, DEFAULT_ENCRYPTION, region);
      if (!settings.some((s) => s.props.enabled !== false)) {
        report(`EBS encryption by default is not turned on (no aws.ebs.EncryptionByDefault with enabled: true) in ${describeRegion(region)}.`);
      }
      const keys = inRegion(args.resources, DEFAULT_KEY, region);
      if (keys.length === 0) {
        report(`no customer managed default EBS key (aws.ebs.DefaultKmsKey) in ${describeRegion(region)}: volumes are encrypted with the AWS managed key aws/ebs.`);
        return;
      }
      for (const key of keys) {
        const problem = customerKeyProblem(key.props, "keyArn");
        if (problem) report(`the default EBS key in ${describeRegion(region)}: ${problem}.`, key.urn);
      }
    });
  },
});
