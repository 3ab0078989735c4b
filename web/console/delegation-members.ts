import type { DelegationMember } from '../../shared/delegations/delegation-members.js';
import { delegationRoleLabels, delegationRoles, type DelegationRole } from '../../shared/delegations/delegation-roles.js';
import { ApiError } from '../lib/api-client.js';
import { parseLocalDate } from '../lib/datetime.js';
import { errorsFromFailure } from '../lib/form.js';
import type { LocalizedText } from '../lib/i18n.js';

/** A delegation as the delegation page reads it (`GET …/delegation`), and what its dialogs share. */
export const roleKeys = delegationRoles;
export type Role = DelegationRole;
export const roleLabels: Record<Role, LocalizedText> = delegationRoleLabels;
export const channels = ['paper_form', 'phone', 'in_person'] as const;
export type Channel = (typeof channels)[number];
export const logisticsKeys = [
  'arrivalDate',
  'arrivalTime',
  'arrivalTransport',
  'departureDate',
  'departureTime',
  'departureTransport',
  'hotel',
  'room',
  'dietary',
  'interpreterLanguage',
] as const;
export type Logistics = Partial<Record<(typeof logisticsKeys)[number], string>>;

/** A member as the API answers it (`GET …/delegation`): shared/delegations/delegation-members.ts. */
export type Member = DelegationMember;
export type Delegation = {
  items: Member[];
  version: number;
  direction: 'outgoing' | 'incoming';
  passportConsent: { version: string; text: LocalizedText };
};

/** 2032-01-15 → 15/01/2032; a masked or free value stays as it is. */
export function asLocalDate(value: string | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}
/** 15/1/2032 → 2032-01-15, as the API stores dates; undefined when it is not a date. */
export function asIsoDate(text: string): string | undefined {
  const tidy = parseLocalDate(text);
  if (!tidy) return undefined;
  const [day, month, year] = tidy.split('/');
  return `${year}-${month}-${day}`;
}

export type DialogProps = {
  base: string;
  ifMatch: () => Record<string, string>;
  onDone: (text: string) => void | Promise<void>;
  /** Someone saved first: the page reloads the list behind the dialog, which keeps what was typed. */
  onConflict: () => void | Promise<void>;
  onClose: () => void;
};

/**
 * A dialog's save to the roster: the form busy meanwhile; a list someone else saved first is read
 * again behind the dialog (which keeps what was typed), and the failure shown on the form.
 */
export async function saveToRoster(
  form: { setBusy: (busy: boolean) => void; setErrors: (errors: Record<string, string>) => void },
  props: DialogProps,
  schemaText: Parameters<typeof errorsFromFailure>[1],
  work: () => Promise<void>,
) {
  form.setErrors({});
  form.setBusy(true);
  try {
    await work();
  } catch (failure) {
    if (failure instanceof ApiError && failure.code === 'delegation_changed') await props.onConflict();
    form.setErrors(errorsFromFailure(failure, schemaText));
  } finally {
    form.setBusy(false);
  }
}
