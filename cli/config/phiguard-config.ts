/**
 * `phiguard.yaml`: the gate's own settings, kept next to the Pulumi project. Every key is
 * optional; an unknown key, a wrong type or a rule that does not exist is an error naming it.
 *
 * ```yaml
 * stack: prod                 # default stack when --stack is not given
 * timeoutSeconds: 60          # a program still running then is reported as hung
 * accountId: "123456789012"   # what getCallerIdentity answers offline
 * invokes:                    # offline answers for provider functions, by token
 *   aws:ec2/getAmi:getAmi: { id: ami-0123456789abcdef0 }
 * enforcement:                # per-rule level: advisory | mandatory | disabled ("all" for every rule)
 *   lambda-function-in-vpc: advisory
 * policyConfig:               # per-rule settings, as `pulumi preview --policy-pack-config` takes them
 *   kubernetes-image-from-allowed-registry: { registries: ["123456789012.dkr.ecr.us-east-1.amazonaws.com"] }
 * stackTags: { owner: platform }
 * waivers:                    # accepted risks; expired, reasonless or unmatched ones are findings
 *   - rule: s3-bucket-replication-enabled
 *     resource: "scratch-*"      # URN, resource name, or glob over either
 *     reason: Scratch data is regenerated nightly from the archive; no copy is needed.
 *     approver: security-officer@example.org
 *     expires: 2027-03-31
 * ```
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { PhiguardError, messageOf } from "../errors";
import { waiverSchema } from "../../policies/engine/waivers";

const enforcementLevel = z.enum(["advisory", "mandatory", "disabled"]);

export const phiguardConfigSchema = z
  .object({
    stack: z.string().min(1).optional(),
    timeoutSeconds: z.number().positive().max(3600).optional(),
    accountId: z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account ID").optional(),
    invokes: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    enforcement: z.record(z.string(), enforcementLevel).optional(),
    policyConfig: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    stackTags: z.record(z.string(), z.string()).optional(),
    waivers: waiverSchema.optional(),
  })
  .strict();

export type PhiguardConfig = z.infer<typeof phiguardConfigSchema>;

export const CONFIG_FILE_NAME = "phiguard.yaml";

/**
 * Reads `file` if given (it must exist), else `<dir>/phiguard.yaml` if present, else defaults.
 */
export function loadPhiguardConfig(dir: string, file?: string): { config: PhiguardConfig; file?: string } {
  const target = file ? path.resolve(file) : path.join(dir, CONFIG_FILE_NAME);
  if (!fs.existsSync(target)) {
    if (file) throw new PhiguardError(`${file}: not found`);
    return { config: {} };
  }
  let doc: unknown;
  try {
    doc = parseYaml(fs.readFileSync(target, "utf8"));
  } catch (error) {
    throw new PhiguardError(`${displayPath(target)}: not valid YAML: ${messageOf(error)}`);
  }
  const result = phiguardConfigSchema.safeParse(doc ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "(document)";
    const detail = issue?.code === "unrecognized_keys" ? `unknown key(s) ${issue.keys.join(", ")}` : issue?.message;
    throw new PhiguardError(`${displayPath(target)}: ${where}: ${detail ?? "invalid"}`);
  }
  return { config: result.data, file: target };
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}
