import type { Invitation } from '../../../shared/invitations/invitation-schema.js';

/**
 * Whose mail to preview: a sample person first, then the event's invitees with their
 * organisation, so two people of one name can be told apart.
 */
export function InviteeChoice(props: {
  id: string;
  class?: string;
  label: string;
  sampleLabel: string;
  invitees: Invitation[];
  value: string;
  onValue: (invitationId: string) => void;
}) {
  return (
    <div class={props.class ? `field ${props.class}` : 'field'}>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onValue(e.currentTarget.value)}>
        <option value="">{props.sampleLabel}</option>
        {props.invitees.map((i) => (
          <option key={i.invitationId} value={i.invitationId}>
            {i.name}
            {i.organisation ? ` · ${i.organisation}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
