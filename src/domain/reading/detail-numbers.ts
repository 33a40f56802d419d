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
//
// Each number is written in ONE normal form, the way a lawyer cites it: the office, then the number, without
// filler words ("Patent No.", "Trademark", "Registration Number:") or a US grant's kind code (B1, B2, S: the
// number alone names the patent). A publication keeps its "A1": it is an application, not a granted patent.
//   US 11,456,789 · US D912,345 · US 2023/0123456 A1 · US Reg. No. 6,234,567 · ZL 2021 3 0123456.7 ·
//   CN 306123456 S · EUTM 018123456 · RCD 008123456-0001
// An office the words do not name is not added: "Patent No. 10,123,456", "Reg. No. 6,234,567" (Japan and
// others number theirs alike). A US design number ("D912,345") is the USPTO's own form, so it says US.
interface IpPattern {
  kind: string;
  re: RegExp;
  /** Taken only with a patent or design word nearby ("USD912345" alone may be US dollars). */
  needsContext?: boolean;
  /** The normal form of what the pattern matched; `us` when the words name the US office. */
  normal: (written: string, us: boolean) => string;
}

/** Digits in thousands groups, as the USPTO writes them: 912345 → 912,345; 11234567 → 11,234,567. */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(?:\d{3})+$)/g, ',');
}
const digitsOf = (s: string): string => s.replace(/\D/g, '');
// The office, when the words name it: "US", "U.S." at the number's start, or just before its label ("U. S.
// Patent Number …", "USPTO Reg. No. …").
const SAYS_US = /^U\.?\s?S\.?(?![A-Z])/i;
const US_BEFORE = /(?:\bU\.?\s?S\.?|\bUSPTO)\s?(?:Trademark\s|Design\s|Utility\s)?$/i;

const IP_PATTERNS: IpPattern[] = [
  // US design patents: "US D912,345 S", "U.S. Patent No. D912,345", "D1,012,345", "USD912345S".
  {
    kind: 'us-design',
    re: /(?<![A-Z0-9])(?:U\.?S\.?\s?(?:Pat(?:ent)?\.?\s?(?:No\.?\s?)?)?)?D\s?(?:\d,\d{3},\d{3}|\d{3},\d{3})(?:\s?S\b)?|(?<![A-Z0-9])US\s?D?\d{6,7}S\b/gi,
    normal: (w) => `US D${grouped(digitsOf(w))}`,
  },
  {
    kind: 'us-design',
    re: /(?<![A-Z0-9])(?:US)?D\d{6,7}(?![\d,])/gi,
    needsContext: true,
    normal: (w) => `US D${grouped(digitsOf(w))}`,
  },
  // US utility patents and publications: "US 11,234,567 B2", "U.S. Patent No. 10,123,456", "US11234567B2",
  // "US 2023/0123456 A1", "Patent No. 11,234,567".
  {
    kind: 'us-patent',
    re: /(?<![A-Z0-9])(?:U\.?S\.?\s?(?:Pat(?:ent)?\.?\s?(?:No\.?\s?)?)?|Patent\s(?:No\.?|Number|asserted)\s?:?\s?)(?:\d{1,2},\d{3},\d{3}|\d{7,8}(?![\d,]))(?:\s?B[12]\b|\s?A1\b)?|(?<![A-Z0-9])US\s?20\d{2}\/?\d{7}\s?A1\b/gi,
    normal: (w, us) => {
      const publication = /(20\d{2})\/?(\d{7})\s?A1$/i.exec(w);
      if (publication) return `US ${publication[1]}/${publication[2]} A1`;
      const number = grouped(digitsOf(w.replace(/\s?(?:B[12]|A1)$/i, '')));
      return us ? `US ${number}` : `Patent No. ${number}`;
    },
  },
  // Trademark registrations: "Reg. No. 6,123,456", "U.S. Registration No. 6123456", "Registration Number: …",
  // Amazon's "Trademark asserted: 6123456".
  {
    kind: 'reg',
    re: /(?<![A-Z0-9])(?:(?:U\.?S\.?\s)?(?:Trademark\s)?Reg(?:istration|\.)?\s?(?:No\.?|Number|#)|Trademark\s(?:asserted|number|No\.?))\s?[:：]?\s?(?:\d,\d{3},\d{3}|\d{7}(?![\d,]))/gi,
    normal: (w, us) => `${us ? 'US ' : ''}Reg. No. ${grouped(digitsOf(w))}`,
  },
  // Chinese patents: "ZL 2021 3 0123456.7", "专利号：ZL202130123456.7", "专利号 202130123456.7", "CN 306123456 S".
  // A ZL number is read as CNIPA prints it: the year, the kind (1 invention, 2 utility model, 3 design), the
  // serial and the check digit.
  {
    kind: 'cn-patent',
    re: /(?<![A-Z0-9])ZL\s?\d{4}\s?\d\s?\d{7}\s?\.\s?[\dX]|(?:专利号|專利號)\s?[:：]?\s?\d{12}\.[\dX]|(?<![A-Z0-9])CN\s?\d{9}\s?[ABSU]\b/gi,
    normal: (w) => {
      const cn = /^CN\s?(\d{9})\s?([ABSU])$/i.exec(w);
      if (cn) return `CN ${cn[1]} ${cn[2]?.toUpperCase()}`;
      const zl = /(\d{4})\s?(\d)\s?(\d{7})\s?\.\s?([\dX])$/i.exec(w);
      return zl ? `ZL ${zl[1]} ${zl[2]} ${zl[3]}.${zl[4]?.toUpperCase()}` : w;
    },
  },
  // EU trade marks and registered Community designs: "EUTM 018123456", "EUTM No. 018123456",
  // "RCD 008123456-0001", "Registered Community Design No. 008123456-0001".
  {
    kind: 'eutm',
    re: /\bEUTM\s?(?:No\.?\s?)?\d{9}(?![\d-])|\bEU Trade ?Mark\s(?:No\.?\s?)?\d{9}(?![\d-])/gi,
    normal: (w) => `EUTM ${digitsOf(w)}`,
  },
  {
    kind: 'rcd',
    re: /\b(?:RCD|Registered Community Design)\s?(?:No\.?\s?)?\d{9}-\d{4}\b/gi,
    normal: (w) => `RCD ${/\d{9}-\d{4}/.exec(w)?.[0] ?? w}`,
  },
  // A trademark registration in Chinese words: "商标注册号：12345678". Which office is not said (a Chinese
  // seller writes a US mark's number so too), and the number is kept as written.
  {
    kind: 'reg',
    re: /(?:注册号|註冊號)\s?[:：]?\s?\d{7,8}(?!\d)/g,
    normal: (w) => `Reg. No. ${digitsOf(w)}`,
  },
];

const IP_CONTEXT = /patent|design|专利|專利|外观|外觀/i;
const NOT_IP_REG = /company|business|vat|tax|公司|营业执照|營業執照|统一社会信用/i;

/** The patent and registration numbers in the text, each in its normal form, without repeats (at most 20). */
export function ipNumbers(text: string): string[] {
  const found: { at: number; written: string }[] = [];
  const keys = new Set<string>();
  for (const { kind, re, needsContext, normal } of IP_PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (needsContext && !IP_CONTEXT.test(text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 40)))
        continue;
      // A company's registration number is not a trademark's.
      if (kind === 'reg' && NOT_IP_REG.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
      // The key: the kind and the number's own digits (a "US" or "ZL" prefix and a kind code are not part).
      const digits = m[0].replace(/(?:B[12]|A1|S|[ABU])\s*$/i, '').replace(/[^\dX]/gi, '');
      const key = `${kind}:${digits}`;
      if (keys.has(key)) continue;
      keys.add(key);
      const written = m[0].replace(/\s+/g, ' ').trim();
      const us = SAYS_US.test(written) || US_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index));
      found.push({ at: m.index, written: normal(written, us) });
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
