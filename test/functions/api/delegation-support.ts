import { PASSPORT_CONSENT_VERSION } from '../../../shared/delegations/passport-data.js';
import { forum } from './answering-support.js';

/** The Mondulkiri trip: 10–14 March 2027 (ends 2027-03-14T10:00Z); answers close with the forum's, on 1 March. */
export const mondulkiriTrip = {
  ...forum,
  type: 'delegation',
  title: { vi: 'Đoàn công tác Mondulkiri', en: 'Visit to Mondulkiri' },
  venue: 'Sen Monorom, Mondulkiri, Campuchia',
  startsAt: '2027-03-10T08:00:00+07:00',
  endsAt: '2027-03-14T17:00:00+07:00',
};

/** The consent a member gives with passport data, at the version now in force. */
export const passportConsent = { version: PASSPORT_CONSENT_VERSION };

/** A member's passport data. */
export const passport = (number: string, expiry = '2030-01-31') => ({ passportNumber: number, passportExpiry: expiry, dateOfBirth: '1980-05-02' });

/** The delegation's head, passport on file, as an organiser adds him. */
export const delegationHead = {
  name: 'Y Ngông Niê Kdăm',
  role: 'head',
  protocolRank: 1,
  details: { passportNumber: 'C1234567', passportExpiry: '2031-01-31', dateOfBirth: '1970-05-02' },
  consent: passportConsent,
};
