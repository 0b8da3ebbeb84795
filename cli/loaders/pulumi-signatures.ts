/**
 * Magic values of Pulumi's serialized property values (sdk/go/common/resource/sig/sig.go,
 * pkg/resource/stack/deployment.go, pkg/backend/display/json.go). They are part of Pulumi's
 * file formats and do not change between versions.
 */
export const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

export const SIGNATURE = {
  secret: "1b47061264138c4ac30d75fd1eb44270",
  asset: "c44067f5952c0a294b673a41bacd8c17",
  archive: "0def7320c3a5731c473e5ecbe6d01bc7",
  resourceReference: "5cf8f73096256a8f31e491e813e4eb8e",
  outputValue: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
  byteString: "803fd3297a5875dc03ca845dda5d2a98",
  /** NaN and ±Infinity, which JSON cannot hold, as the hex of their IEEE-754 bits. */
  float: "8ad145fe-0d11-4827-bfd7-1abcbf086f5c",
} as const;

/** A value that is computed during the update (`computedValuePlaceholder`). */
export const UNKNOWN_PLACEHOLDER = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** What `pulumi preview --json` writes instead of a secret value (and of a secret config value). */
export const BLINDED_SECRET = "[secret]";
