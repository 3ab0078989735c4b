import { useState } from 'preact/hooks';
import type { ImportResult } from '../../../shared/invitations/invitation-schema.js';
import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';
import { DialogLauncher } from './dialog-launcher.js';

const messages = defineMessages({
  vi: { open: 'Mời từ danh bạ đối tác' },
  en: { open: 'Invite from the partners directory' },
});

type Body = typeof import('./directory-invite-dialog.js').DirectoryInviteBody;

/**
 * An event's invitees drawn from the partners directory (POST …/invitations/from-directory), in a
 * dialog whose code loads on the first click: the invitations page, already the console's
 * heaviest, does not carry it for organisers who never use the directory.
 */
export function DirectoryInvite(props: { eventId: string; onImported: (result: ImportResult) => void }) {
  const t = useText(messages);
  const [Body, setBody] = useState<Body>();
  return (
    <DialogLauncher
      label={t('open')}
      titleId="directory-invite-title"
      class="directory-invite"
      load={async () => {
        const loaded = await import('./directory-invite-dialog.js');
        setBody(() => loaded.DirectoryInviteBody);
      }}
    >
      {(close) => Body && <Body {...props} close={close} />}
    </DialogLauncher>
  );
}
