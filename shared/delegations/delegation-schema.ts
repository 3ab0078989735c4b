import * as z from 'zod';
import { inviteeShape } from '../invitations/invitation-schema.js';
import { detailsSchema } from '../registrations/registration-schema.js';
import { delegationRoles, type DelegationRole } from './delegation-roles.js';
import { consentInputSchema, organiserConsentInputSchema } from './passport-data.js';

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

const logisticsText = z.string().trim().max(200).optional();
/** An incoming delegation's member on the ground (arrival, departure, hotel, food, interpreter). */
export const logisticsSchema = z.strictObject({
  arrivalDate: logisticsText,
  arrivalTime: logisticsText,
  arrivalTransport: logisticsText,
  departureDate: logisticsText,
  departureTime: logisticsText,
  departureTransport: logisticsText,
  hotel: logisticsText,
  room: logisticsText,
  dietary: logisticsText,
  interpreterLanguage: logisticsText,
});
export type LogisticsInput = z.output<typeof logisticsSchema>;

/** An organiser adds anyone, a head too; a member names their head (or stands alone). */
export const organiserAddMemberSchema = z.strictObject({
  ...memberShape,
  consent: organiserConsentInputSchema.optional(),
  logistics: logisticsSchema.optional(),
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
  .strictObject({
    ...changeShape,
    consent: organiserConsentInputSchema.optional(),
    logistics: logisticsSchema.nullable().optional(),
    role: z.enum(delegationRoles).optional(),
  })
  .refine(somethingToChange, { error: 'nothing_to_change' });
export type OrganiserUpdateMemberInput = z.output<typeof organiserUpdateMemberSchema>;

/** What the use cases take from either side (a head's input has no head or group of its own). */
export type MemberInput = Omit<OrganiserAddMemberInput, 'role' | 'headInvitationId' | 'group' | 'logistics'> & {
  logistics?: LogisticsInput;
  role: DelegationRole;
  headInvitationId?: string;
  group?: string;
};
export type MemberChanges = Omit<OrganiserUpdateMemberInput, 'role'> & { role?: DelegationRole };

/** A new protocol order: every member's id, first to last. */
export const protocolOrderSchema = z.strictObject({
  invitationIds: z.array(z.string().min(1).max(100)).min(1).max(2000),
});

/** Outgoing (the union's trip abroad) or incoming (a delegation the union receives). */
export const delegationSettingsSchema = z.strictObject({ direction: z.enum(['outgoing', 'incoming']) });
