/**
 * The phiguard HIPAA policy pack: the AWS, Kubernetes/EKS, data-residency and account-root rules, as plain
 * `@pulumi/policy` policies. Constructing a `PolicyPack` starts a gRPC server, so only the pack's
 * entry (`./pack/index.ts`) does that; everything else imports this array.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PhiguardPolicy } from "../engine/rule";
import { awsRules } from "./rules/aws";
import { kubernetesRules } from "./rules/kubernetes";
import { residencyRules } from "./rules/residency";
import { accountRules } from "./rules/account";

export const PACK_NAME = "phiguard-hipaa";

/** The version of the phiguard package (its package.json), found from here in the sources or in `dist/`. */
export const PACK_VERSION: string = readPackageVersion(__dirname);

function readPackageVersion(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "phiguard" && typeof pkg.version === "string") return pkg.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`phiguard: cannot find phiguard's package.json above ${start}`);
  }
}

/** Every rule of the pack, sorted by name. */
export const hipaaPolicies: PhiguardPolicy[] = [...awsRules, ...kubernetesRules, ...residencyRules, ...accountRules].sort((a, b) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
);

export { awsRules } from "./rules/aws";
export { kubernetesRules } from "./rules/kubernetes";
export { residencyRules } from "./rules/residency";
export { accountRules } from "./rules/account";
export { HIPAA_PARAGRAPHS, hipaaParagraph, isKnownParagraph } from "./controls";
export type { HipaaDesignation, HipaaParagraph } from "./controls";
