/**
 * Workarounds for component options that do not exist yet, kept in one place so they are easy to
 * find and to delete once the component grows the option.
 *
 * Each is a resource transformation on the component, matching ONE child by its resource name
 * (child names are a documented public contract of every phiguard component). `assertApplied`
 * fails the program when the child was not found, so a renamed child cannot silently drop the
 * workaround.
 */
import * as pulumi from "@pulumi/pulumi";

export interface ChildPatch {
  /** Pass in the component's `transformations` option. */
  readonly transformation: pulumi.ResourceTransformation;
  /** Throws unless the transformation matched its child; call right after constructing the component. */
  assertApplied(): void;
}

/** Changes the args of the child named `childName` (of type `type`). */
export function patchChild(type: string, childName: string, patch: (props: pulumi.Inputs) => pulumi.Inputs): ChildPatch {
  let applied = false;
  return {
    transformation: (args) => {
      if (args.type !== type || args.name !== childName) return undefined;
      applied = true;
      return { props: patch(args.props), opts: args.opts };
    },
    assertApplied: () => {
      if (!applied) {
        throw new Error(`stack workaround: no child "${childName}" of type ${type} was created; the component's child names changed, update stacks/shared/patch.ts callers.`);
      }
    },
  };
}

/**
 * Names the DynamoDB table of a `PhiTable` (the component autonames it, so its ARN would only be
 * known after deploy and IAM policies naming it could not be checked before deploy).
 */
export function nameTable(component: string, tableName: string): ChildPatch {
  return patchChild("aws:dynamodb/table:Table", `${component}-table`, (props) => ({ ...props, name: tableName }));
}

/**
 * Appends statements to the TLS-only queue policy of a `PhiQueue` queue (`<queue>-policy`), e.g. to
 * let S3 send event notifications. The component's own statements are kept as they are;
 * `statements` receives the queue's ARN (the `Resource` of the component's TLS statement).
 */
export function appendQueuePolicy(queueChild: string, statements: (queueArn: string) => pulumi.Input<Record<string, unknown>[]>): ChildPatch {
  return patchChild("aws:sqs/queuePolicy:QueuePolicy", `${queueChild}-policy`, (props) => ({
    ...props,
    policy: pulumi.output(props.policy as pulumi.Input<string>).apply((policy) => {
      const document = JSON.parse(policy) as { Version: string; Statement: { Resource?: unknown }[] };
      const queueArn = document.Statement[0]?.Resource;
      if (typeof queueArn !== "string") throw new Error(`stack workaround: the queue policy of "${queueChild}" has no queue ARN in its first statement.`);
      return pulumi.output(statements(queueArn)).apply((extra) => JSON.stringify({ ...document, Statement: [...document.Statement, ...extra] }));
    }),
  }));
}
