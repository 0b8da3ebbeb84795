/**
 * Answers for provider functions (invokes) when no cloud is reachable: realistic values per
 * region, overridable per token in phiguard.yaml. An invoke without an answer is an error that
 * names the token; the planner never guesses.
 */
import { PhiguardError } from "../errors";
import { renderPolicyDocument } from "./policy-document";

export interface InvokeContext {
  /** The region the invoke runs against: its `region` argument, its provider's, or the stack's. */
  readonly region: string | undefined;
  readonly accountId: string;
}

export type InvokeAnswer = (args: Record<string, unknown>, ctx: InvokeContext) => Record<string, unknown>;

/** Zones per region as AWS lists them (opt-in regions included); others get three. */
const ZONE_LETTERS: Record<string, string> = {
  "us-east-1": "abcdef",
  "us-west-2": "abcd",
  "ap-northeast-1": "acd",
  "ap-northeast-2": "abcd",
  "ca-central-1": "abd",
  "sa-east-1": "abc",
};

export const DEFAULT_ACCOUNT_ID = "123456789012";

function requireRegion(ctx: InvokeContext, token: string): string {
  if (!ctx.region) {
    throw new PhiguardError(`invoke ${token}: no region: set aws:region in the stack config or pass region/provider`);
  }
  return ctx.region;
}

export function partitionOf(region: string | undefined): { partition: string; dnsSuffix: string; reverseDnsPrefix: string } {
  if (region?.startsWith("cn-")) return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" };
  if (region?.startsWith("us-gov-")) return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
  return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
}

const BUILT_IN: Record<string, InvokeAnswer> = {
  "aws:index/getAvailabilityZones:getAvailabilityZones": (_args, ctx) => {
    const region = requireRegion(ctx, "aws:index/getAvailabilityZones:getAvailabilityZones");
    const letters = [...(ZONE_LETTERS[region] ?? "abc")];
    const prefix = region.split("-").map((p) => p[0]).join("").replace(/\d/g, "");
    return {
      id: region,
      names: letters.map((l) => `${region}${l}`),
      zoneIds: letters.map((_l, i) => `${prefix}${region.replace(/\D/g, "")}-az${i + 1}`),
      groupNames: [region],
      state: "available",
    };
  },
  "aws:index/getCallerIdentity:getCallerIdentity": (_args, ctx) => ({
    id: ctx.accountId,
    accountId: ctx.accountId,
    arn: `arn:${partitionOf(ctx.region).partition}:iam::${ctx.accountId}:role/phiguard-offline`,
    userId: "AROAPHIGUARDOFFLINE:phiguard",
  }),
  "aws:index/getRegion:getRegion": (_args, ctx) => {
    const region = requireRegion(ctx, "aws:index/getRegion:getRegion");
    return {
      id: region,
      name: region,
      region,
      description: region,
      endpoint: `ec2.${region}.${partitionOf(region).dnsSuffix}`,
    };
  },
  "aws:index/getPartition:getPartition": (_args, ctx) => ({ id: partitionOf(ctx.region).partition, ...partitionOf(ctx.region) }),
  "aws:iam/getPolicyDocument:getPolicyDocument": (args) => renderPolicyDocument(args),
};

export class InvokeTable {
  private readonly overrides: Record<string, Record<string, unknown>>;

  constructor(overrides: Record<string, Record<string, unknown>> = {}) {
    this.overrides = overrides;
  }

  answer(token: string, args: Record<string, unknown>, ctx: InvokeContext): Record<string, unknown> {
    const override = this.overrides[token];
    if (override) return override;
    const builtIn = BUILT_IN[token];
    if (builtIn) return builtIn(args, ctx);
    throw new PhiguardError(
      `invoke ${token}: no offline answer; add it under "invokes:" in phiguard.yaml (token: result object)`,
    );
  }

  static builtInTokens(): string[] {
    return Object.keys(BUILT_IN).sort();
  }
}
