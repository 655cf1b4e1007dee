// G2: each chat room is evaluated under the one policy that lists it in `groups`.
// A room listed by two policies is a validation error (cross-file check); if it slips through, the
// policy with the smaller id governs it, so the outcome never depends on file order.
export function governingPolicies<T extends { id: string; groups: readonly string[] }>(policies: readonly T[]): Map<string, T> {
  const route = new Map<string, T>();
  for (const policy of [...policies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const group of policy.groups) if (!route.has(group)) route.set(group, policy);
  }
  return route;
}
