import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';

export type AnswerChannel = 'phone' | 'in_person' | 'other';

/** Shared by the answers page and the invitations list, which both mark such answers. */
export const onBehalfLabels = defineMessages({
  vi: {
    onBehalfMark: 'Ghi nhận thay ({channel})',
    'channel.phone': 'qua điện thoại',
    'channel.in_person': 'gặp trực tiếp',
    'channel.other': 'cách khác',
  },
  en: {
    onBehalfMark: 'Recorded on behalf ({channel})',
    'channel.phone': 'by phone',
    'channel.in_person': 'in person',
    'channel.other': 'another way',
  },
});

/** An answer an organiser recorded for the invitee, and how it reached them. */
export function OnBehalfMark(props: { channel: AnswerChannel }) {
  const t = useText(onBehalfLabels);
  return <span class="badge on-behalf">{t('onBehalfMark', { channel: t(`channel.${props.channel}`) })}</span>;
}
