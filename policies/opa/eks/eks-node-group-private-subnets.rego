package phiguard

import rego.v1

# METADATA
# title: eks-node-group-private-subnets
# description: "Managed node groups must run in private subnets: none of the program's subnets they use may assign public IPs on launch (mapPublicIpOnLaunch) or route 0.0.0.0/0 to an internet gateway. Subnets given as literal ids of an existing VPC are outside the program and not checked."
stack_deny_eks_node_group_private_subnets contains msg if some msg in analyzer_stack_messages("eks-node-group-private-subnets")

_subnet_type := "aws:ec2/subnet:Subnet"

_route_table_type := "aws:ec2/routeTable:RouteTable"

_route_table_association_type := "aws:ec2/routeTableAssociation:RouteTableAssociation"

_route_type := "aws:ec2/route:Route"

_internet_gateway_type := "aws:ec2/internetGateway:InternetGateway"

_default_routes := {"0.0.0.0/0", "::/0"}

# Two attempts per subnet of each node group: public IPs on launch, then a default route to an
# internet gateway.
eks_node_group_private_subnets := units_outcome([unit |
	some ng in resources_of_type(eks_node_group_type)
	some subnet in sources_of(ng, "subnetIds", _subnet_type)
	some unit in [_eks_public_ip_unit(ng, subnet), _eks_public_route_unit(ng, subnet)]
])

_eks_public_ip_unit(ng, subnet) := array.concat(unk(public), [{"m": concat("", ["Node group ", ng.name, " uses subnet ", subnet.name, ", which assigns public IPs on launch (mapPublicIpOnLaunch)."]), "urn": ng.urn} |
	is_val(public, true)
]) if {
	public := rd(subnet.props, props_at(subnet), ["mapPublicIpOnLaunch"])
}

_eks_public_route_unit(ng, subnet) := array.concat(hit.evs, [{"m": concat("", ["Node group ", ng.name, " uses subnet ", subnet.name, ", whose route table ", tables[hit.i].name, " sends the default route to an internet gateway."]), "urn": ng.urn} |
	hit.v
]) if {
	tables := [t |
		some a in children_of(subnet, _route_table_association_type, "subnetId", [])
		some t in sources_of(a, "routeTableId", _route_table_type)
	]
	hit := first_hit([_eks_routes_to_internet(t) | some t in tables])
}

# `routesToInternet(table, routes)`: {"evs", "v"}.
_eks_routes_to_internet(table) := inline if {
	inline := _eks_inline_default_route(table)
	_holds_or_unknown(inline)
} else := first_hit([_eks_route_resource_default(route) | some route in children_of(table, _route_type, "routeTableId", [])])

_eks_inline_default_route(table) := {"evs": unk(routes), "v": false} if {
	routes := rd(table.props, props_at(table), ["routes"])
	routes.k == "unk"
} else := first_hit([_eks_inline_route(table, item) | some item in elements(rd(table.props, props_at(table), ["routes"])).all])

_eks_inline_route(table, item) := {"evs": [item_u(item)], "v": false} if {
	item.u
} else := {"evs": [], "v": false} if {
	not has_value(item.v, "gatewayId")
} else := {"evs": destination.evs, "v": false} if {
	destination := _eks_destination(item_read(item), "cidrBlock", "ipv6CidrBlock")
	count(destination.evs) > 0
} else := {"evs": [], "v": _eks_default_to_gateway(_eks_destination(item_read(item), "cidrBlock", "ipv6CidrBlock").v, table, "routes", item.v.gatewayId)}

_eks_route_resource_default(route) := {"evs": [], "v": false} if {
	not has_value(route.props, "gatewayId")
} else := {"evs": destination.evs, "v": false} if {
	destination := _eks_destination(val(route.props, props_at(route)), "destinationCidrBlock", "destinationIpv6CidrBlock")
	count(destination.evs) > 0
} else := {"evs": [], "v": _eks_default_to_gateway(
	_eks_destination(val(route.props, props_at(route)), "destinationCidrBlock", "destinationIpv6CidrBlock").v,
	route, "gatewayId", route.props.gatewayId,
)}

# `x.v4 ?? x.v6`: {"evs", "v": the destination, or null}.
_eks_destination(s, v4, v6) := {"evs": unk(first), "v": null} if {
	first := rd_key(s, v4)
	first.k == "unk"
} else := {"evs": [], "v": first.v} if {
	first := rd_key(s, v4)
	first.k == "val"
	first.v != null
} else := {"evs": unk(second), "v": value_or(second, null)} if {
	second := rd_key(s, v6)
}

_eks_default_to_gateway(destination, owner, property, gateway) if {
	is_string(destination)
	destination in _default_routes
	_eks_internet_gateway(owner, property, gateway)
} else := false

# `isInternetGateway(owner, property, gatewayId)`: computed from an InternetGateway, or `igw-...`.
_eks_internet_gateway(owner, property, _) if count(sources_of(owner, property, _internet_gateway_type)) > 0

_eks_internet_gateway(_, _, gateway) if {
	is_string(gateway)
	startswith(gateway, "igw-")
}

catalog["eks-node-group-private-subnets"] := _rule("stack_deny_eks_node_group_private_subnets", {eks_node_group_type})

stack_rule_events("eks-node-group-private-subnets") := eks_node_group_private_subnets
