import * as z from 'zod';
import { inviteeShape } from '../invitations/invitation-schema.js';
import { detailsSchema } from '../registrations/registration-schema.js';
import { delegationRoles, type DelegationRole } from './delegation-roles.js';
import { consentInputSchema } from './passport-data.js';

/**
 * A delegation's members as the API takes them (shared with web/). A member is an invitation of
 * the event with a role, a protocol rank and a head; their details (date of birth, passport, ...)
 * are the event's fields, checked like any answer's.
 */
const protocolRank = z.int().min(1).max(9999);
/** A head adds everyone but another head. */
const memberRole = z.enum(['deputy', 'member', 'interpreter', 'secretary', 'driver']);

const memberShape = {
  name: inviteeShape.name,
  email: inviteeShape.email,
  phone: inviteeShape.phone,
  organisation: inviteeShape.organisation,
  position: inviteeShape.position,
  language: inviteeShape.language,
  protocolRank: protocolRank.optional(),
  details: detailsSchema.optional(),
  /** Needed with passport data: the head (or organiser) attests the member agreed. */
  consent: consentInputSchema.optional(),
};

/** The head adds a member from their own link: any role but head. */
export const headAddMemberSchema = z.strictObject({ ...memberShape, role: memberRole });
export type HeadAddMemberInput = z.output<typeof headAddMemberSchema>;

/** An organiser adds anyone, a head too; a member names their head (or stands alone). */
export const organiserAddMemberSchema = z.strictObject({
  ...memberShape,
  role: z.enum(delegationRoles),
  headInvitationId: z.string().min(1).max(100).optional(),
  group: inviteeShape.group,
});
export type OrganiserAddMemberInput = z.output<typeof organiserAddMemberSchema>;

const changeShape = {
  name: inviteeShape.name.optional(),
  email: inviteeShape.email.nullish(),
  phone: inviteeShape.phone.nullish(),
  organisation: inviteeShape.organisation.nullable(),
  position: inviteeShape.position.nullable(),
  language: inviteeShape.language.optional(),
  protocolRank: protocolRank.nullish(),
  details: detailsSchema.optional(),
  consent: consentInputSchema.optional(),
};

const somethingToChange = (body: object) => Object.keys(body).some((key) => key !== 'consent');

export const headUpdateMemberSchema = z
  .strictObject({ ...changeShape, role: memberRole.optional() })
  .refine(somethingToChange, { error: 'nothing_to_change' });
export type HeadUpdateMemberInput = z.output<typeof headUpdateMemberSchema>;

export const organiserUpdateMemberSchema = z
  .strictObject({ ...changeShape, role: z.enum(delegationRoles).optional() })
  .refine(somethingToChange, { error: 'nothing_to_change' });
export type OrganiserUpdateMemberInput = z.output<typeof organiserUpdateMemberSchema>;

/** What the use cases take from either side (a head's input has no head or group of its own). */
export type MemberInput = Omit<OrganiserAddMemberInput, 'role' | 'headInvitationId' | 'group'> & {
  role: DelegationRole;
  headInvitationId?: string;
  group?: string;
};
export type MemberChanges = Omit<OrganiserUpdateMemberInput, 'role'> & { role?: DelegationRole };
