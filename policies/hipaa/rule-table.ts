/**
 * The rule table of the README, rendered from the rules themselves (one source of truth).
 */
import type { PhiguardPolicy } from "../engine/rule";
import { isStackRule } from "../engine/rule";
import { compareParagraphs } from "./controls";

/** Text safe inside a Markdown table cell: pipes escaped, line breaks collapsed. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ").trim();
}

/** A Markdown table: rule, level, HIPAA paragraphs, resource types, fix; one row per rule, sorted by name. */
export function renderRuleTable(policies: readonly PhiguardPolicy[]): string {
  const rows = [...policies]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => {
      const level = p.enforcementLevel ?? "advisory";
      const hipaa = [...p.hipaa].sort(compareParagraphs).join(", ");
      const types = (p.resourceTypes ?? []).map((t) => `\`${t}\``).join(", ") || "any";
      const scope = isStackRule(p) ? " (stack)" : "";
      return `| \`${p.name}\`${scope} | ${level} | ${markdownCell(hipaa)} | ${types} | ${markdownCell(p.remediation)} |`;
    });
  return ["| Rule | Level | HIPAA | Resource types | Fix |", "|---|---|---|---|---|", ...rows].join("\n") + "\n";
}
