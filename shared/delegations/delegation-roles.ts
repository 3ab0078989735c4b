/**
 * The roles in a delegation, in the order official lists name them (after an explicit protocol
 * rank). The labels are the choices of a delegation's default `delegationRole` field.
 */
export const delegationRoles = ['head', 'deputy', 'member', 'interpreter', 'secretary', 'driver'] as const;
export type DelegationRole = (typeof delegationRoles)[number];

export const delegationRoleLabels: Record<DelegationRole, { vi: string; en: string }> = {
  head: { vi: 'Trưởng đoàn', en: 'Head of delegation' },
  deputy: { vi: 'Phó đoàn', en: 'Deputy head' },
  member: { vi: 'Thành viên', en: 'Member' },
  interpreter: { vi: 'Phiên dịch', en: 'Interpreter' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
  driver: { vi: 'Lái xe', en: 'Driver' },
};

/** The place of a role on lists: 0 for the head; roles unknown come last. */
export function roleOrderOf(role: string | undefined): number {
  if (!role) return delegationRoles.length;
  const byKey = delegationRoles.indexOf(role as DelegationRole);
  if (byKey !== -1) return byKey;
  const byLabel = delegationRoles.findIndex((r) => delegationRoleLabels[r].vi === role);
  return byLabel === -1 ? delegationRoles.length : byLabel;
}
