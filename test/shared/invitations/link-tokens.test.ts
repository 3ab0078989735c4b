import { describe, expect, it } from 'vitest';
import { hashToken, newId } from '../../../shared/auth/secret-tokens.js';
import { createLinkTokens, LINK_TOKEN_SOURCE, parseLinkToken } from '../../../shared/invitations/link-tokens.js';

const links = createLinkTokens('a-link-secret-of-at-least-32-characters!');
const eventId = newId();
const invitationId = newId();
/** An invitation as stored: its hash is the one of its current version's secret. */
const stored = (version: number, id = invitationId) => ({ eventId, invitationId: id, tokenVersion: version, tokenHash: links.hashFor(id, version) });

/** Replaces the character at `index` with another URL-safe one. */
const tamper = (token: string, index: number) => `${token.slice(0, index)}${token[index] === 'A' ? 'B' : 'A'}${token.slice(index + 1)}`;

describe('personal link tokens', () => {
  it('carry the event id, the invitation id and 22 characters of the secret: 54 URL-safe characters, the same for every mail', () => {
    const token = links.linkTokenFor(stored(1));
    expect(token).toMatch(/^[A-Za-z0-9_-]{54}$/);
    expect(token.slice(0, 32)).toBe(`${eventId}${invitationId}`);
    expect(token.slice(32)).toBe(links.tokenFor(invitationId, 1).slice(0, 22));
    expect(links.linkTokenFor(stored(1))).toBe(token);
    expect(encodeURIComponent(token)).toBe(token);
    expect(new RegExp(`^(?:${LINK_TOKEN_SOURCE})$`).test(token)).toBe(true);
  });

  it('fall back to the secret alone when an id is not 16 characters (the demo\'s readable event ids)', () => {
    const token = links.linkTokenFor({ eventId: 'demo-2015-youth-forum', invitationId, tokenVersion: 2 });
    expect(token).toBe(links.tokenFor(invitationId, 2));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(links.linkTokenFor({ eventId, invitationId: 'walkin-1', tokenVersion: 1 })).toBe(links.tokenFor('walkin-1', 1));
  });

  it('parse into the invitation\'s address and secret, or the hash a link mailed before is stored under', () => {
    const token = links.linkTokenFor(stored(1));
    expect(parseLinkToken(token)).toEqual({ shape: 'addressed', eventId, invitationId, secret: token.slice(32) });
    const before = links.tokenFor(invitationId, 1);
    expect(parseLinkToken(before)).toEqual({ shape: 'secretOnly', tokenHash: hashToken(before) });
  });

  it('parse nothing of any other length or alphabet', () => {
    const token = links.linkTokenFor(stored(1));
    for (const wrong of ['', token.slice(0, 42), `${token.slice(0, 43)}x`, token.slice(0, 53), `${token}x`, `${token.slice(0, 53)}.`, `${token.slice(0, 53)}=`, `${token.slice(0, 53)}/`, `${token.slice(0, 53)}+`]) {
      expect(parseLinkToken(wrong)).toBeUndefined();
    }
  });

  it('open the invitation whose current secret they carry', () => {
    const parsed = parseLinkToken(links.linkTokenFor(stored(3)));
    expect(parsed?.shape).toBe('addressed');
    expect(links.opens(stored(3), (parsed as { secret: string }).secret)).toBe(true);
  });

  it('open nothing once the link is replaced: the stored hash names the next version', () => {
    const secret = links.linkTokenFor(stored(1)).slice(32);
    expect(links.opens(stored(2), secret)).toBe(false);
    // And the new link is not the old one.
    expect(links.linkTokenFor(stored(2))).not.toBe(links.linkTokenFor(stored(1)));
  });

  it('open nothing when the stored hash is not the one the secret derives (a hash replaced by other means)', () => {
    const secret = links.linkTokenFor(stored(1)).slice(32);
    expect(links.opens({ ...stored(1), tokenHash: hashToken('some other secret') }, secret)).toBe(false);
    // A walk-in entered at the door has a hash that names no secret; an item without one opens nothing either.
    expect(links.opens({ ...stored(1), tokenHash: `walk-in:${invitationId}` }, secret)).toBe(false);
    expect(links.opens({ ...stored(1), tokenHash: undefined as unknown as string }, secret)).toBe(false);
  });

  it('open nothing with a secret changed in any place, or another invitation\'s secret', () => {
    const token = links.linkTokenFor(stored(1));
    for (const index of [32, 40, 53]) expect(links.opens(stored(1), tamper(token, index).slice(32))).toBe(false);
    const other = newId();
    expect(links.opens(stored(1, other), token.slice(32))).toBe(false);
    expect(links.opens(stored(1), '')).toBe(false);
  });

  it('open nothing under another server secret', () => {
    const elsewhere = createLinkTokens('another-link-secret-of-32-characters-or-more');
    expect(elsewhere.opens(stored(1), links.linkTokenFor(stored(1)).slice(32))).toBe(false);
  });
});
