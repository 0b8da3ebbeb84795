/**
 * Pulumi URNs (`urn:pulumi:<stack>::<project>::<qualified type>::<name>`) and provider
 * references (`<provider URN>::<provider id>`), read as Pulumi reads them
 * (sdk/go/common/resource/urn/urn.go, sdk/go/common/providers/reference.go).
 */
const PREFIX = "urn:pulumi:";
const DELIMITER = "::";

export interface UrnParts {
  readonly stack: string;
  readonly project: string;
  readonly qualifiedType: string;
  /** The resource's own type: the qualified type's last `$`-separated part (parents' types come first). */
  readonly type: string;
  /** Everything after the third delimiter: a name may itself contain `::`. */
  readonly name: string;
}

export function isUrn(text: string): boolean {
  return text.startsWith(PREFIX) && text.split(DELIMITER).length >= 4;
}

/** Only for strings that passed `isUrn`. */
export function parseUrn(urn: string): UrnParts {
  const [stack = "", project = "", qualifiedType = "", ...name] = urn.slice(PREFIX.length).split(DELIMITER);
  const type = qualifiedType.slice(qualifiedType.lastIndexOf("$") + 1);
  return { stack, project, qualifiedType, type, name: name.join(DELIMITER) };
}

/** The provider URN of a reference; the id after the last `::` may be unknown during a preview. */
export function providerUrnOf(reference: string): string | undefined {
  const cut = reference.lastIndexOf(DELIMITER);
  if (cut <= 0) return undefined;
  const urn = reference.slice(0, cut);
  return isUrn(urn) && isProviderType(parseUrn(urn).type) ? urn : undefined;
}

export function isProviderType(type: string): boolean {
  return type.startsWith("pulumi:providers:") && type.length > "pulumi:providers:".length;
}

/** Pulumi's `IsDefaultProvider`: a provider the engine made from stack config, not one the program gave. */
export function isDefaultProviderUrn(urn: string): boolean {
  const { type, name } = parseUrn(urn);
  return isProviderType(type) && name.startsWith("default");
}
