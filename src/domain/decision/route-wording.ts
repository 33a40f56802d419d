// Reasons that depend on one fact's value, per platform. Amazon has no counter-notice window: its listing
// stays down until an appeal or a retraction clears it, so its wording never mentions one.

export const CONTACT_REASONS: Record<string, string> = {
  no_reply:
    'The complainant has not answered repeated contact, so send the platform analytical evidence that the product does not infringe.',
  not_tried:
    'Send the platform your evidence before the counter-notice deadline, and at the same time ask the complainant politely to withdraw (draft below): the window does not wait for their answer.',
  replied:
    'The complainant answered: if they agree, ask them to send the retraction to the platform themselves; either way, send the platform your evidence before the counter-notice deadline.',
};

export const CONTACT_REASONS_AMAZON: Record<string, string> = {
  no_reply:
    'The complainant has not answered repeated contact, so appeal to Amazon with analytical evidence that the product does not infringe.',
  not_tried:
    'Ask the complainant politely to retract first (Amazon accepts only a retraction they send themselves); if they do not, appeal to Amazon with your evidence.',
  replied:
    'The complainant answered: if they agree, they must send Amazon the retraction themselves; if not, appeal to Amazon with your evidence.',
};

/** Why a court case or a demand letter means "off sale now, delete nothing", whatever the seller thinks of the claim. */
export const PRESERVE_REASONS: Record<string, string> = {
  court_or_tro:
    'A court case makes the listing and its records evidence: take the accused product off sale on every channel now, so it sells no more, and delete nothing (listing, photos, orders, sales records, messages) until the lawyer says so, whatever you think of the claim.',
  rights_holder_letter:
    'A letter from their side means a lawsuit may follow, and the duty to keep evidence starts now: take the accused product off sale on every channel, and delete nothing (listing, photos, orders, sales records, messages) until the lawyer says so, whatever you think of the claim.',
};

export const AMAZON_APPEAL_STEP =
  'Submit the appeal below in Account Health (Submit appeal), with the documents as image files. Amazon gives no fixed window, but the listing stays down until an appeal or a retraction clears it.';
