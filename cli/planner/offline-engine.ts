/**
 * Stands in for the Pulumi engine's log and root-resource services, so that what a program logs
 * through `pulumi.log` becomes plan diagnostics instead of noise on stdout.
 */
import type { PlanDiagnostic } from "../plan";

type Callback = (err: Error | null, resp?: unknown) => void;

/** pulumirpc.LogSeverity: DEBUG 0, INFO 1, WARNING 2, ERROR 3. */
const WARNING = 2;
const DEBUG = 0;

export class OfflineEngine {
  private rootUrn = "";

  constructor(private readonly diagnostics: PlanDiagnostic[]) {}

  log(req: { getSeverity(): number; getMessage(): string; getUrn(): string }, callback: Callback): void {
    const severity = req.getSeverity();
    if (severity !== DEBUG) {
      this.diagnostics.push({
        severity: severity >= WARNING ? "warning" : "info",
        message: req.getMessage(),
        ...(req.getUrn() ? { urn: req.getUrn() } : {}),
      });
    }
    callback(null, {});
  }

  getRootResource(_req: unknown, callback: Callback): void {
    callback(null, { getUrn: () => this.rootUrn });
  }

  setRootResource(req: { getUrn(): string }, callback: Callback): void {
    this.rootUrn = req.getUrn();
    callback(null, {});
  }
}
