import { useEffect, useRef, useState } from 'preact/hooks';
import type { Invitation } from '../../../shared/invitations/invitation-schema.js';
import { ApiError, type Query } from '../../lib/api-client.js';
import { errorText } from '../../lib/error-text.js';
import { useApp } from '../context.js';

const PAGE_SIZE = 50;
export type InvitationPage = { items: Invitation[]; nextCursor?: string };
export type InvitationListFilters = { emailStatus: string; response: string; group: string; q: string; from: string };

/**
 * One page of an event's invitation list at a time, as the filters ask: read again when they
 * change, a step forward or back by cursor, the first row of a new page focused. A late answer
 * to an older request is dropped.
 */
export function useInvitationList(base: string, filters: InvitationListFilters, options: { onNotFound: () => void; onMore: (count: number) => void }) {
  const { api } = useApp();
  const { emailStatus, response, group, q, from } = filters;
  const [items, setItems] = useState<Invitation[]>([]);
  const [cursor, setCursor] = useState<string>();
  // The cursors of the pages before this one (the first page has none): one page on screen at a time.
  const [trail, setTrail] = useState<(string | undefined)[]>([]);
  const [pageCursor, setPageCursor] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const [listBusy, setListBusy] = useState<'refresh' | 'more'>();
  const [loadError, setLoadError] = useState<string>();
  const listRequest = useRef(0);
  const firstNew = useRef<string | undefined>(undefined);

  /** A page of the list: the first (`more` false), or the one at `at` (a step forward or back). */
  async function loadList(more: boolean, at?: string, back = false) {
    const id = ++listRequest.current;
    setListBusy(more ? 'more' : 'refresh');
    try {
      const pageAt = more ? at : undefined;
      const page = await api.get<InvitationPage>(base, {
        emailStatus,
        response,
        group,
        q,
        from: q ? undefined : from,
        limit: PAGE_SIZE,
        cursor: pageAt,
      } satisfies Query);
      if (id !== listRequest.current) return;
      firstNew.current = more ? page.items[0]?.invitationId : undefined;
      setItems(page.items);
      if (!more) setTrail([]);
      else if (back) setTrail((current) => current.slice(0, -1));
      else setTrail((current) => [...current, pageCursor]);
      setPageCursor(pageAt);
      setCursor(page.nextCursor);
      setLoaded(true);
      setLoadError(undefined);
      if (more) options.onMore(page.items.length);
    } catch (failure) {
      if (id !== listRequest.current) return;
      if (failure instanceof ApiError && failure.status === 404) options.onNotFound();
      else setLoadError(errorText(failure));
    } finally {
      if (id === listRequest.current) setListBusy(undefined);
    }
  }

  useEffect(() => void loadList(false), [emailStatus, response, group, q, from]);
  useEffect(() => {
    if (!firstNew.current) return;
    document.getElementById(`invitee-${firstNew.current}`)?.focus();
    firstNew.current = undefined;
  }, [items]);

  return { items, setItems, cursor, trail, loaded, listBusy, loadError, setLoadError, loadList };
}
