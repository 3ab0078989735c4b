/**
 * The kinds of organisation in the directory. A module of its own, free of zod, so that the
 * console's forms can list them without loading the validation library.
 */
export const organisationKinds = ['foreign_ngo', 'embassy', 'friendship_association', 'university', 'state_agency', 'company', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
