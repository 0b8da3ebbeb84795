/**
 * The deterministic CIDR allocator of `MultiRegionNetwork`: a pure function from a supernet and a
 * layout to every VPC and subnet CIDR.
 *
 * Layout, from the outside in (every index is a fixed slot, so adding a region, a tier or an AZ
 * never renumbers what exists):
 *
 * 1. the supernet is split into `regionSlots` equal blocks; region `i` of the `regions` list
 *    (append-only) owns block `i`. A VPC is that block, or the block's first /16 when the block is
 *    larger than AWS's largest VPC (/16). `vpcCidrs` pins a region to an explicit CIDR instead;
 * 2. each VPC is split into 4 equal tier blocks, by the fixed slot table `TIER_SLOTS`
 *    (public 0, private 1, isolated 2, 3 reserved for a future tier);
 * 3. each tier block is split into `azSlots` equal subnets; the subnet of the AZ at index `j`
 *    (in the region's AZ order) is slot `j`.
 *
 * All CIDR math is done by `cidr-tools` (split a block by excluding its lower half) and
 * `ipaddr.js` (parsing and validation); there is no bit arithmetic here.
 */
import { containsCidr, excludeCidr, normalizeCidr, overlapCidr } from "cidr-tools";
import * as ipaddr from "ipaddr.js";
import { InvalidArgumentError } from "./regions";

/** Subnet tiers, in the order of their fixed slots. */
export const SUBNET_TIERS = ["public", "private", "isolated"] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/** The fixed tier slot table. Never reorder: it is the address plan of every deployed network. */
export const TIER_SLOTS: Readonly<Record<SubnetTier, number>> = Object.freeze({ public: 0, private: 1, isolated: 2 });
/** Tier blocks per VPC (slot 3 is reserved for a future tier). */
export const TIER_SLOT_COUNT = 4;

/** @default 16 region slots */
export const DEFAULT_REGION_SLOTS = 16;
/** @default 4 AZ slots per tier */
export const DEFAULT_AZ_SLOTS = 4;

/** AWS limits on a VPC's or subnet's IPv4 CIDR. */
export const AWS_LARGEST_PREFIX = 16;
export const AWS_SMALLEST_PREFIX = 28;

export interface LayoutInput {
  /** IPv4 supernet every VPC is carved from, e.g. `10.0.0.0/12`. */
  readonly supernet: string;
  /** Regions in slot order (append-only). Names are opaque here; the component validates them. */
  readonly regions: readonly string[];
  /** Tiers to lay out; their slots come from `TIER_SLOTS`, not from this order. */
  readonly tiers: readonly SubnetTier[];
  /** AZs per region (subnets per tier). */
  readonly azCount: number;
  /** Equal blocks the supernet is split into, a power of two. @default 16 */
  readonly regionSlots?: number;
  /** Subnet slots per tier, a power of two, at least `azCount`. @default 4 */
  readonly azSlots?: number;
  /** Explicit VPC CIDRs for some regions (inside the supernet, not overlapping any other VPC). @default none: every VPC comes from its region slot */
  readonly vpcCidrs?: Readonly<Record<string, string>>;
}

export interface SubnetLayout {
  readonly tier: SubnetTier;
  /** Index of the AZ in the region's AZ list. */
  readonly azIndex: number;
  readonly cidr: string;
}

export interface RegionLayout {
  readonly region: string;
  /** Index of the region in `regions`, i.e. its slot in the supernet. */
  readonly slot: number;
  readonly vpcCidr: string;
  /** true when the VPC CIDR came from `vpcCidrs` instead of the slot. */
  readonly pinned: boolean;
  /** Tier-major, AZ-minor: every requested tier × AZ, sorted by tier slot then AZ index. */
  readonly subnets: readonly SubnetLayout[];
}

export interface NetworkLayout {
  readonly supernet: string;
  readonly regionSlots: number;
  readonly azSlots: number;
  readonly regions: readonly RegionLayout[];
}

/**
 * Allocates every VPC and subnet CIDR. Throws `InvalidArgumentError` naming what was given and
 * what is expected when the input cannot be laid out.
 */
export function allocateNetwork(input: LayoutInput): NetworkLayout {
  const regionSlots = input.regionSlots ?? DEFAULT_REGION_SLOTS;
  const azSlots = input.azSlots ?? DEFAULT_AZ_SLOTS;
  const supernet = parseIpv4Cidr("supernet", input.supernet);

  checkPowerOfTwo("regionSlots", regionSlots, "slots the supernet is split into");
  checkPowerOfTwo("azSlots", azSlots, "subnet slots per tier");
  if (!Number.isInteger(input.azCount) || input.azCount < 1) {
    throw new InvalidArgumentError(`azCount ${String(input.azCount)} is invalid; expected a whole number of availability zones of at least 1.`);
  }
  if (input.azCount > azSlots) {
    throw new InvalidArgumentError(
      `azCount ${input.azCount} exceeds azSlots ${azSlots}; expected azCount <= azSlots (raise azSlots only for a new network: it renumbers every subnet).`,
    );
  }
  if (input.regions.length > regionSlots) {
    throw new InvalidArgumentError(
      `${input.regions.length} regions [${input.regions.join(", ")}] do not fit in regionSlots ${regionSlots}; expected at most ${regionSlots} regions (raise regionSlots only for a new network: it renumbers every VPC).`,
    );
  }
  if (input.regions.length === 0) {
    throw new InvalidArgumentError(`no regions given; expected at least one region name.`);
  }
  const duplicateRegion = input.regions.find((r, i) => input.regions.indexOf(r) !== i);
  if (duplicateRegion !== undefined) {
    throw new InvalidArgumentError(`region "${duplicateRegion}" is listed twice in regions [${input.regions.join(", ")}]; expected each region once.`);
  }
  if (input.tiers.length === 0) {
    throw new InvalidArgumentError(`no subnet tiers given; expected at least one of ${SUBNET_TIERS.join(", ")}.`);
  }
  for (const [i, tier] of input.tiers.entries()) {
    if (!(SUBNET_TIERS as readonly string[]).includes(tier)) {
      throw new InvalidArgumentError(`unknown subnet tier "${String(tier)}"; expected one of ${SUBNET_TIERS.join(", ")}.`);
    }
    if (input.tiers.indexOf(tier) !== i) {
      throw new InvalidArgumentError(`subnet tier "${tier}" is listed twice in [${input.tiers.join(", ")}]; expected each tier once.`);
    }
  }
  const pins = input.vpcCidrs ?? {};
  for (const region of Object.keys(pins)) {
    if (!input.regions.includes(region)) {
      throw new InvalidArgumentError(
        `vpcCidrs names region "${region}", which is not in regions [${input.regions.join(", ")}]; expected only listed regions.`,
      );
    }
  }

  const regionBits = log2(regionSlots);
  const regionPrefix = supernet.prefix + regionBits;
  const tierBits = log2(TIER_SLOT_COUNT);
  const azBits = log2(azSlots);
  const asked = `${input.regions.length} region(s) × ${input.tiers.length} tier(s) × ${input.azCount} AZ(s)`;
  const layoutDesc = `regionSlots ${regionSlots} × ${TIER_SLOT_COUNT} tier slots × azSlots ${azSlots}`;

  const vpcs = input.regions.map((region, slot) => {
    const pin = pins[region];
    if (pin !== undefined) {
      const cidr = parseIpv4Cidr(`vpcCidrs["${region}"]`, pin);
      if (cidr.prefix < AWS_LARGEST_PREFIX || cidr.prefix > AWS_SMALLEST_PREFIX) {
        throw new InvalidArgumentError(
          `vpcCidrs["${region}"] "${pin}" is a /${cidr.prefix}; expected a VPC CIDR between /${AWS_LARGEST_PREFIX} and /${AWS_SMALLEST_PREFIX}, as AWS allows.`,
        );
      }
      if (!containsCidr(supernet.cidr, cidr.cidr)) {
        throw new InvalidArgumentError(`vpcCidrs["${region}"] "${pin}" is not inside the supernet "${supernet.cidr}"; expected a CIDR within it.`);
      }
      return { region, slot, vpcCidr: cidr.cidr, vpcPrefix: cidr.prefix, pinned: true };
    }
    if (regionPrefix > AWS_SMALLEST_PREFIX - tierBits - azBits) {
      throw new InvalidArgumentError(
        `supernet "${input.supernet}" is too small for ${asked}: the layout (${layoutDesc}) needs a /${regionPrefix + tierBits + azBits} per subnet, smaller than the /${AWS_SMALLEST_PREFIX} AWS allows; expected a supernet of /${AWS_SMALLEST_PREFIX - tierBits - azBits - regionBits} or larger, or fewer regionSlots/azSlots.`,
      );
    }
    const block = nthSubnet(supernet.cidr, regionPrefix, slot);
    const vpcPrefix = Math.max(regionPrefix, AWS_LARGEST_PREFIX);
    const vpcCidr = vpcPrefix === regionPrefix ? block : nthSubnet(block, vpcPrefix, 0);
    return { region, slot, vpcCidr, vpcPrefix, pinned: false };
  });

  for (let i = 0; i < vpcs.length; i++) {
    for (let j = i + 1; j < vpcs.length; j++) {
      const a = vpcs[i]!;
      const b = vpcs[j]!;
      if (overlapCidr(a.vpcCidr, b.vpcCidr)) {
        throw new InvalidArgumentError(
          `the VPC CIDRs of ${a.region} ("${a.vpcCidr}"${a.pinned ? ", from vpcCidrs" : `, slot ${a.slot}`}) and ${b.region} ("${b.vpcCidr}"${b.pinned ? ", from vpcCidrs" : `, slot ${b.slot}`}) overlap; expected disjoint VPC CIDRs (peered VPCs cannot overlap): pin a CIDR outside the other regions' slots.`,
        );
      }
    }
  }

  const tiers = [...input.tiers].sort((a, b) => TIER_SLOTS[a] - TIER_SLOTS[b]);
  const regions = vpcs.map(({ region, slot, vpcCidr, vpcPrefix, pinned }): RegionLayout => {
    const subnetPrefix = vpcPrefix + tierBits + azBits;
    if (subnetPrefix > AWS_SMALLEST_PREFIX) {
      throw new InvalidArgumentError(
        `vpcCidrs["${region}"] "${vpcCidr}" is too small for ${input.tiers.length} tier(s) × ${input.azCount} AZ(s): the layout (${TIER_SLOT_COUNT} tier slots × azSlots ${azSlots}) needs a /${subnetPrefix} per subnet, smaller than the /${AWS_SMALLEST_PREFIX} AWS allows; expected a VPC CIDR of /${AWS_SMALLEST_PREFIX - tierBits - azBits} or larger.`,
      );
    }
    const subnets: SubnetLayout[] = [];
    for (const tier of tiers) {
      const tierBlock = nthSubnet(vpcCidr, vpcPrefix + tierBits, TIER_SLOTS[tier]);
      for (let azIndex = 0; azIndex < input.azCount; azIndex++) {
        subnets.push({ tier, azIndex, cidr: nthSubnet(tierBlock, subnetPrefix, azIndex) });
      }
    }
    return { region, slot, vpcCidr, pinned, subnets };
  });

  return { supernet: supernet.cidr, regionSlots, azSlots, regions };
}

/**
 * The `index`-th block of prefix length `prefix` inside `cidr` (0-based, in address order).
 * Walks down the binary tree of halves: the lower half of `a.b.c.d/n` is `a.b.c.d/n+1`, the upper
 * half is what `excludeCidr` leaves of the block once the lower half is removed.
 */
export function nthSubnet(cidr: string, prefix: number, index: number): string {
  const [network, ownPrefix] = splitCidr(cidr);
  const depth = prefix - ownPrefix;
  if (depth < 0 || prefix > 32) throw new RangeError(`cannot take a /${prefix} out of ${cidr}`);
  const path = depth === 0 ? "" : index.toString(2).padStart(depth, "0");
  if (!Number.isInteger(index) || index < 0 || path.length > depth) {
    throw new RangeError(`${cidr} holds ${2 ** depth} blocks of /${prefix}; index ${index} is out of range`);
  }
  let current: string = normalizeCidr(`${network}/${ownPrefix}`);
  for (const step of path) {
    const [base, bits] = splitCidr(current);
    const lower = `${base}/${bits + 1}`;
    if (step === "0") {
      current = lower;
    } else {
      const rest = excludeCidr(current, lower);
      if (rest.length !== 1) throw new Error(`unexpected split of ${current}: ${rest.join(", ")}`);
      current = rest[0]!;
    }
  }
  return current;
}

function splitCidr(cidr: string): [string, number] {
  const [address, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  return [address.toString(), prefix];
}

function parseIpv4Cidr(field: string, value: string): { cidr: string; prefix: number } {
  if (typeof value !== "string" || !ipaddr.IPv4.isValidCIDRFourPartDecimal(value)) {
    throw new InvalidArgumentError(
      `${field} "${String(value)}" is not an IPv4 CIDR; expected dotted-quad notation with a prefix length, e.g. "10.0.0.0/12" (IPv6 supernets are not supported).`,
    );
  }
  const [, prefix] = ipaddr.IPv4.parseCIDR(value);
  const network = `${ipaddr.IPv4.networkAddressFromCIDR(value).toString()}/${prefix}`;
  if (network !== value) {
    throw new InvalidArgumentError(`${field} "${value}" has host bits set; expected the network address, i.e. "${network}".`);
  }
  return { cidr: network, prefix };
}

function checkPowerOfTwo(field: string, value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1 || !Number.isInteger(Math.log2(value))) {
    throw new InvalidArgumentError(`${field} ${String(value)} is invalid; expected the number of ${what} as a power of two (1, 2, 4, 8, 16, ...).`);
  }
}

function log2(powerOfTwo: number): number {
  return Math.round(Math.log2(powerOfTwo));
}
