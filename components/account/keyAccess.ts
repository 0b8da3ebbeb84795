/**
 * Checks that an `EnvelopeKey`'s policy lets an AWS service use the key, as pure functions over the
 * policy document, and `checkedKeyArn`, which fails the program with a message saying what to add
 * when the key's policy is known (it is at preview unless the role lists are outputs) and lacks it.
 */
import * as pulumi from "@pulumi/pulumi";
import type { EnvelopeKey } from "../keys";
import { dnsSuffixOf, InvalidArgumentError } from "../network/regions";

interface Statement {
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly Action?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

function statementsOf(policyJson: string): Statement[] {
  const doc = JSON.parse(policyJson) as { Statement?: Statement | Statement[] };
  return Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

function allows(statement: Statement, actions: readonly string[]): boolean {
  const granted = asList(statement.Action);
  return actions.every((action) => granted.includes(action) || granted.includes("kms:*"));
}

/** True when the key policy lets the service principal `service` (e.g. `cloudwatch.amazonaws.com`) perform `actions`. */
export function keyPolicyAllowsServicePrincipal(policyJson: string, service: string, actions: readonly string[]): boolean {
  return statementsOf(policyJson).some((s) => {
    if (s.Effect !== "Allow" || s.Principal === null || typeof s.Principal !== "object") return false;
    return asList((s.Principal as { Service?: unknown }).Service).includes(service) && allows(s, actions);
  });
}

/** True when the key policy lets callers of the account use the key through `viaService` (e.g. `ec2.us-east-1.amazonaws.com`). */
export function keyPolicyAllowsViaService(policyJson: string, viaService: string, actions: readonly string[]): boolean {
  return statementsOf(policyJson).some((s) => {
    if (s.Effect !== "Allow") return false;
    const via = Object.values(s.Condition ?? {}).flatMap((entries) => asList(entries["kms:ViaService"]));
    return via.includes(viaService) && allows(s, actions);
  });
}

/** The `kms:ViaService` value of `service` in `region`, e.g. `ec2.us-east-1.amazonaws.com`. */
export function viaServiceOf(service: string, region: string): string {
  return `${service}.${region}.${dnsSuffixOf(region)}`;
}

/**
 * The key's ARN in `region`, failing with `message` when the key's policy there is known and
 * `allowed(policyJson)` is false. The output still depends on the key resource.
 */
export function checkedKeyArn(key: EnvelopeKey, region: string, allowed: (policyJson: string) => boolean, message: string): pulumi.Output<string> {
  const arn = key.arnFor(region);
  const policy = key.policies[region];
  if (policy === undefined) return arn;
  const verdict = policy.apply((json) => {
    if (!allowed(json)) throw new InvalidArgumentError(message);
    return true;
  });
  return pulumi.all([arn, verdict]).apply(([value]) => value);
}
