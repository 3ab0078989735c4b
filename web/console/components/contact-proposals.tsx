import { useState } from 'preact/hooks';
import { useApp, useText } from '../context.js';
import { partnerMessages as messages } from './partner-texts.js';
import { errorText } from '../../lib/error-text.js';

type Proposal = {
  name: string;
  organisation?: string;
  members: { eventId: string; eventTitle: string; invitationId: string; name: string; email?: string }[];
  reasons: string[];
};

/**
 * People of past invitation lists proposed as contacts, grouped where they seem the same person:
 * the organiser makes one contact of a group, or keeps each apart. `run` performs an action and
 * reports it on the page (then reloads the directory).
 */
export function ContactProposals(props: { run: (action: () => Promise<unknown>, done: string) => Promise<void>; onError: (message: string) => void }) {
  const { api } = useApp();
  const t = useText(messages);
  const [proposals, setProposals] = useState<Proposal[] | undefined>();
  const { run } = props;
  const loadProposals = () =>
    api.get<{ proposals: Proposal[] }>('/api/contacts/proposals').then(
      (r) => setProposals(r.proposals),
      (error: unknown) => props.onError(errorText(error)),
    );
  const accept = (invitations: { eventId: string; invitationId: string }[], name: string) =>
    run(
      async () => {
        await api.post('/api/contacts/proposals/accept', { invitations });
        await loadProposals();
      },
      t('accepted', { name }),
    );
  return (
    <section aria-labelledby="proposals-title" class="card">
      <h2 id="proposals-title">{t('proposals')}</h2>
      <p class="muted">{t('proposalsHint')}</p>
      <button type="button" class="button" onClick={() => void loadProposals()}>
        {t('loadProposals')}
      </button>
      {proposals && proposals.length === 0 && <p>{t('noProposals')}</p>}
      {proposals && proposals.length > 0 && (
        <ul class="plain-list proposals">
          {proposals.map((p) => (
            <li key={p.members.map((m) => m.invitationId).join()} class="proposal">
              <h3>{p.name}</h3>
              <p>
                {t('invitedTo')}: {p.members.map((m) => `${m.name} (${m.eventTitle})`).join('; ')}
              </p>
              {p.reasons.length > 0 && (
                <p class="muted">
                  {t('reasons')}: {p.reasons.map((r) => t(`reason.${r}` as never)).join(', ')}
                </p>
              )}
              <button
                type="button"
                class="button primary"
                onClick={() =>
                  void accept(
                    p.members.map(({ eventId, invitationId }) => ({ eventId, invitationId })),
                    p.name,
                  )
                }
              >
                {t('acceptOne')}
              </button>
              {p.members.length > 1 && (
                <button
                  type="button"
                  class="button"
                  onClick={() =>
                    void run(
                      async () => {
                        for (const m of p.members)
                          await api.post('/api/contacts/proposals/accept', { invitations: [{ eventId: m.eventId, invitationId: m.invitationId }] });
                        await loadProposals();
                      },
                      t('accepted', { name: p.name }),
                    )
                  }
                >
                  {t('keepApart')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
