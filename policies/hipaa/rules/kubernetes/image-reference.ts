/**
 * How phiguard reads a container image reference, shared by the pack's `k8s-image-pinned-by-digest`
 * rule and the cluster components' `checkImage` so both accept and reject the same images. Pure:
 * no imports, so components may use it without pulling in the rule pack.
 */

/** The parts of an image reference `registry/path:tag@digest`. */
export interface ImageReference {
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** A digest as it follows the `@`: `sha256:` and 64 lower-case hex digits. */
export const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The parts of an image reference `registry/path:tag@digest`. */
export function parseImage(image: string): ImageReference {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { name: rest, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** True when the image name lies under the registry prefix (`*` matches within one path segment). */
export function fromRegistry(name: string, registry: string): boolean {
  const prefix = registry.replace(/\/+$/, "");
  if (prefix === "") return false;
  const pattern = prefix
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]*");
  return new RegExp(`^${pattern}/`).test(name);
}

/** The first of `registries` the image name lies under, if any. */
export function allowedRegistryOf(name: string, registries: readonly string[]): string | undefined {
  return registries.find((r) => fromRegistry(name, r));
}

/** True when the tag is a fixed version: present, not blank and not `latest`. */
export function isFixedTag(tag: string | undefined): boolean {
  return tag !== undefined && tag !== "" && tag !== "latest";
}
