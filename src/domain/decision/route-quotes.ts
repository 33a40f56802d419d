// The guidance sentences the routes, follow-ups and actions cite, word for word. Startup checks each one
// is in knowledge/guidance.md, so a changed guidance cannot leave a quote that is no longer there.

export const GUIDANCE_QUOTES = {
  takeOff:
    "If you find that your products have someone else's trademarks on them, you should take them off the shelves in time, instead of waiting until you are sued.",
  noRelist: 'It is not recommended to create a new list sale after moving the warehouse.',
  reportsAgain: 'he will not stop there in many cases, but will report it once he sees it.',
  keepSelling:
    "If the inventory is huge and you want to continue to sell, you can contact the plaintiff's law firm.",
  noDirectEmail: "It is not recommended to send an email directly to the plaintiff's law firm.",
  noReply: "The seller sends the information himself, and the plaintiff's law firm generally does not reply.",
  compensation: 'unprofessional treatment may pay a lot of compensation and sales share.',
  troLawyer:
    'Try to ask an American lawyer who is familiar with TRO to determine the scope of the temporary injunction, and ensure that a lawyer is hired immediately to respond within the defense period to ensure that the defense period is not missed.',
  nonInfringement:
    'If there is no infringement or dispute, or there are corresponding intellectual property rights, and the complainant has not received a response after repeated contact, it is recommended to provide the platform official with analytical evidence of product non-infringement by email.',
  notOurs:
    'If the complaint is not true, for example, the reported ASIN has never appeared in your store, you can try to write an email to explain all this and ask to restore the normal state of the store.',
  designDiffs: 'You can also write an email to refute it and list one point two or three differences.',
  calm: 'In a word, complaints should be restrained reasonably, and never show anger and panic.',
  otherRisks:
    'it is very likely that there are other products with infringement risks in the store, but no complaints have been received from the obligee.',
  lookCarefully:
    'Taking time to look carefully can largely avoid the risk of closing the store caused by the warning of re-infringement.',
  frozen: 'shops with large violations will be frozen',
} as const;
