import type { FunctionComponent } from 'preact';
import type { Permission } from '../../shared/auth/permissions.js';
import type { CommonKey } from './messages.js';
import type { Params } from './router.js';
import { AccountPage } from './pages/account.js';
import { EventDetailPage } from './pages/event-detail.js';
import { EventFormPage } from './pages/event-form.js';
import { EventsListPage } from './pages/events-list.js';
import { SetPasswordPage } from './pages/set-password.js';
import { SignInPage } from './pages/sign-in.js';
import { UsersPage } from './pages/users.js';

export type PageProps = { params: Params; query: URLSearchParams };

export type RouteDefinition = {
  path: string;
  page: FunctionComponent<PageProps>;
  /** Who may open it: anyone, anyone signed in, or a permission of shared/auth/permissions.ts. */
  access: 'public' | 'signed-in' | Permission;
  /** Shown in the main menu under this label, in this order, to those who may open it. */
  menu?: CommonKey;
};

export const homePath = '/console/events';
export const signInPath = '/console/sign-in';

/** Every page of the console. A new page is one file in pages/ and one line here. */
export const routes: RouteDefinition[] = [
  { path: '/console/sign-in', page: SignInPage, access: 'public' },
  { path: '/console/set-password', page: SetPasswordPage, access: 'public' },
  { path: '/console/events', page: EventsListPage, access: 'events:read', menu: 'menu.events' },
  { path: '/console/events/new', page: EventFormPage, access: 'events:write' },
  { path: '/console/events/:eventId', page: EventDetailPage, access: 'events:read' },
  { path: '/console/events/:eventId/edit', page: EventFormPage, access: 'events:write' },
  { path: '/console/users', page: UsersPage, access: 'users:manage', menu: 'menu.users' },
  { path: '/console/account', page: AccountPage, access: 'signed-in', menu: 'menu.account' },
];
