/**
 * The report formats of `phiguard check`, by name. Each renders the checks of one run (one per
 * stack) into one document.
 */
import { renderJson, REPORT_SCHEMA_VERSION } from "./json";
import { renderJunit } from "./junit";
import { renderMarkdown } from "./markdown";
import { renderSarif } from "./sarif";
import { renderText } from "./text";
import type { ReportContext, StackCheck } from "./model";

export const REPORT_FORMATS = ["text", "json", "sarif", "junit", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Other spellings accepted on the command line. */
export const FORMAT_ALIASES: Readonly<Record<string, ReportFormat>> = { md: "markdown", xml: "junit" };

export interface RenderOptions extends ReportContext {
  /** ANSI colours in the text report. @default false */
  readonly color?: boolean;
}

export function renderReport(format: ReportFormat, checks: readonly StackCheck[], options: RenderOptions = {}): string {
  switch (format) {
    case "text":
      return checks.map((c) => renderText(c.result, { color: options.color ?? false })).join("\n");
    case "json":
      return renderJsonReport(checks);
    case "sarif":
      return renderSarif(checks, options);
    case "junit":
      return renderJunit(checks);
    case "markdown":
      return renderMarkdown(checks);
  }
}

/**
 * One stack: the JSON report as it always was. Several: `{ schemaVersion, tool, passed, stacks }`
 * where each entry of `stacks` is one stack's report.
 */
function renderJsonReport(checks: readonly StackCheck[]): string {
  if (checks.length === 1) return renderJson(checks[0]!.result);
  const stacks = checks.map((c) => JSON.parse(renderJson(c.result)) as unknown);
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: "phiguard",
    passed: checks.every((c) => c.result.passed),
    stacks,
  };
  return JSON.stringify(report, null, 2) + "\n";
}

export type { ReportContext, StackCheck } from "./model";
