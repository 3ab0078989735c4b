/**
 * The directory's, its proposals' and the greetings' use cases (one verb per file in
 * shared/partners/), loaded together on demand by routes/partners.ts: one chunk, and one import
 * in the cold start for the lot rather than one per verb (on-demand.ts).
 */
export { acceptProposal } from '../../shared/partners/accept-proposal.js';
export { changeRecipients } from '../../shared/partners/change-recipients.js';
export { contactHistory } from '../../shared/partners/contact-history.js';
export { createCampaign } from '../../shared/partners/create-campaign.js';
export { createContact } from '../../shared/partners/create-contact.js';
export { createOrganisation } from '../../shared/partners/create-organisation.js';
export { deleteOccasion } from '../../shared/partners/delete-occasion.js';
export { eraseContact } from '../../shared/partners/erase-contact.js';
export { getCampaign } from '../../shared/partners/get-campaign.js';
export { getContact } from '../../shared/partners/get-contact.js';
export { getOrganisation } from '../../shared/partners/get-organisation.js';
export { listCampaigns } from '../../shared/partners/list-campaigns.js';
export { listContacts } from '../../shared/partners/list-contacts.js';
export { listOccasions } from '../../shared/partners/list-occasions.js';
export { listOrganisations } from '../../shared/partners/list-organisations.js';
export { mergeContacts } from '../../shared/partners/merge-contacts.js';
export { organisationHistory } from '../../shared/partners/organisation-history.js';
export { previewGreeting } from '../../shared/partners/preview-greeting.js';
export { printGreetingLetters } from '../../shared/partners/print-greeting-letters.js';
export { proposeContacts } from '../../shared/partners/propose-contacts.js';
export { recordFlowers } from '../../shared/partners/record-flowers.js';
export { saveOccasion } from '../../shared/partners/save-occasion.js';
export { sendCampaign } from '../../shared/partners/send-campaign.js';
export { upcomingOccasions } from '../../shared/partners/upcoming-occasions.js';
export { updateCampaign } from '../../shared/partners/update-campaign.js';
export { updateContact } from '../../shared/partners/update-contact.js';
export { updateOrganisation } from '../../shared/partners/update-organisation.js';
