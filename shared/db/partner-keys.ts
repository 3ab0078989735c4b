/**
 * The partners directory's items in the one table (issue 19), declared once: every repository of
 * shared/partners builds its keys here. README "Data model" lists them beside the others.
 *
 *   ORG#<organisationId>           ORG                  an organisation; listings ORGS / folded name
 *   CONTACT#<contactId>            CONTACT              a contact; listings CONTACTS / name sort key (given name first)
 *   CONTACT#<contactId>            HIST#<at>#<ref>      one history entry (an invitation, a greeting);
 *                                                       listings ORG#<organisationId>#HISTORY / at (the organisation then)
 *   INVLINK#<eventId>#<invitationId> CONTACT            the contact an invitation belongs to (one at most)
 *   OCCASION#<occasionId>          OCCASION             an occasion of the calendar; listings OCCASIONS / MM-DD
 *   CAMPAIGN#<campaignId>          CAMPAIGN             a greetings campaign (<occasionId>-<year>); listings CAMPAIGNS / createdAt
 *   CAMPAIGN#<campaignId>          TO#<contactId>       one recipient: draft → queued → sent …, flowers, letter
 *   PARTNERS                       ERASED               what erased contacts leave: counts only
 */
export const partnerKeys = {
  organisation: (organisationId: string) => ({ pk: `ORG#${organisationId}`, sk: 'ORG' }),
  organisationsListPk: 'ORGS',
  organisationHistoryListPk: (organisationId: string) => `ORG#${organisationId}#HISTORY`,
  contact: (contactId: string) => ({ pk: `CONTACT#${contactId}`, sk: 'CONTACT' }),
  contactsListPk: 'CONTACTS',
  contactPartition: (contactId: string) => `CONTACT#${contactId}`,
  historySkPrefix: 'HIST#',
  invitationLink: (eventId: string, invitationId: string) => ({ pk: `INVLINK#${eventId}#${invitationId}`, sk: 'CONTACT' }),
  occasion: (occasionId: string) => ({ pk: `OCCASION#${occasionId}`, sk: 'OCCASION' }),
  occasionsListPk: 'OCCASIONS',
  campaign: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
  campaignPartition: (campaignId: string) => `CAMPAIGN#${campaignId}`,
  campaignsListPk: 'CAMPAIGNS',
  recipient: (campaignId: string, contactId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: `TO#${contactId}` }),
  erasedCounts: { pk: 'PARTNERS', sk: 'ERASED' },
} as const;
