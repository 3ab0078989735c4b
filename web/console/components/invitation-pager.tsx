import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';

const messages = defineMessages({
  vi: {
    pages: 'Trang danh sách khách mời',
    jump: 'Đến tên bắt đầu bằng',
    jumpTo: 'Tên bắt đầu bằng {letter}',
    first: 'Từ đầu',
    previous: 'Trang trước',
    next: 'Trang sau',
  },
  en: {
    pages: 'Invitee list pages',
    jump: 'Go to given names starting with',
    jumpTo: 'Given names starting with {letter}',
    first: 'From the start',
    previous: 'Previous page',
    next: 'Next page',
  },
});

/** The first letters of given names on the union's lists, in the Vietnamese alphabet. */
export const GIVEN_NAME_LETTERS = ['A', 'Ă', 'Â', 'B', 'C', 'D', 'Đ', 'E', 'Ê', 'G', 'H', 'I', 'K', 'L', 'M', 'N', 'O', 'Ô', 'Ơ', 'P', 'Q', 'R', 'S', 'T', 'U', 'Ư', 'V', 'X', 'Y'];

/**
 * One page of the invitation list at a time (the page holds what is on screen, never thousands of
 * rows), any part reached in one step: a given name's first letter (the list is in given-name
 * order), then the next or previous page.
 */
export function InvitationPager(props: {
  from: string;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  showLetters: boolean;
  onFrom: (letter: string) => void;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const t = useText(messages);
  return (
    <nav class="invitation-pager" aria-label={t('pages')} data-testid="invitation-pages">
      {props.showLetters && (
        <div class="letter-bar" role="group" aria-label={t('jump')}>
          <button type="button" class="button small" aria-pressed={props.from === '' ? 'true' : 'false'} onClick={() => props.onFrom('')}>
            {t('first')}
          </button>
          {GIVEN_NAME_LETTERS.map((letter) => (
            <button
              key={letter}
              type="button"
              class="button small letter"
              aria-label={t('jumpTo', { letter })}
              aria-pressed={props.from === letter ? 'true' : 'false'}
              onClick={() => props.onFrom(letter)}
            >
              {letter}
            </button>
          ))}
        </div>
      )}
      <p class="page-steps">
        <button type="button" class="button" disabled={!props.hasPrevious || props.busy} onClick={props.onPrevious}>
          ← {t('previous')}
        </button>
        <button type="button" class="button" disabled={!props.hasNext || props.busy} onClick={props.onNext}>
          {t('next')} →
        </button>
      </p>
    </nav>
  );
}
