import * as z from 'zod';
import { normalizeEmail, normalizeText } from '../text/vietnamese.js';
import { membershipSchema, type Membership } from '../units/unit-schema.js';

export const roles = ['admin', 'organiser', 'staff'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z
  .string()
  .max(254)
  .transform(normalizeEmail)
  .pipe(z.email());

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPasswordSchema = z.string().min(10).max(200);

export const personNameSchema = z.string().max(200).transform(normalizeText).pipe(z.string().min(1));

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

/**
 * Roles per unit (the union, an association, a club): each reaches that unit's events and those
 * beneath it. One unit appears once.
 */
export const membershipsSchema = z
  .array(membershipSchema)
  .max(50)
  .refine((list) => new Set(list.map((m) => m.unitId)).size === list.length, { message: 'Each unit appears once' });

export const createUserSchema = z
  .strictObject({
    email: emailSchema,
    name: personNameSchema,
    /** `admin`: union-wide. `organiser` or `staff` without memberships: that role in the union. */
    role: roleSchema.optional(),
    memberships: membershipsSchema.optional(),
    password: newPasswordSchema.optional(),
    language: z.enum(['vi', 'en']).optional(),
  })
  .refine((body) => body.role !== undefined || (body.memberships?.length ?? 0) > 0, { message: 'A role or a membership', path: ['role'] });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    role: roleSchema.optional(),
    memberships: membershipsSchema.optional(),
    name: personNameSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

export const setPasswordSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: newPasswordSchema,
});

export type User = {
  userId: string;
  email: string;
  name: string;
  /** `admin`, or the strongest role the account holds in any unit. */
  role: Role;
  /** Its roles per unit; an admin needs none. */
  memberships: Membership[];
  disabled: boolean;
  language: 'vi' | 'en';
  createdAt: string;
  updatedAt: string;
  /** What became of the last set-password mail (set-password-mail.ts), for the admin to see. */
  passwordLink?: PasswordLinkMail;
};

export type PasswordLinkMail = { state: 'queued' | 'sent' | 'skipped' | 'failed'; at: string; reason?: string };
