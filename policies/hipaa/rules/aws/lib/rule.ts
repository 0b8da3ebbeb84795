/**
 * Builders for the AWS rules: they fill in the `PhiguardPolicy` shape once, so each rule file holds
 * only its metadata and one small check.
 *
 * A resource rule's check is called only for resources of its `resourceTypes`: the offline engine
 * filters on them, and the wrapper below makes CrossGuard (which calls every resource policy for
 * every resource) pass silently on the other types.
 */
import type {
  EnforcementLevel,
  PolicyConfigSchema,
  ReportViolation,
  ResourceValidationArgs,
  StackValidationArgs,
} from "@pulumi/policy";
import type { Unwrap } from "@pulumi/pulumi";
import type { PhiguardResourcePolicy, PhiguardStackPolicy, RuleControls } from "../../../../engine/rule";
import type { Props } from "./props";

/** A resource's inputs as a rule reads them, typed from the provider's `*Args` interface. */
export type Inputs<TArgs> = Unwrap<NonNullable<TArgs>>;

interface RuleInfo {
  /** The rule ID; equal to the file name. */
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: Exclude<EnforcementLevel, "disabled" | "remediate">;
  readonly hipaa: readonly string[];
  readonly remediation: string;
  readonly controls: RuleControls;
  readonly resourceTypes: readonly string[];
  /** Settings the rule reads with `args.getConfig()`, with their defaults. */
  readonly configSchema?: PolicyConfigSchema;
}

export interface ResourceRuleDefinition extends RuleInfo {
  readonly check: (props: Props, args: ResourceValidationArgs, report: ReportViolation) => void;
}

export interface StackRuleDefinition extends RuleInfo {
  readonly check: (args: StackValidationArgs, report: ReportViolation) => void;
}

function metadata(def: RuleInfo) {
  return {
    name: def.name,
    description: def.description,
    enforcementLevel: def.enforcementLevel,
    hipaa: [...def.hipaa],
    remediation: def.remediation,
    controls: def.controls,
    resourceTypes: [...def.resourceTypes],
    ...(def.configSchema ? { configSchema: def.configSchema } : {}),
  };
}

export function resourceRule(def: ResourceRuleDefinition): PhiguardResourcePolicy {
  const types = new Set(def.resourceTypes);
  return {
    ...metadata(def),
    validateResource: (args, report) => {
      if (!types.has(args.type)) return;
      def.check(args.props, args, report);
    },
  };
}

export function stackRule(def: StackRuleDefinition): PhiguardStackPolicy {
  return {
    ...metadata(def),
    validateStack: (args, report) => def.check(args, report),
  };
}
