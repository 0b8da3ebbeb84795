/**
 * `--rules <file>`: extra rules beside the HIPAA pack, from a module (JavaScript, or TypeScript
 * transpiled on load like a Pulumi program) that exports `default` (an array of rules, or one rule)
 * or `rules` (an array). A rule is a phiguard rule: a `@pulumi/policy` policy with `hipaa` and
 * `remediation` (see examples/custom-rule).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PhiguardError, isPhiguardError, messageOf } from "../errors";
import { installTypeScriptLoader } from "../planner/typescript";
import { ruleMetadata, type PhiguardPolicy } from "../../policies/engine/rule";
import { displayPath } from "../config/phiguard-config";

/** Loads the rules of every file, in order, checking each rule's metadata and that names are unique. */
export function loadRuleFiles(files: readonly string[], pack: readonly PhiguardPolicy[]): PhiguardPolicy[] {
  const taken = new Map<string, string>(pack.map((p) => [p.name, "the HIPAA pack"]));
  const out: PhiguardPolicy[] = [];
  for (const file of files) {
    for (const rule of loadRuleFile(file)) {
      const owner = taken.get(rule.name);
      if (owner) throw new PhiguardError(`${displayPath(path.resolve(file))}: rule '${rule.name}' has the same name as a rule of ${owner}; rule names must be unique`);
      taken.set(rule.name, displayPath(path.resolve(file)));
      out.push(rule);
    }
  }
  return out;
}

export function loadRuleFile(file: string): PhiguardPolicy[] {
  const abs = path.resolve(file);
  const shown = displayPath(abs);
  if (!fs.existsSync(abs)) throw new PhiguardError(`${shown}: not found (--rules expects a .js or .ts module exporting rules)`);
  if (/\.[cm]?ts$/.test(abs)) installTypeScriptLoader();
  let mod: Record<string, unknown>;
  try {
    mod = require(abs) as Record<string, unknown>;
  } catch (error) {
    throw new PhiguardError(`${shown}: cannot load the rules module: ${messageOf(error)}`, { cause: error });
  }
  const exported = mod.default !== undefined ? mod.default : mod.rules;
  const rules = Array.isArray(exported) ? exported : exported && typeof exported === "object" ? [exported] : undefined;
  if (!rules || rules.length === 0) {
    throw new PhiguardError(`${shown}: exports no rules; expected \`export default [rule, ...]\`, \`export default rule\` or \`export const rules = [...]\``);
  }
  return rules.map((rule, i) => {
    if (!rule || typeof rule !== "object") throw new PhiguardError(`${shown}: rule #${i + 1} is not a policy object`);
    try {
      ruleMetadata(rule as PhiguardPolicy);
    } catch (error) {
      if (isPhiguardError(error)) throw new PhiguardError(`${shown}: ${error.message}`);
      throw error;
    }
    return rule as PhiguardPolicy;
  });
}
