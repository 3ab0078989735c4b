import { useId } from 'preact/hooks';
import type { AnswerTimeline } from '../../../shared/registrations/answer-timeline-schema.js';
import { defineMessages } from '../../lib/i18n.js';
import { useText } from '../context.js';
import { TableHead } from './data-table.js';

const messages = defineMessages({
  vi: {
    title: 'Số người nhận lời và từ chối cộng dồn theo ngày',
    desc: 'Biểu đồ bậc thang từ {from} đến {to}: đến cuối kỳ có {accepted} người nhận lời và {declined} người từ chối.',
    descEmpty: 'Chưa có thư mời nào được gửi và chưa có ai trả lời.',
    accepted: 'Nhận lời (cộng dồn)',
    declined: 'Từ chối (cộng dồn)',
    tableCaption: 'Số liệu của biểu đồ, theo ngày',
    date: 'Ngày',
    acceptedDay: 'Nhận lời trong ngày',
    declinedDay: 'Từ chối trong ngày',
    withdrawnDay: 'Rút lui trong ngày',
    acceptedTotal: 'Nhận lời cộng dồn',
    declinedTotal: 'Từ chối cộng dồn',
    withdrawnTotal: 'Rút lui cộng dồn',
    axisDays: 'Ngày (dd/mm)',
    axisPeople: 'Số người',
  },
  en: {
    title: 'People who accepted and declined, cumulative per day',
    desc: 'A step chart from {from} to {to}: by the end, {accepted} people accepted and {declined} declined.',
    descEmpty: 'No invitation has been sent and nobody has answered yet.',
    accepted: 'Accepted (cumulative)',
    declined: 'Declined (cumulative)',
    tableCaption: 'The numbers of the chart, per day',
    date: 'Date',
    acceptedDay: 'Accepted that day',
    declinedDay: 'Declined that day',
    withdrawnDay: 'Withdrew that day',
    acceptedTotal: 'Accepted, cumulative',
    declinedTotal: 'Declined, cumulative',
    withdrawnTotal: 'Withdrawn, cumulative',
    axisDays: 'Day (dd/mm)',
    axisPeople: 'People',
  },
});

/** "2031-11-20" → "20/11" (axis) or "20/11/2031" (table and description). */
const dayMonth = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;
const fullDate = (date: string) => `${dayMonth(date)}/${date.slice(0, 4)}`;

// The drawing's own units; the SVG scales to the card's width. On a phone the drawing is narrower
// (in units) so that, scaled to the screen, its 12-unit labels stay about 12 px, not 6.
const WIDE = { width: 640, labels: 8 };
const NARROW = { width: 340, labels: 4 };
const HEIGHT = 260;
const PAD = { left: 44, right: 12, top: 12, bottom: 46 };
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
const narrowScreen = () => typeof matchMedia === 'function' && matchMedia('(max-width: 40rem)').matches;

/** Whole-number ticks from 0 up to at least `max`, about five of them. */
function yTicks(max: number): number[] {
  const top = Math.max(1, max);
  const rough = Math.max(1, top / 5);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let value = 0; value < top + step; value += step) ticks.push(value);
  return ticks;
}

/**
 * The answers over time as an inline SVG step chart: cumulative accepted and declined, one slot
 * per Ho Chi Minh City day, each step at the start of the day its answers came. Drawn by Preact
 * with presentation attributes and classes only (the CSP allows no inline style). For screen
 * readers: a <title> and <desc>, and a visually hidden table of the same numbers.
 */
export function AnswersChart(props: { timeline: AnswerTimeline }) {
  const t = useText(messages);
  const id = useId();
  const days = props.timeline.days;
  if (days.length === 0) return <p class="muted">{t('descEmpty')}</p>;

  const { width: WIDTH, labels: MAX_X_LABELS } = narrowScreen() ? NARROW : WIDE;
  const PLOT_W = WIDTH - PAD.left - PAD.right;
  const last = days[days.length - 1]!;
  // Cumulative numbers only grow: the last day holds the highest.
  const ticks = yTicks(Math.max(last.cumulative.accepted, last.cumulative.declined));
  const top = ticks[ticks.length - 1]!;
  const slot = PLOT_W / days.length;
  const x = (index: number) => PAD.left + index * slot;
  const y = (value: number) => PAD.top + PLOT_H - (value / top) * PLOT_H;
  const stepPath = (series: 'accepted' | 'declined') => {
    let path = `M${x(0)},${y(0)}`;
    days.forEach((day, index) => {
      path += ` H${x(index).toFixed(1)} V${y(day.cumulative[series]).toFixed(1)}`;
    });
    return `${path} H${x(days.length).toFixed(1)}`;
  };
  const labelEvery = Math.ceil(days.length / MAX_X_LABELS);
  const description = t('desc', {
    from: fullDate(days[0]!.date),
    to: fullDate(last.date),
    accepted: last.cumulative.accepted,
    declined: last.cumulative.declined,
  });

  return (
    <figure class="answers-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="answers-chart-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{t('title')}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group is never focusable; the grid is decoration, the title and desc speak */}
        <g class="chart-grid" aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
              <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">
                {tick}
              </text>
            </g>
          ))}
          {days.map((day, index) =>
            // Counted back from the last day, so it always has its label and none crowd it.
            (days.length - 1 - index) % labelEvery === 0 ? (
              <text key={day.date} x={x(index) + slot / 2} y={HEIGHT - PAD.bottom + 18} text-anchor="middle">
                {dayMonth(day.date)}
              </text>
            ) : null,
          )}
          <text x={PAD.left + PLOT_W / 2} y={HEIGHT - 6} text-anchor="middle" class="chart-axis-title">
            {t('axisDays')}
          </text>
          <text x={12} y={PAD.top + PLOT_H / 2} text-anchor="middle" class="chart-axis-title" transform={`rotate(-90 12 ${PAD.top + PLOT_H / 2})`}>
            {t('axisPeople')}
          </text>
        </g>
        <path class="chart-line chart-declined" d={stepPath('declined')} fill="none" />
        <path class="chart-line chart-accepted" d={stepPath('accepted')} fill="none" />
      </svg>
      {/* Hidden by its wrapper: a table keeps its content's width whatever width it is given. Before
          the figcaption, which must be the figure's first or last child. */}
      <div class="visually-hidden">
        <table class="answers-chart-table">
          <caption>{t('tableCaption')}</caption>
          <TableHead columns={[t('date'), t('acceptedDay'), t('declinedDay'), t('withdrawnDay'), t('acceptedTotal'), t('declinedTotal'), t('withdrawnTotal')]} />
          <tbody>
            {days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{fullDate(day.date)}</th>
                <td>{day.accepted}</td>
                <td>{day.declined}</td>
                <td>{day.withdrawn}</td>
                <td>{day.cumulative.accepted}</td>
                <td>{day.cumulative.declined}</td>
                <td>{day.cumulative.withdrawn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption class="chart-legend" aria-hidden="true">
        <span class="legend-item legend-accepted">{t('accepted')}</span>
        <span class="legend-item legend-declined">{t('declined')}</span>
      </figcaption>
    </figure>
  );
}
