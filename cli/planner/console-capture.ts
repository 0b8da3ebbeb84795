/**
 * While a program runs, whatever it (or the SDK, which has no engine to talk to) prints becomes
 * plan diagnostics: stdout belongs to phiguard's report, which must stay parseable.
 */
import type { PlanDiagnostic } from "../plan";
import { format } from "node:util";

type ConsoleMethod = "log" | "info" | "warn" | "error" | "debug";
const METHODS: readonly ConsoleMethod[] = ["log", "info", "warn", "error", "debug"];

export function captureConsole(into: PlanDiagnostic[]): () => void {
  const saved = METHODS.map((m) => [m, console[m]] as const);
  for (const method of METHODS) {
    console[method] = (...args: unknown[]) => {
      into.push({ severity: method === "warn" || method === "error" ? "warning" : "info", message: format(...args) });
    };
  }
  return () => {
    for (const [method, fn] of saved) console[method] = fn;
  };
}
