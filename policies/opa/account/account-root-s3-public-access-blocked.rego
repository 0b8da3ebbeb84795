package phiguard

import rego.v1

# METADATA
# title: account-root-s3-public-access-blocked
# description: An account-root stack sets the account-level S3 Block Public Access with all four settings on, so no bucket of the account, present or future, can be made public by an ACL or a bucket policy.
stack_deny_account_root_s3_public_access_blocked contains msg if some msg in analyzer_stack_messages("account-root-s3-public-access-blocked")

_acct_block_type := "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"

account_root_s3_public_access_blocked := [acct_stack_violation("no account-level S3 Block Public Access (aws.s3.AccountPublicAccessBlock).")] if {
	acct_account_root
	count(resources_of_type(_acct_block_type)) == 0
} else := units_outcome([_acct_block_checks(block) | some block in resources_of_type(_acct_block_type)]) if {
	acct_account_root
} else := []

# The four settings, read in order (a setting unknown at preview ends the check).
_acct_block_checks(block) := array.concat(evs, [{"m": concat("", [acct_listing(off), " ", _acct_block_verb(off), " not true."]), "urn": block.urn} | count(off) > 0]) if {
	reads := [[s, acct_prop(block, [s])] | some s in ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]]
	evs := [e | some x in reads; some e in unk(x[1])]
	off := [x[0] | some x in reads; not is_val(x[1], true)]
}

_acct_block_verb(off) := "is" if {
	count(off) == 1
} else := "are"

catalog["account-root-s3-public-access-blocked"] := _rule("stack_deny_account_root_s3_public_access_blocked", {_acct_block_type})

stack_rule_events("account-root-s3-public-access-blocked") := account_root_s3_public_access_blocked
