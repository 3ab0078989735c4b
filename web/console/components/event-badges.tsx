import type { EventStatus, EventType } from '../../../shared/events/event-schema.js';
import { useText } from '../context.js';

export function StatusBadge(props: { status: EventStatus }) {
  const t = useText();
  return <span class={`badge status-${props.status}`}>{t(`eventStatus.${props.status}`)}</span>;
}

export function TypeBadge(props: { type: EventType }) {
  const t = useText();
  return <span class="badge type">{t(`eventType.${props.type}`)}</span>;
}
