/**
 * The `diagnostics` of a preview digest (`PreviewDiagnostic` in pkg/display/json.go). Program
 * output and warnings pass into the Plan; an error means the preview failed, and a failed preview
 * is not a plan of anything, so loading stops (fail closed).
 */
import { z } from "zod";
import type { PlanDiagnostic } from "../plan";
import { fieldError } from "./field-errors";

/** `diag.Severity` values (sdk/go/common/diag/sink.go). */
export const previewDiagnosticSchema = z.object({
  urn: z.string().nullish(),
  message: z.string().nullish(),
  severity: z.enum(["debug", "info", "info#err", "warning", "error"]).nullish(),
});

type PreviewDiagnostic = z.output<typeof previewDiagnosticSchema>;

const SHOWN_CHARS = 300;

export function toPlanDiagnostics(diagnostics: readonly PreviewDiagnostic[], file: string): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  diagnostics.forEach((diagnostic, index) => {
    const message = (diagnostic.message ?? "").trim();
    if (diagnostic.severity === "error") {
      const shown = message.length > SHOWN_CHARS ? `${message.slice(0, SHOWN_CHARS)}…` : message;
      throw fieldError(file, ["diagnostics", index], `the preview failed, so it plans nothing: ${shown}`);
    }
    if (diagnostic.severity === "debug" || message === "") return;
    out.push({
      severity: diagnostic.severity === "warning" ? "warning" : "info",
      message,
      ...(diagnostic.urn ? { urn: diagnostic.urn } : {}),
    });
  });
  return out;
}
