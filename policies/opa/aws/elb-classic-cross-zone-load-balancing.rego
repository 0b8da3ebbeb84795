package phiguard

import rego.v1

# METADATA
# title: elb-classic-cross-zone-load-balancing
# description: "Classic Load Balancers balance across availability zones (crossZoneLoadBalancing is not false), so losing a zone's instances does not take the service down."
warn_elb_classic_cross_zone_load_balancing contains msg if some msg in analyzer_messages("elb-classic-cross-zone-load-balancing")

aws_elb_classic_cross_zone_load_balancing(r) := aws_when_equal(r, ["crossZoneLoadBalancing"], false, "crossZoneLoadBalancing is false.")

catalog["elb-classic-cross-zone-load-balancing"] := _rule("warn_elb_classic_cross_zone_load_balancing", {"aws:elb/loadBalancer:LoadBalancer"})

resource_rule_events("elb-classic-cross-zone-load-balancing", r) := aws_elb_classic_cross_zone_load_balancing(r)
