/** The RBAC kinds and how the RBAC rules read a Role's or ClusterRole's rules. */
import { asArray, asObject, asStrings } from "./support";

const RBAC = "kubernetes:rbac.authorization.k8s.io/v1";

/** Role and ClusterRole, and their server-side-apply patches (which can only add what is forbidden). */
export const ROLE_TYPES: readonly string[] = [
  `${RBAC}:Role`,
  `${RBAC}:ClusterRole`,
  `${RBAC}:RolePatch`,
  `${RBAC}:ClusterRolePatch`,
];

export const BINDING_TYPES: readonly string[] = [
  `${RBAC}:RoleBinding`,
  `${RBAC}:ClusterRoleBinding`,
  `${RBAC}:RoleBindingPatch`,
  `${RBAC}:ClusterRoleBindingPatch`,
];

export interface PolicyRule {
  readonly index: number;
  readonly apiGroups: string[];
  readonly resources: string[];
  readonly verbs: string[];
  readonly resourceNames: string[];
  readonly nonResourceURLs: string[];
}

/** The `rules` of a Role or ClusterRole, each with its list fields as string arrays. */
export function rulesOf(props: Record<string, unknown>): PolicyRule[] {
  return asArray(props.rules).map((item, index) => {
    const r = asObject(item) ?? {};
    return {
      index,
      apiGroups: asStrings(r.apiGroups),
      resources: asStrings(r.resources),
      verbs: asStrings(r.verbs),
      resourceNames: asStrings(r.resourceNames),
      nonResourceURLs: asStrings(r.nonResourceURLs),
    };
  });
}

/** "Role" or "ClusterRole" from the type token. */
export function kindOf(type: string): string {
  return type.slice(type.lastIndexOf(":") + 1).replace(/Patch$/, "");
}
