/**
 * The shared tagging convention of every phiguard component.
 *
 * Every taggable child resource carries:
 *
 * | tag                   | value                                                      |
 * |-----------------------|------------------------------------------------------------|
 * | `data-classification` | what the resource holds or protects (`phi` unless told)     |
 * | `owner`               | the team accountable for it                                |
 * | `environment`         | `prod`, `staging`, ... (the stack name unless told)         |
 * | `managed-by`          | `phiguard`                                                 |
 * | `phiguard:component`  | the component type that created it                         |
 * | user tags             | anything else the caller passes in `tags`                  |
 *
 * EC2 children also get a `Name` tag equal to their Pulumi resource name, so the console shows
 * the same name as the plan.
 *
 * Values are plain strings known at preview, so policy rules can check them offline.
 */
import * as pulumi from "@pulumi/pulumi";

/** The tag keys of the convention. */
export const TAG_KEYS = Object.freeze({
  dataClassification: "data-classification",
  owner: "owner",
  environment: "environment",
  managedBy: "managed-by",
  component: "phiguard:component",
} as const);

/** Data classification levels, from most to least sensitive. */
export const DATA_CLASSIFICATIONS = ["phi", "pii", "confidential", "internal", "public"] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** Tagging inputs shared by every phiguard component's args. */
export interface TaggingArgs {
  /**
   * What the resources hold or protect.
   * @default "phi": phiguard components exist to hold or protect PHI, so they are tagged as such
   */
  readonly dataClassification?: DataClassification;
  /**
   * The team or person accountable for the resources (HIPAA §164.308(a)(2) assigned responsibility).
   * @default the stack config value `phiguard:owner`; construction fails when neither is set
   */
  readonly owner?: string;
  /**
   * The deployment environment (`prod`, `staging`, ...).
   * @default the stack config value `phiguard:environment`, else the Pulumi stack name
   */
  readonly environment?: string;
  /**
   * Extra tags added to every taggable child. They cannot replace the convention's own keys
   * (set `dataClassification`, `owner`, `environment` instead) nor use the reserved `aws:` prefix.
   * @default no extra tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

const RESERVED = new Set<string>(Object.values(TAG_KEYS));

/**
 * Resolves the convention's tags for a component. Throws, naming the component, when `owner` is
 * missing or a user tag collides with the convention.
 */
export function conventionTags(
  component: { readonly type: string; readonly name: string },
  args: TaggingArgs,
): Record<string, string> {
  const where = `${component.type} "${component.name}"`;
  const config = new pulumi.Config("phiguard");
  const dataClassification = args.dataClassification ?? "phi";
  if (!(DATA_CLASSIFICATIONS as readonly string[]).includes(dataClassification)) {
    throw new Error(
      `${where}: dataClassification "${String(dataClassification)}" is not a known classification; expected one of ${DATA_CLASSIFICATIONS.join(", ")}.`,
    );
  }
  const owner = nonEmpty(args.owner) ?? nonEmpty(config.get("owner"));
  if (owner === undefined) {
    throw new Error(
      `${where}: no owner given; expected the accountable team in the \`owner\` argument or in the stack config \`phiguard:owner\` (e.g. \`pulumi config set phiguard:owner clinical-platform\`).`,
    );
  }
  const environment = nonEmpty(args.environment) ?? nonEmpty(config.get("environment")) ?? pulumi.getStack();
  const user = args.tags ?? {};
  for (const [key, value] of Object.entries(user)) {
    if (RESERVED.has(key)) {
      throw new Error(
        `${where}: tag "${key}" is set by the phiguard tagging convention and cannot be given in \`tags\`; use the \`dataClassification\`, \`owner\` or \`environment\` argument instead.`,
      );
    }
    if (key.toLowerCase().startsWith("aws:")) {
      throw new Error(`${where}: tag "${key}" uses the reserved "aws:" prefix; expected a key without it.`);
    }
    if (key.length === 0 || key.length > 128 || value.length > 256) {
      throw new Error(
        `${where}: tag "${key}" is invalid; expected a key of 1-128 characters and a value of at most 256 characters.`,
      );
    }
  }
  return {
    ...user,
    [TAG_KEYS.dataClassification]: dataClassification,
    [TAG_KEYS.owner]: owner,
    [TAG_KEYS.environment]: environment,
    [TAG_KEYS.managedBy]: "phiguard",
    [TAG_KEYS.component]: component.type,
  };
}

/** The convention's tags plus a `Name` tag (shown by the EC2 console). */
export function withName(tags: Readonly<Record<string, string>>, name: string): Record<string, string> {
  return { ...tags, Name: name };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
