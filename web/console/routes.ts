import type { FunctionComponent } from 'preact';
import type { Permission } from '../../shared/auth/permissions.js';
import type { CommonKey } from './messages.js';
import type { Params } from './router.js';

export type PageProps = { params: Params; query: URLSearchParams };

export type RouteDefinition = {
  path: string;
  /**
   * The page's module, imported when the page is first opened: the build makes each page a chunk
   * of its own, so the console's first load carries no page's code but the one shown.
   */
  load: () => Promise<FunctionComponent<PageProps>>;
  /** Who may open it: anyone, anyone signed in, or a permission of shared/auth/permissions.ts. */
  access: 'public' | 'signed-in' | Permission;
  /** Shown in the main menu under this label, in this order, to those who may open it. */
  menu?: CommonKey;
};

export const homePath = '/console/events';
export const signInPath = '/console/sign-in';

/** Every page of the console. A new page is one file in pages/ and one line here. */
export const routes: RouteDefinition[] = [
  { path: signInPath, load: () => import('./pages/sign-in.js').then((m) => m.SignInPage), access: 'public' },
  { path: '/console/set-password', load: () => import('./pages/set-password.js').then((m) => m.SetPasswordPage), access: 'public' },
  { path: '/console/events', load: () => import('./pages/events-list.js').then((m) => m.EventsListPage), access: 'events:read', menu: 'menu.events' },
  { path: '/console/events/new', load: () => import('./pages/event-form.js').then((m) => m.EventFormPage), access: 'events:write' },
  { path: '/console/events/:eventId', load: () => import('./pages/event-detail.js').then((m) => m.EventDetailPage), access: 'events:read' },
  { path: '/console/events/:eventId/edit', load: () => import('./pages/event-form.js').then((m) => m.EventFormPage), access: 'events:write' },
  { path: '/console/events/:eventId/invitations', load: () => import('./pages/invitations.js').then((m) => m.InvitationsPage), access: 'invitations:read' },
  { path: '/console/events/:eventId/answers', load: () => import('./pages/answers.js').then((m) => m.AnswersPage), access: 'registrations:read' },
  { path: '/console/events/:eventId/print', load: () => import('./pages/print-sheet.js').then((m) => m.PrintSheetPage), access: 'attendees:read' },
  { path: '/console/events/:eventId/delegation', load: () => import('./pages/delegation.js').then((m) => m.DelegationPage), access: 'attendees:read' },
  { path: '/console/events/:eventId/roster', load: () => import('./pages/delegation-roster.js').then((m) => m.DelegationRosterPage), access: 'attendees:read' },
  { path: '/console/events/:eventId/mail-templates', load: () => import('./pages/mail-templates.js').then((m) => m.MailTemplatesPage), access: 'events:write' },
  { path: '/console/events/:eventId/notices', load: () => import('./pages/notices.js').then((m) => m.NoticesPage), access: 'events:read' },
  { path: '/console/events/:eventId/check-in', load: () => import('./pages/check-in.js').then((m) => m.CheckInPage), access: 'attendees:check-in' },
  { path: '/console/events/:eventId/certificates', load: () => import('./pages/certificates.js').then((m) => m.CertificatesPage), access: 'attendees:read' },
  { path: '/console/events/:eventId/certificates/:registrationId', load: () => import('./pages/certificates.js').then((m) => m.CertificatesPage), access: 'attendees:read' },
  { path: '/console/events/:eventId/personal-data-log', load: () => import('./pages/personal-data-log.js').then((m) => m.PersonalDataLogPage), access: 'passports:read' },
  { path: '/console/events/:eventId/letters', load: () => import('./pages/letters.js').then((m) => m.LettersPage), access: 'attendees:read' },
  { path: '/console/papers', load: () => import('./pages/papers.js').then((m) => m.PapersPage), access: 'events:read', menu: 'menu.papers' },
  { path: '/console/units', load: () => import('./pages/units.js').then((m) => m.UnitsPage), access: 'units:manage', menu: 'menu.units' },
  { path: '/console/partners', load: () => import('./pages/partners.js').then((m) => m.PartnersPage), access: 'partners:read', menu: 'menu.partners' },
  { path: '/console/partners/contacts/:contactId', load: () => import('./pages/partners.js').then((m) => m.ContactPage), access: 'partners:read' },
  { path: '/console/partners/organisations/:organisationId', load: () => import('./pages/partners.js').then((m) => m.OrganisationPage), access: 'partners:read' },
  { path: '/console/greetings', load: () => import('./pages/greetings.js').then((m) => m.GreetingsPage), access: 'partners:read' },
  { path: '/console/greetings/:campaignId', load: () => import('./pages/greetings.js').then((m) => m.CampaignPage), access: 'partners:read' },
  { path: '/console/users', load: () => import('./pages/users.js').then((m) => m.UsersPage), access: 'users:manage', menu: 'menu.users' },
  { path: '/console/account', load: () => import('./pages/account.js').then((m) => m.AccountPage), access: 'signed-in', menu: 'menu.account' },
];
