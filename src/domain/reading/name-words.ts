import { DAY_NAMES, MONTH_NAMES } from '../model/dates.js';

// Reading one name where the words put it ("plaintiff Acme Corp sued us", "our store PawJoy Direct. We …"),
// word by word, so a name ends where the sentence does and never swallows the next word. And what is never a
// complainant's name: a platform or its own programme ("a complaint from VeRO", "Amazon Brand Registry").
// Written as a loop over words, not one regex, so a long text is read in linear time.

// Words that open a sentence or a clause, label something else, or say when: never a part of a name
// ("we emailed the rights owner Monday"). "May" is left out: it is a name too.
const NOT_NAME = new Set([
  'We',
  'I',
  'They',
  'Our',
  'Their',
  'It',
  'He',
  'She',
  'You',
  'Your',
  'My',
  'This',
  'That',
  'These',
  'Those',
  'A',
  'An',
  'But',
  'Or',
  'So',
  'If',
  'Please',
  'Thanks',
  'Thank',
  'Hi',
  'Hello',
  'Dear',
  'What',
  'How',
  'Why',
  'When',
  'Where',
  'Who',
  'Is',
  'Are',
  'Was',
  'Were',
  'Has',
  'Have',
  'Had',
  'Do',
  'Does',
  'Did',
  'Can',
  'Could',
  'Should',
  'Would',
  'Will',
  'Also',
  'Then',
  'Now',
  'Today',
  'Yesterday',
  'Got',
  'Just',
  'Email',
  'E-mail',
  'Name',
  'Contact',
  'Address',
  'Phone',
  'Type',
  'ASIN',
  'TRO',
  'IPR',
  'Complaint',
  'Notice',
  'Schedule',
  'In',
  'On',
  'At',
  'For',
  'From',
  'To',
  'By',
  'With',
  'As',
  'After',
  'Before',
  'Under',
  'Not',
  'No',
  'Yes',
  'Ok',
  'OK',
  'Last',
  'Next',
  'Every',
  'Never',
  'Only',
  'Even',
  'Still',
  'Already',
  'Again',
  ...DAY_NAMES,
  // Not "May": it is also a word that opens a sentence and a name.
  ...MONTH_NAMES.filter((m) => m !== 'May'),
  ...['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'],
]);

// What ends a company's name, read in any case ("Inc.", "INC.", "Co., Ltd.").
const SUFFIX = /^(?:inc|corp|co|ltd|llc|l\.l\.c|limited|gmbh|plc|pty|s\.a|b\.v|n\.v|ag|srl|s\.r\.l|lp|llp)$/i;
// A full stop that belongs to the word: a suffix's ("Inc."), or an initial's ("Keith A. Vogt").
const ABBREVIATION = /^(?:inc|corp|co|ltd|bros|l\.l\.c|s\.a|n\.v|b\.v|p\.c|[A-Z])$/i;
const WORD = /^(?:[A-Z0-9]|[a-z][A-Z])[\w&'’.,-]*$/;
const CONNECTOR = /^(?:&|and|of|de|du)$/;

/**
 * The name at the start of `s`, as written: capitalised words ("PawJoy Direct"), with a company suffix
 * ("Acme Corp.", "Shenzhen Acme Co., Ltd.") and "&"/"of" between words. It ends at a lower-case word, at a
 * sentence's full stop ("PawJoy Direct. We" → "PawJoy Direct"), at a comma (unless a suffix follows), at a
 * possessive ("Acme's lawyers" → "Acme"), and before a word that opens a clause ("We", "I", "They", "Our").
 */
export function nameAt(s: string, maxWords = 6): string | undefined {
  // A name in Latin letters ends where Chinese starts: "店铺名 PawJoy Direct，收到投诉".
  const latin = s.slice(0, 160).split(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/)[0] ?? '';
  const tokens = latin.split(/(\s+)/);
  let out = '';
  let words = 0;
  let connector = '';
  // After a comma or a suffix's full stop only a suffix goes on: "Co., Ltd.", not "Acme Inc. Amazon …".
  let onlySuffix = false;
  for (let i = 0; i < tokens.length && words < maxWords; i += 2) {
    const before = tokens[i - 1] ?? '';
    const token = words === 0 ? (tokens[i] ?? '').replace(/^["“'‘(]+/, '') : (tokens[i] ?? '');
    const bare = token.replace(/[,;:.!?)"”'’]+$/, '');
    const possessive = /['’]s$/.test(bare);
    const core = possessive ? bare.slice(0, -2) : bare;
    const trail = token.slice(bare.length);
    if (words > 0 && !onlySuffix && connector === '' && trail === '' && CONNECTOR.test(core)) {
      connector = `${before}${core}`;
      continue;
    }
    const suffix = SUFFIX.test(core);
    const initial = /^[A-Z]$/.test(core) && trail.startsWith('.');
    if (onlySuffix && !suffix) break;
    if (!WORD.test(core) || (NOT_NAME.has(core) && !initial) || (words === 0 && suffix)) break;
    const stop = trail.startsWith('.') && ABBREVIATION.test(core.split(/[.,]/).pop() ?? '');
    out += `${connector}${words > 0 ? before : ''}${core}${stop ? '.' : ''}`;
    connector = '';
    words++;
    if (possessive || /[;:!?)"”]/.test(trail)) break;
    // A sentence's full stop ends the name: "PawJoy Direct. We …".
    if (trail.startsWith('.') && !stop) break;
    const comma = trail.includes(',');
    if (comma) out += ',';
    onlySuffix = comma || (stop && !initial);
  }
  const name = out.replace(/,$/, '').trim();
  return name === '' ? undefined : name;
}

// A platform, or its own IP programme or team: the channel a complaint came through, not who made it.
const PROGRAMME =
  /^(?:(?:amazon|aliexpress|alibaba|ebay|etsy|walmart|temu|tiktok|shopee|the platform)(?:['’]s)?\s*)?(?:vero(?: program(?:me)?)?|brand registry|ipp|ip protection(?: platform)?|intellectual property protection(?: platform)?|project zero|apex|patent evaluation express|brand protection|transparency|ip accelerator|seller central|seller support|account health|notice[- ]dispute|legal( team| department)?|ip team)?$/i;

/** A platform or one of its programmes ("VeRO", "Amazon Brand Registry", "IPP", "Project Zero"). */
export function isPlatformProgramme(name: string): boolean {
  return PROGRAMME.test(name.trim());
}

// Days and months: a date's words ("respond by Monday", "from March"), never a brand's or a company's name.
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/i;

/**
 * A day or a month, or a date ("Monday", "Dec", "December 14"). A name that only starts with one is a name
 * ("April Skin", "Sun Joe").
 */
export function isCalendarWord(name: string): boolean {
  const [first, second] = name.trim().split(/[\s,]+/);
  return CALENDAR.test(first ?? '') && (second === undefined || /^\d/.test(second) || CALENDAR.test(second));
}

// What ends a company's name: a name with it is a company (the complainant), not the brand it owns.
const COMPANY_END =
  /\b(?:inc|corp|corporation|co|ltd|llc|l\.l\.c|limited|gmbh|plc|pty|s\.a|b\.v|n\.v|ag|srl|s\.r\.l|lp|llp)\.?$/i;

/** A company's name by its suffix: "Pixelcraft Studios LLC", "Hangzhou Lianxin Technology Co., Ltd.". */
export function isCompanyName(name: string): boolean {
  return COMPANY_END.test(name.trim());
}
