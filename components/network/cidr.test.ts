import * as fc from "fast-check";
import * as ipaddr from "ipaddr.js";
import { describe, expect, test } from "vitest";
import { allocateNetwork, nthSubnet, SUBNET_TIERS, type LayoutInput, type NetworkLayout, type SubnetTier } from "./cidr";
import { InvalidArgumentError, KNOWN_REGIONS } from "./regions";

/** Every CIDR of a layout as `where → cidr`. */
function allSubnets(layout: NetworkLayout): { where: string; cidr: string }[] {
  return layout.regions.flatMap((r) => r.subnets.map((s) => ({ where: `${r.region}/${s.tier}/${s.azIndex}`, cidr: s.cidr })));
}

/** Independent oracle (ipaddr.js, not cidr-tools): do two CIDRs share an address? */
function overlaps(a: string, b: string): boolean {
  const [addrA, lenA] = ipaddr.IPv4.parseCIDR(a);
  const [addrB, lenB] = ipaddr.IPv4.parseCIDR(b);
  return addrA.match(addrB, Math.min(lenA, lenB));
}

function inside(inner: string, outer: string): boolean {
  const [addrI, lenI] = ipaddr.IPv4.parseCIDR(inner);
  const [addrO, lenO] = ipaddr.IPv4.parseCIDR(outer);
  return lenI >= lenO && addrI.match(addrO, lenO);
}

describe("nthSubnet", () => {
  test("splits a block into equal subnets in address order", () => {
    expect([0, 1, 2, 3].map((i) => nthSubnet("10.0.0.0/16", 18, i))).toEqual([
      "10.0.0.0/18",
      "10.0.64.0/18",
      "10.0.128.0/18",
      "10.0.192.0/18",
    ]);
    expect(nthSubnet("10.0.0.0/8", 16, 255)).toBe("10.255.0.0/16");
    expect(nthSubnet("172.16.0.0/12", 28, 0)).toBe("172.16.0.0/28");
    expect(nthSubnet("192.168.0.0/16", 16, 0)).toBe("192.168.0.0/16");
  });

  test("refuses an index outside the block", () => {
    expect(() => nthSubnet("10.0.0.0/16", 18, 4)).toThrow(/holds 4 blocks of \/18; index 4 is out of range/);
    expect(() => nthSubnet("10.0.0.0/16", 15, 0)).toThrow(/cannot take a \/15 out of 10.0.0.0\/16/);
  });
});

describe("allocateNetwork: exact output", () => {
  test("three regions in a /12: one /16 VPC per region, /20 subnets in fixed tier and AZ slots", () => {
    const layout = allocateNetwork({
      supernet: "10.0.0.0/12",
      regions: ["us-east-1", "us-west-2", "eu-west-1"],
      tiers: ["isolated", "private", "public"],
      azCount: 3,
    });
    expect(layout.regionSlots).toBe(16);
    expect(layout.azSlots).toBe(4);
    expect(layout.regions.map((r) => [r.region, r.slot, r.vpcCidr])).toEqual([
      ["us-east-1", 0, "10.0.0.0/16"],
      ["us-west-2", 1, "10.1.0.0/16"],
      ["eu-west-1", 2, "10.2.0.0/16"],
    ]);
    expect(layout.regions[1]!.subnets.map((s) => `${s.tier}-${s.azIndex} ${s.cidr}`)).toEqual([
      "public-0 10.1.0.0/20",
      "public-1 10.1.16.0/20",
      "public-2 10.1.32.0/20",
      "private-0 10.1.64.0/20",
      "private-1 10.1.80.0/20",
      "private-2 10.1.96.0/20",
      "isolated-0 10.1.128.0/20",
      "isolated-1 10.1.144.0/20",
      "isolated-2 10.1.160.0/20",
    ]);
  });

  test("a /8 supernet: each region's /12 block holds a /16 VPC at its start", () => {
    const layout = allocateNetwork({ supernet: "10.0.0.0/8", regions: ["us-east-1", "eu-central-1"], tiers: ["private"], azCount: 2 });
    expect(layout.regions.map((r) => r.vpcCidr)).toEqual(["10.0.0.0/16", "10.16.0.0/16"]);
    expect(layout.regions[1]!.subnets.map((s) => s.cidr)).toEqual(["10.16.64.0/20", "10.16.80.0/20"]);
  });

  test("a /16 supernet with 4 region slots and 2 AZ slots", () => {
    const layout = allocateNetwork({
      supernet: "172.20.0.0/16",
      regions: ["us-east-2", "us-west-2"],
      tiers: ["private", "isolated"],
      azCount: 2,
      regionSlots: 4,
      azSlots: 2,
    });
    expect(layout.regions.map((r) => r.vpcCidr)).toEqual(["172.20.0.0/18", "172.20.64.0/18"]);
    expect(layout.regions[1]!.subnets.map((s) => `${s.tier}-${s.azIndex} ${s.cidr}`)).toEqual([
      "private-0 172.20.80.0/21",
      "private-1 172.20.88.0/21",
      "isolated-0 172.20.96.0/21",
      "isolated-1 172.20.104.0/21",
    ]);
  });

  test("a pinned VPC CIDR keeps its own address and gets the same tier/AZ layout", () => {
    const layout = allocateNetwork({
      supernet: "10.0.0.0/12",
      regions: ["us-east-1", "us-west-2"],
      tiers: ["private"],
      azCount: 1,
      vpcCidrs: { "us-west-2": "10.9.0.0/20" },
    });
    expect(layout.regions.map((r) => [r.vpcCidr, r.pinned])).toEqual([
      ["10.0.0.0/16", false],
      ["10.9.0.0/20", true],
    ]);
    expect(layout.regions[1]!.subnets.map((s) => s.cidr)).toEqual(["10.9.4.0/24"]);
  });
});

describe("allocateNetwork: invalid input says what was given and what is expected", () => {
  const base: LayoutInput = { supernet: "10.0.0.0/12", regions: ["us-east-1", "us-west-2"], tiers: ["private", "isolated"], azCount: 3 };
  const cases: [string, Partial<LayoutInput>, RegExp][] = [
    ["supernet too small", { supernet: "10.0.0.0/24" }, /supernet "10.0.0.0\/24" is too small for 2 region\(s\) × 2 tier\(s\) × 3 AZ\(s\).*needs a \/32 per subnet.*expected a supernet of \/20 or larger/],
    ["overlapping pinned CIDR", { vpcCidrs: { "us-west-2": "10.0.128.0/17" } }, /VPC CIDRs of us-east-1 \("10.0.0.0\/16", slot 0\) and us-west-2 \("10.0.128.0\/17", from vpcCidrs\) overlap/],
    ["pinned CIDR outside the supernet", { vpcCidrs: { "us-west-2": "192.168.0.0/16" } }, /"192.168.0.0\/16" is not inside the supernet "10.0.0.0\/12"/],
    ["pinned CIDR larger than a VPC", { vpcCidrs: { "us-west-2": "10.8.0.0/14" } }, /is a \/14; expected a VPC CIDR between \/16 and \/28/],
    ["pinned CIDR of an unlisted region", { vpcCidrs: { "eu-west-1": "10.8.0.0/16" } }, /names region "eu-west-1", which is not in regions/],
    ["host bits", { supernet: "10.0.0.1/12" }, /has host bits set; expected the network address, i.e. "10.0.0.0\/12"/],
    ["IPv6", { supernet: "fd00::/48" }, /is not an IPv4 CIDR/],
    ["zero AZs", { azCount: 0 }, /azCount 0 is invalid; expected a whole number of availability zones of at least 1/],
    ["more AZs than slots", { azCount: 5 }, /azCount 5 exceeds azSlots 4/],
    ["more regions than slots", { regionSlots: 1 }, /2 regions \[us-east-1, us-west-2\] do not fit in regionSlots 1/],
    ["slots not a power of two", { regionSlots: 6 }, /regionSlots 6 is invalid; expected .* power of two/],
    ["unknown tier", { tiers: ["private", "dmz" as SubnetTier] }, /unknown subnet tier "dmz"; expected one of public, private, isolated/],
    ["duplicate region", { regions: ["us-east-1", "us-east-1"] }, /region "us-east-1" is listed twice/],
    ["no regions", { regions: [] }, /no regions given/],
  ];
  test.each(cases)("%s", (_label, change, message) => {
    expect(() => allocateNetwork({ ...base, ...change })).toThrow(InvalidArgumentError);
    expect(() => allocateNetwork({ ...base, ...change })).toThrow(message);
  });
});

describe("allocateNetwork: properties", () => {
  const tiersArb = fc.subarray([...SUBNET_TIERS], { minLength: 1 });
  const inputArb = fc
    .record({
      octets: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })),
      prefix: fc.integer({ min: 8, max: 22 }),
      regionSlots: fc.constantFrom(1, 2, 4, 8, 16, 32),
      azSlots: fc.constantFrom(1, 2, 4, 8),
      regions: fc.uniqueArray(fc.constantFrom(...KNOWN_REGIONS), { minLength: 1, maxLength: 8 }),
      tiers: tiersArb,
      azCount: fc.integer({ min: 1, max: 8 }),
    })
    .map(({ octets, prefix, regionSlots, azSlots, regions, tiers, azCount }) => {
      const supernet = `${ipaddr.IPv4.networkAddressFromCIDR(`${octets.join(".")}.0/${prefix}`).toString()}/${prefix}`;
      return {
        supernet,
        regionSlots,
        azSlots,
        regions: regions.slice(0, regionSlots),
        tiers,
        azCount: Math.min(azCount, azSlots),
      } satisfies LayoutInput;
    });

  /** Allocates, or returns undefined when the supernet is (correctly) reported too small. */
  function tryAllocate(input: LayoutInput): NetworkLayout | undefined {
    try {
      return allocateNetwork(input);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(/too small/);
      return undefined;
    }
  }

  test("every VPC is inside the supernet, every subnet inside its VPC, nothing overlaps, sizes are AWS-valid", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const layout = tryAllocate(input);
        if (!layout) return;
        const vpcs = layout.regions.map((r) => r.vpcCidr);
        for (const region of layout.regions) {
          expect(inside(region.vpcCidr, input.supernet)).toBe(true);
          expect(region.subnets).toHaveLength(input.tiers.length * input.azCount);
          for (const subnet of region.subnets) {
            expect(inside(subnet.cidr, region.vpcCidr)).toBe(true);
            const prefix = Number(subnet.cidr.split("/")[1]);
            expect(prefix).toBeGreaterThanOrEqual(16);
            expect(prefix).toBeLessThanOrEqual(28);
          }
        }
        for (let i = 0; i < vpcs.length; i++) for (let j = i + 1; j < vpcs.length; j++) expect(overlaps(vpcs[i]!, vpcs[j]!)).toBe(false);
        const subnets = allSubnets(layout);
        for (let i = 0; i < subnets.length; i++) {
          for (let j = i + 1; j < subnets.length; j++) {
            if (overlaps(subnets[i]!.cidr, subnets[j]!.cidr)) {
              throw new Error(`${subnets[i]!.where} ${subnets[i]!.cidr} overlaps ${subnets[j]!.where} ${subnets[j]!.cidr}`);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test("is deterministic", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const layout = tryAllocate(input);
        if (layout) expect(allocateNetwork(input)).toEqual(layout);
      }),
      { numRuns: 50 },
    );
  });

  test("adding a region never renumbers existing ones", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...KNOWN_REGIONS), (input, extra) => {
        fc.pre(!input.regions.includes(extra) && input.regions.length < input.regionSlots);
        const before = tryAllocate(input);
        if (!before) return;
        const after = allocateNetwork({ ...input, regions: [...input.regions, extra] });
        expect(after.regions.slice(0, before.regions.length)).toEqual(before.regions);
      }),
      { numRuns: 200 },
    );
  });

  test("adding a tier never renumbers existing subnets", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...SUBNET_TIERS), (input, extra) => {
        fc.pre(!input.tiers.includes(extra));
        const before = tryAllocate(input);
        if (!before) return;
        const after = allocateNetwork({ ...input, tiers: [...input.tiers, extra] });
        after.regions.forEach((region, i) => {
          expect(region.vpcCidr).toBe(before.regions[i]!.vpcCidr);
          expect(region.subnets.filter((s) => s.tier !== extra)).toEqual(before.regions[i]!.subnets);
        });
      }),
      { numRuns: 200 },
    );
  });

  test("adding an AZ never renumbers existing subnets", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.azCount < input.azSlots);
        const before = tryAllocate(input);
        if (!before) return;
        const after = allocateNetwork({ ...input, azCount: input.azCount + 1 });
        after.regions.forEach((region, i) => {
          expect(region.subnets.filter((s) => s.azIndex < input.azCount)).toEqual(before.regions[i]!.subnets);
        });
      }),
      { numRuns: 200 },
    );
  });
});
