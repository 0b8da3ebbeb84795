package phiguard

import rego.v1

# METADATA
# title: eks-endpoint-private-access
# description: "The EKS API endpoint must be reachable privately (vpcConfig.endpointPrivateAccess: true) and not from the whole internet: endpointPublicAccess false, or public access restricted to listed CIDRs, never 0.0.0.0/0 (the default when publicAccessCidrs is not set)."
deny_eks_endpoint_private_access contains msg if some msg in analyzer_messages("eks-endpoint-private-access")

eks_endpoint_private_access(r) := array.concat(unk(vpc), _eks_endpoint(_or_empty(vpc))) if {
	vpc := rd(r.props, props_at(r), ["vpcConfig"])
}

_eks_endpoint(vpc) := [] if {
	vpc.k == "unk"
} else := array.concat(
	array.concat(unk(private), [{"m": "vpcConfig.endpointPrivateAccess is not true: nodes and operators reach the API only over the internet."} |
		private.k != "unk"
		not is_val(private, true)
	]),
	_eks_public_endpoint(vpc),
) if {
	private := rd_key(vpc, "endpointPrivateAccess")
}

_eks_public_endpoint(vpc) := unk(public) if {
	public := rd_key(vpc, "endpointPublicAccess")
	public.k == "unk"
} else := [] if {
	is_val(rd_key(vpc, "endpointPublicAccess"), false)
} else := _eks_public_access(vpc, _eks_public_why(rd_key(vpc, "endpointPublicAccess")))

_eks_public_why(public) := "is true" if {
	is_val(public, true)
} else := "is not set (defaults to true)"

_eks_public_access(vpc, why) := [{"m": concat("", ["vpcConfig.endpointPublicAccess ", why, "; public access must be off."])}] if {
	config("eks-endpoint-private-access", "allowRestrictedPublicAccess", true) == false
} else := unk(cidrs) if {
	cidrs := rd_key(vpc, "publicAccessCidrs")
	cidrs.k == "unk"
} else := [{"m": concat("", ["vpcConfig.endpointPublicAccess ", why, " and publicAccessCidrs is not set (defaults to 0.0.0.0/0)."])}] if {
	rd_key(vpc, "publicAccessCidrs").k == "none"
} else := array.concat(
	array.concat(cidrs.evs, [{"m": concat("", ["vpcConfig.endpointPublicAccess ", why, " and publicAccessCidrs is empty (defaults to 0.0.0.0/0)."])} | count(cidrs.v) == 0]),
	[{"m": concat("", ["vpcConfig.publicAccessCidrs: ", problem, "."])} |
		some cidr in cidrs.v
		problem := open_cidr_problem(cidr)
	],
) if {
	cidrs := strings_of(rd_key(vpc, "publicAccessCidrs"))
}

# `openCidrProblem(cidr)`: why a public-access CIDR is not a restriction; undefined when it is one.
open_cidr_problem(cidr) := concat("", ["\"", cidr, "\" is not a valid CIDR"]) if {
	not _valid_cidr(cidr)
} else := concat("", ["\"", cidr, "\" admits every address"]) if {
	_cidr_prefix(cidr) == 0
}

_valid_cidr(cidr) if {
	parts := split(cidr, "/")
	count(parts) == 2
	_ipv4(parts[0])
	regex.match(`^[0-9]+$`, parts[1])
	to_number(parts[1]) <= 32
}

_valid_cidr(cidr) if {
	parts := split(cidr, "/")
	count(parts) == 2
	contains(parts[0], ":")
	regex.match(`^[0-9]+$`, parts[1])
	to_number(parts[1]) <= 128
	net.cidr_contains(cidr, cidr)
}

_ipv4(address) if {
	octets := split(address, ".")
	count(octets) == 4
	every octet in octets {
		regex.match(`^[0-9]{1,3}$`, octet)
		to_number(octet) <= 255
	}
}

_cidr_prefix(cidr) := to_number(split(cidr, "/")[1])

catalog["eks-endpoint-private-access"] := _rule("deny_eks_endpoint_private_access", {eks_cluster_type})

resource_rule_events("eks-endpoint-private-access", r) := eks_endpoint_private_access(r)
