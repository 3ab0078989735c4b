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

/** A role as stored or as answered on the form: the key, or its label in either language. */
export function roleFromValue(value: unknown): DelegationRole | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if ((delegationRoles as readonly string[]).includes(value)) return value as DelegationRole;
  return delegationRoles.find((r) => delegationRoleLabels[r].vi === value || delegationRoleLabels[r].en === value);
}

/**
 * One list (docs/design.md, "One delegation, one list"): on a delegation event every invitee is a member,
 * whichever way they came (the invitation list, a copy, the open page, a head's link, the
 * delegation page). The role is the head's when they lead members; else the one they (or the
 * organiser, who keeps the two in step) gave on the answer form; else the one stored with the
 * invitation; else `member`. Invitations stored before this rule read the same way: nothing is
 * migrated, the role is derived on every read.
 */
export function memberRoleOf(member: { delegationRole?: string; details?: Record<string, unknown> }): DelegationRole {
  if (member.delegationRole === 'head') return 'head';
  return roleFromValue(member.details?.delegationRole) ?? roleFromValue(member.delegationRole) ?? 'member';
}
