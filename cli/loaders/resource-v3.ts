/**
 * The fields of Pulumi's `apitype.ResourceV3` (sdk/go/common/apitype/core.go) that a Plan is made
 * of. Both a stack export (`deployment.resources[]`) and a preview (`steps[].newState`) carry it.
 * Only what phiguard reads is validated; Go's `omitempty` and nil slices mean any optional field may
 * be absent or null.
 */
import { z } from "zod";
import { shown } from "./field-errors";
import { isUrn, providerUrnOf } from "./urn";

export const urnSchema = z.string().refine(isUrn, {
  error: (issue) => `expected a URN (urn:pulumi:<stack>::<project>::<type>::<name>), got ${shown(issue.input)}`,
});

/** Empty means "none": Go writes empty strings for some unset URNs. */
const optionalUrn = z.union([z.literal(""), urnSchema]).nullish();

const providerReference = z.string().refine((ref) => ref === "" || providerUrnOf(ref) !== undefined, {
  error: (issue) => `expected a provider reference (<provider URN>::<id>), got ${shown(issue.input)}`,
});

const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

/** Seconds, as the engine stores them after parsing the program's duration strings. */
const seconds = z.number().nonnegative().nullish();

export const resourceV3Schema = z.object({
  urn: urnSchema,
  custom: z.boolean().nullish(),
  delete: z.boolean().nullish(),
  type: z.string().min(1, { error: "expected a type token, got an empty string" }),
  inputs: z.record(z.string(), z.unknown()).nullish(),
  parent: optionalUrn,
  protect: z.boolean().nullish(),
  dependencies: list(urnSchema),
  provider: providerReference.nullish(),
  propertyDependencies: z.record(z.string(), list(urnSchema)).nullish(),
  additionalSecretOutputs: list(z.string()),
  aliases: list(urnSchema),
  customTimeouts: z.object({ create: seconds, update: seconds, delete: seconds }).nullish(),
  retainOnDelete: z.boolean().nullish(),
  deletedWith: optionalUrn,
  sourcePosition: z.string().nullish(),
  ignoreChanges: list(z.string()),
  replaceOnChanges: list(z.string()),
});

export type ResourceV3 = z.output<typeof resourceV3Schema>;
