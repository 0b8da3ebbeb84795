/**
 * Coverage of the HIPAA pack, as pure functions over the rules: which HIPAA paragraphs each rule
 * serves, and which rules of the external HIPAA rule sets (the AWS Config conformance pack, cdk-nag's
 * HIPAA Security pack) phiguard implements, with a reason for each one it does not.
 */
import type { PhiguardPolicy } from "../engine/rule";
import { HIPAA_PARAGRAPHS, compareParagraphs, type HipaaDesignation } from "./controls";
import externalRuleSetsJson from "./external-rule-sets.json";
import { NOT_COVERED, type NotCoveredCategory } from "./not-covered";

export const RULE_SET_IDS = ["aws-config-hipaa", "cdk-nag-hipaa"] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

export interface AwsConfigRule {
  readonly identifier: string;
  readonly configRuleName: string;
  readonly resourceTypes: readonly string[];
}

export interface CdkNagRule {
  readonly rule: string;
  readonly cites: readonly { readonly awsConfigRule: string; readonly hipaa: readonly string[] }[];
}

export interface ExternalRuleSets {
  readonly about: string;
  readonly "aws-config-hipaa": readonly AwsConfigRule[];
  readonly "cdk-nag-hipaa": readonly CdkNagRule[];
}

/** The rule sets phiguard measures itself against (a copy of the source catalog's JSON). */
export const EXTERNAL_RULE_SETS: ExternalRuleSets = externalRuleSetsJson as ExternalRuleSets;

/** The prefix cdk-nag gives the rule IDs of its HIPAA Security pack. */
export const CDK_NAG_PREFIX = "HIPAA.Security-";

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ParagraphCoverage {
  readonly paragraph: string;
  readonly title: string;
  readonly designation: HipaaDesignation;
  /** Names of the rules that cite the paragraph, sorted. */
  readonly rules: readonly string[];
}

/** Every catalog paragraph (regulation order) with the rules that serve it. */
export function paragraphCoverage(policies: readonly PhiguardPolicy[]): ParagraphCoverage[] {
  return [...HIPAA_PARAGRAPHS]
    .sort((a, b) => compareParagraphs(a.paragraph, b.paragraph))
    .map((p) => ({
      paragraph: p.paragraph,
      title: p.title,
      designation: p.designation,
      rules: policies.filter((r) => r.hipaa.includes(p.paragraph)).map((r) => r.name).sort(byText),
    }));
}

export interface ExternalRuleCoverage {
  /** The external rule's ID: the AWS Config identifier, or the cdk-nag rule name (without prefix). */
  readonly id: string;
  /** The phiguard rules that implement it, sorted; empty when not covered. */
  readonly rules: readonly string[];
  readonly covered: boolean;
  /** Why phiguard does not implement it (only when not covered). */
  readonly category?: NotCoveredCategory;
  readonly reason?: string;
}

export interface RuleSetCoverage {
  readonly ruleSet: RuleSetId;
  readonly total: number;
  readonly covered: number;
  /** Sorted by ID. */
  readonly rules: readonly ExternalRuleCoverage[];
}

/** The IDs of a rule set, sorted. */
export function ruleSetIds(ruleSet: RuleSetId, sets: ExternalRuleSets = EXTERNAL_RULE_SETS): string[] {
  const ids = ruleSet === "aws-config-hipaa" ? sets["aws-config-hipaa"].map((r) => r.identifier) : sets["cdk-nag-hipaa"].map((r) => r.rule);
  return [...new Set(ids)].sort(byText);
}

/** The external IDs a phiguard rule declares it implements, in the rule set's own spelling. */
export function declaredIds(policy: PhiguardPolicy, ruleSet: RuleSetId): string[] {
  if (ruleSet === "aws-config-hipaa") return [...(policy.controls?.awsConfig ?? [])];
  return (policy.controls?.cdkNag ?? []).map((id) => (id.startsWith(CDK_NAG_PREFIX) ? id.slice(CDK_NAG_PREFIX.length) : id));
}

/** Which rules of `ruleSet` the policies implement, and why the others are not. */
export function ruleSetCoverage(
  policies: readonly PhiguardPolicy[],
  ruleSet: RuleSetId,
  sets: ExternalRuleSets = EXTERNAL_RULE_SETS,
): RuleSetCoverage {
  const rules = ruleSetIds(ruleSet, sets).map((id): ExternalRuleCoverage => {
    const implementing = policies.filter((p) => declaredIds(p, ruleSet).includes(id)).map((p) => p.name).sort(byText);
    if (implementing.length > 0) return { id, rules: implementing, covered: true };
    const entry = NOT_COVERED[ruleSet][id];
    return {
      id,
      rules: [],
      covered: false,
      ...(entry ? { category: entry.category, reason: entry.reason } : {}),
    };
  });
  return { ruleSet, total: rules.length, covered: rules.filter((r) => r.covered).length, rules };
}

/** Human names of the external rule sets. */
export const RULE_SET_TITLES: Readonly<Record<RuleSetId, string>> = {
  "aws-config-hipaa": "AWS Config conformance pack \"Operational Best Practices for HIPAA Security\"",
  "cdk-nag-hipaa": "cdk-nag HIPAA Security pack",
};

export interface ControlsReport {
  readonly rules: number;
  readonly paragraphs: readonly ParagraphCoverage[];
  readonly ruleSets: readonly RuleSetCoverage[];
}

/** What `phiguard controls` shows: paragraphs and their rules, and coverage of one or every external rule set. */
export function controlsReport(policies: readonly PhiguardPolicy[], against?: RuleSetId): ControlsReport {
  const sets = against ? [against] : [...RULE_SET_IDS];
  return {
    rules: policies.length,
    paragraphs: paragraphCoverage(policies),
    ruleSets: sets.map((s) => ruleSetCoverage(policies, s)),
  };
}
