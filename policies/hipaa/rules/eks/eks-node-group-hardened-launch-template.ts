import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import type { PhiguardStackPolicy } from "../../../engine/rule";
import { DeferredErrors, asArray, asObject, isLiteral, sourcesOf, textOf } from "../kubernetes/support";
import { LAUNCH_TEMPLATE_TYPE, NODE_GROUP_TYPE } from "./support";

interface Config {
  /** @default 1: pods cannot reach the node's instance metadata (and its IAM role) */
  readonly maximumHopLimit?: number;
}

/** The launch template a node group uses, when the program defines it. */
function launchTemplateOf(nodeGroup: PolicyResource, templates: readonly PolicyResource[]): PolicyResource | undefined {
  const computed = sourcesOf(nodeGroup, "launchTemplate", LAUNCH_TEMPLATE_TYPE);
  if (computed.length > 0) return computed[0];
  if (!isLiteral(nodeGroup, "launchTemplate")) return undefined;
  const name = asObject(nodeGroup.props.launchTemplate)?.name;
  if (typeof name !== "string") return undefined;
  return templates.find((t) => isLiteral(t, "name") && t.props.name === name);
}

/** What is wrong with a launch template's instance metadata and EBS settings. */
export function launchTemplateProblems(template: Record<string, unknown>, maximumHopLimit: number): string[] {
  const problems: string[] = [];
  const metadata = asObject(template.metadataOptions) ?? {};
  if (metadata.httpEndpoint !== "disabled") {
    if (metadata.httpTokens !== "required") {
      problems.push(
        `metadataOptions.httpTokens is ${metadata.httpTokens === undefined ? "not set" : JSON.stringify(metadata.httpTokens)}; expected "required" (IMDSv2 only)`,
      );
    }
    const hops = metadata.httpPutResponseHopLimit;
    if (typeof hops !== "number" || hops > maximumHopLimit) {
      problems.push(
        `metadataOptions.httpPutResponseHopLimit is ${hops === undefined ? "not set" : JSON.stringify(hops)}; expected at most ${maximumHopLimit}, so pods cannot use the node's IAM role`,
      );
    }
  }
  const volumes = asArray(template.blockDeviceMappings)
    .map((m) => asObject(m))
    .filter((m) => m !== undefined && asObject(m.ebs) !== undefined) as Record<string, unknown>[];
  if (volumes.length === 0) {
    problems.push("blockDeviceMappings has no EBS volume with encrypted: true (the root volume's encryption is left to the AMI and account default)");
  }
  for (const m of volumes) {
    const encrypted = (asObject(m.ebs) ?? {}).encrypted;
    if (encrypted !== "true" && encrypted !== true) {
      const device = textOf(() => m.deviceName) ?? "a volume";
      problems.push(`the EBS volume ${device} is not encrypted (ebs.encrypted is ${encrypted === undefined ? "not set" : JSON.stringify(encrypted)})`);
    }
  }
  return problems;
}

/** Checkov CKV_AWS_79, CKV_AWS_341 and CKV_AWS_8 applied to the node group's launch template. */
const rule: PhiguardStackPolicy = {
  name: "eks-node-group-hardened-launch-template",
  description:
    "Managed node groups must use a launch template of this program that requires IMDSv2 (httpTokens: required) with a hop limit of 1, so pods cannot take the node's IAM role, and encrypts every EBS volume; without one EKS applies its own template, which the program does not control.",
  hipaa: ["164.312(a)(1)", "164.308(a)(4)(ii)(A)", "164.312(a)(2)(iv)", "164.312(e)(2)(ii)"],
  controls: {
    checkov: ["CKV_AWS_79", "CKV_AWS_341", "CKV_AWS_8"],
    awsConfig: ["EC2_IMDSV2_CHECK", "ENCRYPTED_VOLUMES"],
  },
  remediation:
    'Create node groups through phiguard\'s `SecureCluster` (managed node groups with a hardened launch template); otherwise create an `aws.ec2.LaunchTemplate` with `metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 }` and `blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId } }]` and pass `launchTemplate: { id: lt.id, version: lt.latestVersion.apply(String) }` to the node group.',
  enforcementLevel: "mandatory",
  resourceTypes: [NODE_GROUP_TYPE],
  configSchema: {
    properties: {
      maximumHopLimit: {
        type: "integer",
        default: 1,
        minimum: 1,
        description: "Largest accepted httpPutResponseHopLimit (2 lets pods reach the instance metadata).",
      },
    },
  },
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const maximumHopLimit = args.getConfig<Config>().maximumHopLimit ?? 1;
    const templates = args.resources.filter((r) => r.type === LAUNCH_TEMPLATE_TYPE);
    const deferred = new DeferredErrors();
    for (const nodeGroup of args.resources.filter((r) => r.type === NODE_GROUP_TYPE)) {
      deferred.attempt(() => {
        if (nodeGroup.props.launchTemplate === undefined) {
          reportViolation(
            `Node group ${nodeGroup.name} has no launchTemplate: EKS's own template decides instance metadata and EBS encryption.`,
            nodeGroup.urn,
          );
          return;
        }
        const template = launchTemplateOf(nodeGroup, templates);
        if (!template) {
          reportViolation(
            `Node group ${nodeGroup.name} uses a launch template that this program does not define, so its metadata and EBS settings cannot be checked.`,
            nodeGroup.urn,
          );
          return;
        }
        for (const problem of launchTemplateProblems(template.props, maximumHopLimit)) {
          reportViolation(`Launch template ${template.name} of node group ${nodeGroup.name}: ${problem}.`, template.urn);
        }
      });
    }
    deferred.rethrow();
  },
};

export default rule;
