import type { Details } from '../model/facts.js';

// The numbers that name a case: the platform's complaint id, a US federal case number, and the patent and
// registration numbers asserted against the listing.

// ---------- complaint ids ----------

// "Complaint ID: 1234567", "Amazon case ID 12345678901", "Reference ID: …", "eBay VeRO Case ID: 5-1234…",
// "IPP complaint number is 261128…", "投诉编号：…", "投訴單號：…". A label ends with id / no. / number / #, so
// "complaint from the brand" has none. Not "Case No. 1:25-cv-01234": a court's case number.
const COMPLAINT_ID =
  /\b(complaint|ipr|report|ticket|notice|reference|violation|case)\s*(?:reference\s*|ref\.?\s*)?(id|no\.?|number|#)\s*(?:is\s+|was\s+)?[:：#-]?\s*([A-Z0-9][A-Z0-9-]{3,39})|(?:投诉|投訴|案件|工单|工單)(?:编号|編號|单号|單號|号|號|id)\s*(?:是|为|為)?\s*[:：]?\s*([A-Z0-9-]{4,40})/gi;

export function complaintIdSpans(text: string): { id: string; index: number; end: number }[] {
  const out: { id: string; index: number; end: number }[] = [];
  for (const m of text.matchAll(COMPLAINT_ID)) {
    const id = m[3] ?? m[4];
    // "Case No." is how a court numbers its cases (US state courts too: "Case No. 2026-L-001234").
    if (/^case$/i.test(m[1] ?? '') && /^no/i.test(m[2] ?? '')) continue;
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

// ---------- patent and registration numbers ----------

// Each kind has a prefix or label that only a patent or registration number carries (US, D, ZL, Reg. No.,
// EUTM, RCD): a run of digits alone may be a phone number, an order id, an ASIN's digits or a listing id, and
// is never taken. The kind and the digits make the key, so "D912,345" and "US D912,345 S" are one patent.
interface IpPattern {
  kind: string;
  re: RegExp;
  /** Taken only with a patent or design word nearby ("USD912345" alone may be US dollars). */
  needsContext?: boolean;
}

const IP_PATTERNS: IpPattern[] = [
  // US design patents: "US D912,345 S", "U.S. Patent No. D912,345", "D1,012,345", "USD912345S".
  {
    kind: 'us-design',
    re: /(?<![A-Z0-9])(?:U\.?S\.?\s?(?:Pat(?:ent)?\.?\s?(?:No\.?\s?)?)?)?D\s?(?:\d,\d{3},\d{3}|\d{3},\d{3})(?:\s?S\b)?|(?<![A-Z0-9])US\s?D?\d{6,7}S\b/gi,
  },
  { kind: 'us-design', re: /(?<![A-Z0-9])(?:US)?D\d{6,7}(?![\d,])/gi, needsContext: true },
  // US utility patents and publications: "US 11,234,567 B2", "U.S. Patent No. 10,123,456", "US11234567B2",
  // "US 2023/0123456 A1", "Patent No. 11,234,567".
  {
    kind: 'us-patent',
    re: /(?<![A-Z0-9])(?:U\.?S\.?\s?(?:Pat(?:ent)?\.?\s?(?:No\.?\s?)?)?|Patent\s(?:No\.?|Number|asserted)\s?:?\s?)(?:\d{1,2},\d{3},\d{3}|\d{7,8}(?![\d,]))(?:\s?B[12]\b|\s?A1\b)?|(?<![A-Z0-9])US\s?20\d{2}\/?\d{7}\s?A1\b/gi,
  },
  // Trademark registrations: "Reg. No. 6,123,456", "U.S. Registration No. 6123456", "Registration Number: …",
  // Amazon's "Trademark asserted: 6123456".
  {
    kind: 'us-reg',
    re: /(?<![A-Z0-9])(?:(?:U\.?S\.?\s)?(?:Trademark\s)?Reg(?:istration|\.)?\s?(?:No\.?|Number|#)|Trademark\s(?:asserted|number|No\.?))\s?[:：]?\s?(?:\d,\d{3},\d{3}|\d{7}(?![\d,]))/gi,
  },
  // Chinese patents: "ZL 2021 3 0123456.7", "专利号：ZL202130123456.7", "专利号 202130123456.7", "CN 306123456 S".
  {
    kind: 'cn-patent',
    re: /(?<![A-Z0-9])ZL\s?\d{4}\s?\d\s?\d{7}\s?\.\s?[\dX]|(?:专利号|專利號)\s?[:：]?\s?\d{12}\.[\dX]|(?<![A-Z0-9])CN\s?\d{9}\s?[ABSU]\b/gi,
  },
  // EU trade marks and registered Community designs: "EUTM 018123456", "EUTM No. 018123456",
  // "RCD 008123456-0001", "Registered Community Design No. 008123456-0001".
  {
    kind: 'eutm',
    re: /\bEUTM\s?(?:No\.?\s?)?\d{9}(?![\d-])|\bEU Trade ?Mark\s(?:No\.?\s?)?\d{9}(?![\d-])/gi,
  },
  { kind: 'rcd', re: /\b(?:RCD|Registered Community Design)\s?(?:No\.?\s?)?\d{9}-\d{4}\b/gi },
  // A Chinese trademark registration: "商标注册号：12345678".
  { kind: 'cn-reg', re: /(?:注册号|註冊號)\s?[:：]?\s?\d{7,8}(?!\d)/g },
];

const IP_CONTEXT = /patent|design|专利|專利|外观|外觀/i;
const NOT_IP_REG = /company|business|vat|tax|公司|营业执照|營業執照|统一社会信用/i;

/** The patent and registration numbers in the text, as written, without repeats (at most 20). */
export function ipNumbers(text: string): string[] {
  const found: { at: number; written: string; key: string }[] = [];
  const keys = new Set<string>();
  for (const { kind, re, needsContext } of IP_PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (needsContext && !IP_CONTEXT.test(text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 40)))
        continue;
      // A company's registration number is not a trademark's.
      if (kind.endsWith('reg') && NOT_IP_REG.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
      // The key: the kind and the number's own digits (a "US" or "ZL" prefix and a kind code are not part).
      const digits = m[0].replace(/(?:B[12]|A1|S|[ABU])\s*$/i, '').replace(/[^\dX]/gi, '');
      const key = `${kind}:${digits}`;
      if (keys.has(key)) continue;
      keys.add(key);
      found.push({ at: m.index, written: m[0].replace(/\s+/g, ' ').trim(), key });
    }
  }
  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, 20)
    .map((f) => f.written.slice(0, 80));
}

/** The asserted patent and registration numbers, when the text names any. */
export function readIpNumbers(text: string): Pick<Details, 'ipNumbers'> {
  const numbers = ipNumbers(text);
  return numbers.length > 0 ? { ipNumbers: numbers } : {};
}
