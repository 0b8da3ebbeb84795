import { allowedRegistryOf, isFixedTag, parseImage } from "./image-reference";
import { containersOf, podSpecRule } from "./pod-spec";
import { asStrings } from "./support";

export { fromRegistry, parseImage } from "./image-reference";

interface Config {
  /**
   * Registries (optionally with a path prefix) whose images may be referenced by a fixed tag instead
   * of a digest, because the registry enforces immutable tags (an ECR repository with
   * `imageTagMutability: "IMMUTABLE"`). `*` matches within one path segment, e.g.
   * `*.dkr.ecr.*.amazonaws.com`. @default [] (every image needs a digest)
   */
  readonly allowedRegistries?: readonly string[];
}

/**
 * Matched against `@<digest>`: unlike `SHA256_DIGEST` (used by `checkImage`), this also passes a
 * digest part that merely ends in `@sha256:<64 hex>` (an image with two `@`). Kept as it was.
 */
const DIGEST = /@sha256:[0-9a-f]{64}$/;

/** Checkov CKV_K8S_43 (digest) and CKV_K8S_14 (no latest/blank tag); CIS EKS 5.1.4 (approved registries). */
export default podSpecRule({
  name: "k8s-image-pinned-by-digest",
  description:
    "Container images must be pinned by digest (image@sha256:...), or come with a fixed, non-latest tag from a registry listed in allowedRegistries (one with immutable tags), so what runs is exactly what was scanned and approved.",
  hipaa: ["164.312(c)(1)"],
  controls: { checkov: ["CKV_K8S_43", "CKV_K8S_14"], cis: ["5.1.4"] },
  remediation:
    "Reference images by digest (`repo@sha256:<digest>`, e.g. from `aws.ecr.getImage(...).imageDigest`), or list your immutable-tag ECR registry in this rule's `allowedRegistries` config and use a fixed version tag. Deploy through phiguard's `SecureWorkload` with a digest-pinned image.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      allowedRegistries: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
          "Registries (with optional path prefix, `*` within a segment) whose images may use a fixed non-latest tag instead of a digest.",
      },
    },
  },
  check: ({ pod, args, report }) => {
    const registries = asStrings(args.getConfig<Config>().allowedRegistries);
    for (const c of containersOf(pod)) {
      const image = c.container.image;
      if (typeof image !== "string" || image.trim() === "") {
        report(`${c.label} has no image.`);
        continue;
      }
      const ref = parseImage(image);
      if (ref.digest !== undefined && DIGEST.test(`@${ref.digest}`)) continue;
      const registry = allowedRegistryOf(ref.name, registries);
      if (registry !== undefined) {
        if (!isFixedTag(ref.tag)) {
          report(`${c.label} image "${image}" is from allowed registry "${registry}" but has no fixed tag (blank or latest).`);
        }
        continue;
      }
      report(
        registries.length > 0
          ? `${c.label} image "${image}" is not pinned by digest and is not from an allowed registry (${registries.join(", ")}).`
          : `${c.label} image "${image}" is not pinned by digest (@sha256:...).`,
      );
    }
  },
});
