// The numbers that name a case: the platform's complaint id and a US federal case number.

// ---------- ids ----------

// "Complaint ID: 1234567", "Amazon case ID 12345678901", "投诉编号：…". Not "Case No. 1:25-cv-01234" (a court case).
const COMPLAINT_ID =
  /\b(?:complaint|ipr|report|ticket|notice|reference)\s*(?:id|no\.?|number|#)\s*[:：#]?\s*([A-Z0-9][A-Z0-9-]{3,39})|\bcase\s*id\s*[:：#]?\s*([A-Z0-9][A-Z0-9-]{3,39})|(?:投诉|案件)(?:编号|单号|号|id)\s*[:：]?\s*([A-Z0-9-]{4,40})/gi;

export function complaintIdSpans(text: string): { id: string; index: number; end: number }[] {
  const out: { id: string; index: number; end: number }[] = [];
  for (const m of text.matchAll(COMPLAINT_ID)) {
    const id = m[1] ?? m[2] ?? m[3];
    // An id has a digit ("complaint no. from the brand" is not one), and a court case number is not a complaint id.
    if (!id || !/\d/.test(id) || /\d{2}-cv-/i.test(id)) continue;
    out.push({ id, index: m.index, end: m.index + m[0].length });
  }
  return out;
}

// US federal case numbers: "1:25-cv-01234", often written without the office number ("25-cv-01234").
export function caseNumber(text: string): string | undefined {
  return /\b((?:\d:)?\d{2}-cv-\d{2,6}(?:-[A-Z]{1,4})?)\b/i.exec(text)?.[1];
}
