// English number words, one table for every reader of counts in text: dates ("three days ago", "within
// fifteen days") and the numbers a language model's answer states ("twenty-one days", "a thousand dollars").

const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** one … nineteen, the tens, hundred, thousand, million. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries([
  ...ONES.map((w, i) => [w, i + 1] as const),
  ...TEENS.map((w, i) => [w, i + 10] as const),
  ...TENS.map((w, i) => [w, (i + 2) * 10] as const),
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1_000_000],
]);

/** Words that are a count of something on their own: "a dozen", "a fortnight" (of days). */
export const SET_WORDS: Readonly<Record<string, number>> = { dozen: 12, fortnight: 14 };

/** "twenty-one", "thirty five": a ten and a one, as a group each (the ten, the one). */
export const TENS_AND_ONES = new RegExp(String.raw`\b(${TENS.join('|')})[- ](${ONES.join('|')})\b`, 'g');
