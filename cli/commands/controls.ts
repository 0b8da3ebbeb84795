/**
 * `phiguard controls`: the HIPAA paragraphs and the rules that serve each, and which rules of the
 * external HIPAA rule sets (AWS Config conformance pack, cdk-nag) the pack implements, with the
 * reason for each it does not. The data comes from `policies/hipaa/coverage.ts`; this only formats.
 */
import type { CommandModule } from "yargs";
import { hipaaPolicies, PACK_NAME, PACK_VERSION } from "../../policies/hipaa";
import { controlsReport, RULE_SET_IDS, RULE_SET_TITLES, type ControlsReport, type RuleSetId } from "../../policies/hipaa/coverage";

interface ControlsArgs {
  against?: RuleSetId;
  format: "text" | "json";
}

export function renderControlsText(report: ControlsReport): string {
  const lines: string[] = [`${PACK_NAME} ${PACK_VERSION}: ${report.rules} rules`, "", "HIPAA Security Rule paragraphs and the rules that serve them", ""];
  for (const p of report.paragraphs) {
    lines.push(`${p.paragraph}  ${p.title} (${p.designation})`);
    lines.push(p.rules.length > 0 ? p.rules.map((r) => `  ${r}`).join("\n") : "  (no preview-time rule)");
  }
  for (const set of report.ruleSets) {
    lines.push("", `${RULE_SET_TITLES[set.ruleSet]} (${set.ruleSet}): ${set.covered} of ${set.total} rules covered`, "");
    const covered = set.rules.filter((r) => r.covered);
    const missing = set.rules.filter((r) => !r.covered);
    const width = Math.max(0, ...set.rules.map((r) => r.id.length));
    lines.push("  covered:");
    for (const r of covered) lines.push(`    ${r.id.padEnd(width)}  ${r.rules.join(", ")}`);
    lines.push("  not covered:");
    for (const r of missing) lines.push(`    ${r.id.padEnd(width)}  [${r.category ?? "unexplained"}] ${r.reason ?? "no reason recorded"}`);
  }
  return `${lines.join("\n")}\n`;
}

export function renderControlsJson(report: ControlsReport): string {
  return `${JSON.stringify({ pack: { name: PACK_NAME, version: PACK_VERSION }, ...report }, null, 2)}\n`;
}

export const controlsCommand: CommandModule<object, ControlsArgs> = {
  command: "controls",
  describe: "List the HIPAA paragraphs the pack's rules serve, and its coverage of the AWS Config and cdk-nag HIPAA rule sets",
  builder: (yargs) =>
    yargs
      .option("against", {
        describe: "Show coverage of this external rule set only (default: all)",
        choices: RULE_SET_IDS,
      })
      .option("format", {
        alias: "f",
        describe: "Output format",
        choices: ["text", "json"] as const,
        default: "text" as const,
      })
      .example("$0 controls", "paragraphs, rules and coverage of both external rule sets")
      .example("$0 controls --against aws-config-hipaa --format json", "coverage of the AWS Config conformance pack, as JSON") as never,
  handler: (args) => {
    const report = controlsReport(hipaaPolicies, args.against);
    process.stdout.write(args.format === "json" ? renderControlsJson(report) : renderControlsText(report));
  },
};
