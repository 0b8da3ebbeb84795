import { CITES } from "../../controls";
import { INSTANCE, LAUNCH_CONFIGURATION, LAUNCH_TEMPLATE, LAUNCH_TYPES, launchKind } from "./lib/ec2";
import { arrayOf, customerKeyProblem, hasValue, isTrue, type Props } from "./lib/props";
import { resourceRule } from "./lib/rule";

interface Volume {
  readonly where: string;
  readonly settings: Props;
}

/** The EBS volumes a launch definition declares. */
function volumesOf(type: string, props: Props): Volume[] | undefined {
  if (type === LAUNCH_TEMPLATE) {
    const mappings = arrayOf<Props>(props.blockDeviceMappings);
    const ebs = mappings.flatMap((m, i) => (m.ebs ? [{ where: `blockDeviceMappings[${i}].ebs`, settings: m.ebs }] : []));
    return ebs.length > 0 ? ebs : undefined;
  }
  const root = props.rootBlockDevice as Props | undefined;
  const rootList = type === LAUNCH_CONFIGURATION && Array.isArray(props.rootBlockDevice) ? props.rootBlockDevice : root ? [root] : [];
  const volumes = [
    ...rootList.map((r: Props) => ({ where: "rootBlockDevice", settings: r })),
    ...arrayOf<Props>(props.ebsBlockDevices).map((d, i) => ({ where: `ebsBlockDevices[${i}]`, settings: d })),
  ];
  return volumes.length > 0 ? volumes : undefined;
}

export default resourceRule({
  name: "ec2-ebs-encrypted-with-cmk",
  description:
    "The EBS volumes that instances, launch templates and launch configurations create are declared, encrypted, and encrypted with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.encryptionAtRest],
  remediation:
    "Run nodes through `SecureCluster`, whose node-group launch templates encrypt every volume with an `EnvelopeKey`; or declare the root volume (`blockDeviceMappings` / `rootBlockDevice`) with `encrypted: true` and `kmsKeyId`.",
  controls: {
    awsConfig: ["ENCRYPTED_VOLUMES"],
    checkov: ["CKV_AWS_8", "CKV_AWS_3"],
    cis: ["AWS 3.0.0 2.2.1"],
  },
  resourceTypes: LAUNCH_TYPES,
  check: (props, args, report) => {
    if (args.type === INSTANCE && hasValue(props, "launchTemplate") && !hasValue(props, "rootBlockDevice")) {
      args.notApplicable("the instance takes its volumes from its launch template, which this rule checks");
    }
    const volumes = volumesOf(args.type, props);
    if (!volumes) {
      report(
        `the ${launchKind(args.type)} declares no EBS volume, so its volumes come from the AMI's mappings and are encrypted only if the account enables EBS encryption by default.`,
      );
      return;
    }
    for (const v of volumes) {
      if (!isTrue(v.settings.encrypted)) {
        report(`${v.where} is not encrypted.`);
        continue;
      }
      const problem = customerKeyProblem(v.settings, "kmsKeyId");
      if (problem) report(`${v.where}: ${problem}.`);
    }
  },
});
