package phiguard

import rego.v1

# METADATA
# title: autoscaling-group-elb-health-check
# description: "Auto Scaling groups behind a load balancer use the load balancer's health checks (healthCheckType ELB), so instances that stop serving are replaced."
warn_autoscaling_group_elb_health_check contains msg if some msg in analyzer_messages("autoscaling-group-elb-health-check")

aws_autoscaling_group_elb_health_check(r) := balanced.evs if {
	balanced := first_hit([_asg_elb_attached(aws_prop(r, [key])) | some key in ["targetGroupArns", "loadBalancers", "trafficSources"]])
	count(balanced.evs) > 0
} else := [] if {
	# Not attached to a load balancer: notApplicable.
	not first_hit([_asg_elb_attached(aws_prop(r, [key])) | some key in ["targetGroupArns", "loadBalancers", "trafficSources"]]).v
} else := unk(s) if {
	s := aws_prop(r, ["healthCheckType"])
	s.k == "unk"
} else := [] if {
	is_val(aws_prop(r, ["healthCheckType"]), "ELB")
} else := text.evs if {
	text := net_str_or(aws_prop(r, ["healthCheckType"]), "EC2")
	count(text.evs) > 0
} else := [{"m": concat("", ["healthCheckType is '", net_str_or(aws_prop(r, ["healthCheckType"]), "EC2").t, "'; expected 'ELB'."])}]

_asg_elb_attached(s) := {"evs": unk(s), "v": false} if {
	s.k == "unk"
} else := {"evs": [], "v": aws_array_length(s) > 0}

catalog["autoscaling-group-elb-health-check"] := _rule("warn_autoscaling_group_elb_health_check", {"aws:autoscaling/group:Group"})

resource_rule_events("autoscaling-group-elb-health-check", r) := aws_autoscaling_group_elb_health_check(r)
