// Sellers type fast and often in a second language: "got a trademrk complant on B0C7654321 yesterdy".
// The key words the rules and the date reader look for are mended before they read, from a fixed list of
// misspellings seen in seller messages. Only misspellings that are no other English word are listed
// ("compliant", "layer", "patend" are words, or too close to one, and are left alone).

const MISSPELLINGS: Record<string, string[]> = {
  complaint: [
    'complant',
    'compaint',
    'complait',
    'complint',
    'complaimt',
    'compalint',
    'complaiint',
    'complainte',
  ],
  trademark: [
    'trademrk',
    'trademak',
    'tradmark',
    'trademarck',
    'trademakr',
    'trdemark',
    'tradmerk',
    'trademaek',
    'trademar',
  ],
  copyright: ['copywrite', 'copyrite', 'copywright', 'copyrigth', 'copyrght', 'coppyright', 'copyrihgt'],
  patent: ['patant', 'patnet', 'pattent'],
  infringement: ['infringment', 'infrigement', 'infringemnt', 'infrigment', 'infringemet', 'infringemt'],
  infringing: ['infringin', 'infriging'],
  yesterday: ['yesterdy', 'yestarday', 'yesturday', 'yesteday', 'yestrday', 'yesterady', 'yesterdya', 'yday'],
  received: ['recieved', 'recived', 'receved', 'receieved'],
  listing: ['lisitng', 'listng', 'lsiting', 'listig'],
  authorization: ['autorization', 'authorzation', 'authorizaton', 'athorization', 'authrization'],
  design: ['desing', 'deisgn', 'dezign'],
  lawyer: ['lawer', 'laywer', 'lawyr'],
  attorney: ['atorney', 'attorny', 'attourney', 'attoney'],
  counterfeit: ['counterfiet', 'conterfeit', 'counterfit', 'couterfeit'],
  removed: ['remvoed', 'removd', 'remoed'],
};

const FIX = new Map<string, string>();
for (const [right, wrongs] of Object.entries(MISSPELLINGS)) for (const w of wrongs) FIX.set(w, right);
const WRONG = new RegExp(`\\b(${[...FIX.keys()].join('|')})\\b`, 'gi');
// "they say we use there logo": "there" before what a right protects, after a verb of using, is "their".
const THERE =
  /\b(use|uses|used|using|copy|copies|copied|copying|stole|took|infringe|infringes|infringed|infringing|with|of) there (logo|brand|trademark|design|photos?|images?|pictures?|patent|mark|name|product)s?\b/gi;

/** The text with known misspellings of the key words mended (lengths may change: read it whole). */
export function mendTypos(text: string): string {
  return text
    .replace(WRONG, (w) => FIX.get(w.toLowerCase()) ?? w)
    .replace(THERE, (m) => m.replace(/ there /i, ' their '));
}
