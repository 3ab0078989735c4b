/**
 * An event's start and end on one day, in Asia/Ho_Chi_Minh (+07:00) as organisers give them:
 * `heldOn('2027-03-10', '08:00', '11:30')` is 08:00 to 11:30 on 10 March 2027, Vietnam time.
 */
export function heldOn(day: string, from: string, to: string): { startsAt: string; endsAt: string } {
  return { startsAt: `${day}T${from}:00+07:00`, endsAt: `${day}T${to}:00+07:00` };
}
