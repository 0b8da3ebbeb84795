/**
 * Which steps of a preview leave a resource in the stack after the update, by Pulumi's step
 * operations (pkg/resource/deploy/step.go, `StepOp` constants).
 */
import { z } from "zod";

/** The new state of these is what the stack holds after the update. */
const PRODUCING = [
  "same",
  "create",
  "update",
  "replace",
  "create-replacement",
  "read",
  "read-replacement",
  "refresh",
  "import",
  "import-replacement",
] as const;

/** The resource will not exist after the update. */
const REMOVING = ["delete", "discard"] as const;

/** These act on the old copy of a replaced resource (the new copy has its own step) or are engine-internal. */
const NEUTRAL = ["delete-replaced", "discard-replaced", "remove-pending-replace", "diff", "extend-parameterize"] as const;

export const stepOpSchema = z.enum([...PRODUCING, ...REMOVING, ...NEUTRAL]);

export type StepOp = z.output<typeof stepOpSchema>;

export type StepEffect = "produces" | "removes" | "neutral";

export function effectOf(op: StepOp): StepEffect {
  if ((PRODUCING as readonly string[]).includes(op)) return "produces";
  if ((REMOVING as readonly string[]).includes(op)) return "removes";
  return "neutral";
}

/**
 * The resources left after all steps, in the order of the step that last produced each. A URN can
 * have several steps (`refresh` then `update`, `create-replacement` then `replace`): the last one
 * holds the state the program registered, at the point where it registered it.
 */
export function survivingSteps<S extends { readonly op: StepOp; readonly urn: string }>(steps: readonly S[]): S[] {
  const surviving = new Map<string, S>();
  for (const step of steps) {
    const effect = effectOf(step.op);
    if (effect === "neutral") continue;
    surviving.delete(step.urn);
    if (effect === "produces") surviving.set(step.urn, step);
  }
  return [...surviving.values()];
}
