/**
 * Pieces every reference stack shares: tags for the plain resources a stack declares itself,
 * deterministic physical names, ARNs known at preview, and the key-policy entries AWS services
 * need to deliver into stores encrypted with the stack's EnvelopeKey.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { conventionTags, partitionOf, type DataClassification, type ServicePrincipalAccess } from "../../components";

/** Settings every stack resolves first. */
export interface StackContext {
  /** The workload's name, e.g. `imaging-archive`. */
  readonly workload: string;
  readonly owner: string;
  readonly environment?: string;
  readonly primaryRegion: string;
  readonly secondaryRegion: string;
  readonly partition: string;
  /** The deploying account (an invoke: known at preview). */
  readonly accountId: pulumi.Output<string>;
}

export function stackContext(workload: string, config: { owner: string; environment?: string | undefined; regions: readonly [string, string] }): StackContext {
  const [primaryRegion, secondaryRegion] = config.regions;
  return {
    workload,
    owner: config.owner,
    ...(config.environment !== undefined ? { environment: config.environment } : {}),
    primaryRegion,
    secondaryRegion,
    partition: partitionOf(primaryRegion),
    accountId: aws.getCallerIdentityOutput().accountId,
  };
}

/** Tagging args for components: owner and environment from the validated config. */
export function tagging(ctx: StackContext, dataClassification: DataClassification = "phi") {
  return { owner: ctx.owner, dataClassification, ...(ctx.environment !== undefined ? { environment: ctx.environment } : {}) };
}

/** The phiguard tag convention for a plain resource the stack declares itself. */
export function plainTags(ctx: StackContext, name: string, dataClassification: DataClassification = "phi"): Record<string, string> {
  return conventionTags({ type: `phiguard:stacks:${ctx.workload}`, name }, tagging(ctx, dataClassification));
}

/** `<project>-<stack>-<name>`, cut to `max` characters. */
export function physicalName(name: string, max = 64): string {
  const full = `${pulumi.getProject()}-${pulumi.getStack()}-${name}`.replace(/[^A-Za-z0-9-]+/g, "-");
  return full.length <= max ? full : full.slice(0, max).replace(/-+$/, "");
}

/** An ARN of this account, known at preview: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function arnOf(ctx: StackContext, service: string, region: string, resource: string): pulumi.Output<string> {
  return pulumi.interpolate`arn:${ctx.partition}:${service}:${region}:${ctx.accountId}:${resource}`;
}

/** Lets S3 event notifications write into SQS queues encrypted with the key (this account's buckets only). */
export const S3_EVENTS_KEY_ACCESS: ServicePrincipalAccess = Object.freeze({
  service: "s3",
  actions: ["kms:GenerateDataKey*", "kms:Decrypt"],
  conditions: { StringEquals: { "aws:SourceAccount": "{account}" } },
});

/** Lets CloudWatch alarms publish to topics encrypted with the key (the component's own entry). */
export { CLOUDWATCH_ALARMS_KEY_ACCESS } from "../../components";
