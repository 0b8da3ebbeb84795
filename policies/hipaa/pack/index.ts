/**
 * The policy pack entry the Pulumi CLI runs: `pulumi preview --policy-pack policies/hipaa/pack`.
 *
 * The CLI starts this program (through `pulumi-analyzer-policy`, with this folder as working
 * directory and its package.json's `main`, the compiled `dist/policies/hipaa/pack/index.js`), and
 * `new PolicyPack(...)` starts the gRPC server the CLI talks to. Nothing else may import this file.
 *
 * Per-rule enforcement levels and waivers come from the pack config
 * (`pulumi preview --policy-pack-config config.json`), e.g.
 * `{ "all": "mandatory", "s3-bucket-access-logging-enabled": { "waivers": [{ "resource": "access-logs",
 * "reason": "...", "approver": "...", "expires": "2026-03-31" }] } }`.
 */
import { PolicyPack } from "@pulumi/policy";
import { hipaaPolicies, PACK_NAME } from "..";
import { crossGuardPolicies } from "./crossguard";

new PolicyPack(PACK_NAME, {
  displayName: "phiguard HIPAA",
  description:
    "HIPAA Security Rule safeguards for Pulumi programs on AWS and EKS: encryption, network exposure, audit logging, backups, least privilege and Kubernetes workload hardening.",
  policies: crossGuardPolicies(hipaaPolicies),
  enforcementLevel: "advisory",
});
