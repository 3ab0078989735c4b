/**
 * The keys of every item kind in the one table (shared/db/table-design.ts), declared once:
 * repositories build their keys here and never write `EVENT#…` themselves. The partners
 * directory's items are in partner-keys.ts beside this file. Plain data, no DynamoDB client.
 *
 *   pk                                  sk                        item
 *   EVENT#<eventId>                     EVENT                     an event (texts, fields, templates …)
 *   EVENT#<eventId>                     EVENT#TALLY               its answer counts and the gate (shared/events/event-tallies-repository.ts)
 *   EVENT#<eventId>                     EVENT#DOOR                its check-in count
 *   EVENT#<eventId>                     EVENT#COUNTS              its invitation counts (shared/invitations/invitation-counts.ts)
 *   EVENT#<eventId>                     EVENT#SEND#<kind>         a background send job; due at SEND_JOBS_DUE / EVENT#<eventId>#<kind>
 *   EVENT#<eventId>                     DELEGATION                its delegation (travel, passports' purge)
 *   EVENT#<eventId>                     INV#<invitationId>        an invitation; listings EVENT#<eventId>#INVITATIONS
 *   EVENT#<eventId>                     INVEMAIL#… INVPHONE#… INVNOADDR#…  one invitation per address
 *   EVENT#<eventId>                     REG#<invitationId>        a registration (the answer)
 *   EVENT#<eventId>                     WAIT#<at>#<invitationId>  a place on the waiting list
 *   EVENT#<eventId>                     DOOR#<at>#…               a change at the door (shared/attendees/door-changes.ts)
 *   EVENT#<eventId>                     LETTER#<invitationId>     an official letter's number
 *   EVENT#<eventId>                     PIIREAD#<at>#<random>     a read of passport data
 *   PROMOTIONS_DUE                      EVENT#<eventId>           a freed seat people may wait for
 *   NOTICE#<eventId>#<noticeId>         NOTICE / TO#<invitationId>  a change notice and its recipients
 *   INVTOKEN#<tokenHash>                INVTOKEN                  a personal link's hash
 *   OUTBOX#<messageId>                  OUTBOX                    a mail to send
 *   SUPPRESSED#<email>                  SUPPRESSED                an address SES bounced or that complained
 *   SESMSG#<sesMessageId>               SESMSG                    SES's id of a sent mail → ours
 *   CALSEQ#<uid>                        CALSEQ                    a calendar invitation's sequence
 *   USER#<userId> / USEREMAIL#<email>   PROFILE / USEREMAIL       a user and their address
 *   SESSION#<tokenHash>, PWTOKEN#<tokenHash>                      a session, a set-password link
 *   UNIT#<unitId>                       UNIT                      a unit; listings UNITS
 *   REGISTER#<symbol>#<year>            REGISTER                  a register of official papers
 *   SETTINGS / PAPERS, SYSTEM / FIRST_ADMIN, SYSTEM / UPGRADE#UNITS, SYSTEM / HEALTH, RATELIMIT#<bucket>
 */
export const eventPartition = (eventId: string) => `EVENT#${eventId}`;

/** Sort keys (and their prefixes) of the items in an event's partition. */
export const eventSk = {
  event: 'EVENT',
  tally: 'EVENT#TALLY',
  door: 'EVENT#DOOR',
  counts: 'EVENT#COUNTS',
  sendJobPrefix: 'EVENT#SEND#',
  delegation: 'DELEGATION',
  invitationPrefix: 'INV#',
  registrationPrefix: 'REG#',
  waitPrefix: 'WAIT#',
  doorChangePrefix: 'DOOR#',
  letterPrefix: 'LETTER#',
  personalDataReadPrefix: 'PIIREAD#',
} as const;

const inEvent = (eventId: string, sk: string) => ({ pk: eventPartition(eventId), sk });

export const keys = {
  event: (eventId: string) => inEvent(eventId, eventSk.event),
  tally: (eventId: string) => inEvent(eventId, eventSk.tally),
  door: (eventId: string) => inEvent(eventId, eventSk.door),
  counts: (eventId: string) => inEvent(eventId, eventSk.counts),
  delegation: (eventId: string) => inEvent(eventId, eventSk.delegation),
  /** Any item of an event's partition by its sort key (a waiting-list place, an address guard). */
  inEvent,
  invitation: (eventId: string, invitationId: string) => inEvent(eventId, `${eventSk.invitationPrefix}${invitationId}`),
  registration: (eventId: string, invitationId: string) => inEvent(eventId, `${eventSk.registrationPrefix}${invitationId}`),
  waitSk: (at: string, invitationId: string) => `${eventSk.waitPrefix}${at}#${invitationId}`,
  letter: (eventId: string, invitationId: string) => inEvent(eventId, `${eventSk.letterPrefix}${invitationId}`),
  sendJob: (eventId: string, kind: string) => inEvent(eventId, `${eventSk.sendJobPrefix}${kind}`),
  invitationsListPk: (eventId: string) => `${eventPartition(eventId)}#INVITATIONS`,
  noticesListPk: (eventId: string) => `${eventPartition(eventId)}#NOTICES`,

  promotionsDuePk: 'PROMOTIONS_DUE',
  promotionDue: (eventId: string) => ({ pk: 'PROMOTIONS_DUE', sk: eventPartition(eventId) }),
  sendJobsDuePk: 'SEND_JOBS_DUE',
  sendJobDue: (eventId: string, kind: string) => ({ pk: 'SEND_JOBS_DUE', sk: `${eventPartition(eventId)}#${kind}` }),

  noticePartition: (eventId: string, noticeId: string) => `NOTICE#${eventId}#${noticeId}`,
  notice: (eventId: string, noticeId: string) => ({ pk: `NOTICE#${eventId}#${noticeId}`, sk: 'NOTICE' }),
  noticeRecipient: (eventId: string, noticeId: string, invitationId: string) => ({ pk: `NOTICE#${eventId}#${noticeId}`, sk: `TO#${invitationId}` }),

  invitationToken: (tokenHash: string) => ({ pk: `INVTOKEN#${tokenHash}`, sk: 'INVTOKEN' }),
  outboxMessage: (messageId: string) => ({ pk: `OUTBOX#${messageId}`, sk: 'OUTBOX' }),
  suppression: (email: string) => ({ pk: `SUPPRESSED#${email}`, sk: 'SUPPRESSED' }),
  suppressionsListPk: 'SUPPRESSED',
  sesMessage: (sesMessageId: string) => ({ pk: `SESMSG#${sesMessageId}`, sk: 'SESMSG' }),
  calendarSequence: (uid: string) => ({ pk: `CALSEQ#${uid}`, sk: 'CALSEQ' }),

  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  userEmail: (email: string) => ({ pk: `USEREMAIL#${email}`, sk: 'USEREMAIL' }),
  usersListPk: 'USERS',
  firstAdmin: { pk: 'SYSTEM', sk: 'FIRST_ADMIN' },
  session: (tokenHash: string) => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' }),
  passwordToken: (tokenHash: string) => ({ pk: `PWTOKEN#${tokenHash}`, sk: 'PWTOKEN' }),

  unit: (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'UNIT' }),
  unitsListPk: 'UNITS',
  unitsUpgradeMarker: { pk: 'SYSTEM', sk: 'UPGRADE#UNITS' },

  paperSettings: { pk: 'SETTINGS', sk: 'PAPERS' },
  register: (symbol: string, year: number) => ({ pk: `REGISTER#${symbol}#${year}`, sk: 'REGISTER' }),
  health: { pk: 'SYSTEM', sk: 'HEALTH' },
  rateLimitPartition: (bucket: string) => `RATELIMIT#${bucket}`,
} as const;
