import type { Condition } from '../decision/conditions.js';
import type { Details, FactKey } from '../model/facts.js';

export interface Choice {
  /** The button's value; also the fact's value unless `factValue` says otherwise. */
  value: string;
  label: string;
  /** Words a seller may type instead of the number or the label. */
  synonyms?: string[];
  /** The fact value when two choices share one (authorized by a letter, or by invoices only). */
  factValue?: string;
  /** Details the choice also records (what an "authorized" answer rests on). */
  details?: Details;
}

/** The fact value a choice sets. */
export function choiceFactValue(c: Choice): string {
  return c.factValue ?? c.value;
}

export type QuestionTarget = { fact: FactKey } | { detail: 'differences' };

export interface Question {
  id: string;
  sets: QuestionTarget;
  text: string;
  /** Shown under the question: how to tell, in plain words. May depend on one fact (e.g. the IP type). */
  help?: string;
  helpBy?: { key: FactKey; values: Record<string, string> };
  choices: Choice[];
  /** What free text the question takes besides its choices, and the hint shown for it. */
  freeText?: { kind: 'listing' | 'date' | 'list'; hint: string };
  skippable?: boolean;
  /**
   * Words that make a sentence about this question. A bare "no" or "yes" counts as the answer only when the
   * words after it are about this question too (or say nothing more): "no, haven't talked to them" answers
   * the contact question, not "Is the listing yours?".
   */
  topic?: RegExp;
  /** Asked when the fact is unknown and any of these holds (empty: always). */
  askWhen: Condition[];
}

const NOT_OURS = { listingIsOurs: ['no'] } as const;
const COURT = { notice: ['court_or_tro'] } as const;
const PLATFORM = { notice: ['platform_complaint'] } as const;

/** The guided conversation, in the order questions are asked. Only unknown, relevant facts are asked. */
export const QUESTIONS: readonly Question[] = [
  {
    id: 'listingId',
    sets: { fact: 'listingId' },
    text: 'Which listing was reported?',
    choices: [],
    freeText: {
      kind: 'listing',
      hint: 'Paste the item link or id (AliExpress item id or Amazon ASIN), or say "skip" if you do not have it.',
    },
    skippable: true,
    askWhen: [],
  },
  {
    id: 'notice',
    sets: { fact: 'notice' },
    text: 'What did you receive?',
    choices: [
      {
        value: 'platform_complaint',
        label: 'A platform IP complaint or warning',
        synonyms: [
          'platform',
          'complaint',
          'warning',
          'takedown',
          'seller center',
          'account health',
          '投诉',
          '平台投诉',
          '知识产权投诉',
          '侵权投诉',
          '警告',
        ],
      },
      {
        value: 'rights_holder_letter',
        label: 'A letter or email from the rights holder or its law firm',
        synonyms: ['letter', 'law firm', 'cease and desist', 'email', '律师函', '律师信', '警告函', '邮件'],
      },
      {
        value: 'court_or_tro',
        label: 'Court papers, a TRO, a lawsuit or frozen funds',
        synonyms: [
          'court',
          'tro',
          'lawsuit',
          'frozen',
          'sued',
          'summons',
          'schedule a',
          '法院',
          '临时禁令',
          '冻结',
          '资金冻结',
          '起诉',
          '被起诉',
          '诉讼',
          '传票',
        ],
      },
    ],
    topic:
      /\b(complaint|complained|letter|e-?mail|court|tro|lawsuit|sued|summons|frozen|freeze|froze|notice|warning|takedown|law ?firm|lawyers?|attorneys?|platform|amazon|aliexpress|cease)\b|投诉|律师|法院|冻结|邮件|警告|平台|禁令/,
    askWhen: [],
  },
  {
    id: 'listingIsOurs',
    sets: { fact: 'listingIsOurs' },
    text: 'Is the reported listing really yours?',
    choices: [
      {
        value: 'yes',
        label: 'Yes, it is our listing',
        synonyms: ['yes', 'y', 'ours', 'it is ours', '是', '是的', '对', '对的', '是我们的', '我们的'],
      },
      {
        value: 'no',
        label: 'No, it was never in our store',
        synonyms: [
          'no',
          'n',
          'never',
          'not ours',
          'never listed',
          'never sold',
          '否',
          '不是',
          '不是我们的',
          '从未上架',
          '没有上架过',
        ],
      },
    ],
    topic:
      /\b(ours|mine|our (own )?(listings?|store|shop|asins?)|listed|uploaded|published|in (our|my) (store|shop)|someone else'?s?|another (seller|store|shop)|hijack\w*)\b|是我们的|我们店|店铺|上架|卖过|销售过|链接/,
    askWhen: [],
  },
  {
    id: 'ipType',
    sets: { fact: 'ipType' },
    text: 'What right does the complaint name?',
    help: 'It is written in the complaint, usually next to a registration or patent number.',
    choices: [
      { value: 'trademark', label: 'Trademark', synonyms: ['tm', 'brand', 'logo', 'mark', '商标', '品牌'] },
      {
        value: 'design_patent',
        label: 'Design patent',
        synonyms: ['design', '外观专利', '外观设计', '外观'],
      },
      {
        value: 'utility_patent',
        label: 'Utility patent',
        synonyms: ['utility', 'invention patent', 'invention', '发明专利', '实用新型', '发明'],
      },
      {
        value: 'copyright',
        label: 'Copyright',
        synonyms: ['photos', 'images', 'picture', 'artwork', 'dmca', '版权', '著作权', '图片'],
      },
      {
        value: 'unknown',
        label: 'Not sure',
        synonyms: [
          'not sure',
          'unsure',
          "don't know",
          'dont know',
          'unknown',
          'no idea',
          '不确定',
          '不知道',
          '不清楚',
        ],
      },
    ],
    topic:
      /\b(trademark|trade mark|tm|brand|logo|mark|design|patent|utility|invention|copyright|photos?|images?|pictures?|dmca)\b|商标|品牌|专利|外观|版权|著作权|图片/,
    askWhen: [{ not: NOT_OURS }],
  },
  {
    id: 'usesTheirIp',
    sets: { fact: 'usesTheirIp' },
    text: 'Does the product or listing actually use their right?',
    help: 'Look at the product, its packaging, the photos and the title.',
    helpBy: {
      key: 'ipType',
      values: {
        trademark: 'Trademark: is their brand name or logo on the product, packaging, photos or title?',
        design_patent:
          'Design patent: would an ordinary buyer, paying normal attention, take the overall look of your product for theirs?',
        utility_patent:
          'Utility patent: does your product work the way their patent claims describe? This usually needs a lawyer to judge.',
        copyright: 'Copyright: are their photos, artwork or text in your listing or on the product?',
        unknown:
          'Trademark: their name or logo on it? Design: would a buyer take the look for theirs? Copyright: their photos or artwork?',
      },
    },
    choices: [
      {
        value: 'yes',
        label: 'Yes, it does',
        synonyms: ['yes', 'y', 'it does', '是', '是的', '有', '对', '用了'],
      },
      {
        value: 'no',
        label: 'No, it does not',
        synonyms: ['no', 'n', 'it does not', "doesn't", 'does not', '否', '不是', '没有', '没用', '不'],
      },
      {
        value: 'unsure',
        label: 'Not sure',
        synonyms: [
          'not sure',
          'unsure',
          'maybe',
          "don't know",
          'dont know',
          'no idea',
          'no clue',
          '不确定',
          '不知道',
          '不清楚',
          '可能',
        ],
      },
    ],
    topic:
      /\b(logos?|brand|name|marks?|trademark|design|designs|photos?|images?|pictures?|artwork|copy|copied|copies|replica|fake|counterfeit|knock-?off|dupe|similar|same|identical|look(s|ed)? like|looks nothing|infring\w*|original|generic|unbranded|different|print(ed)?|packaging|box|label|title|shape|pattern|character)\b|logo|商标|品牌|图片|设计|侵权|仿|一样|相似|像|印|标志/,
    askWhen: [{ not: NOT_OURS }],
  },
  {
    id: 'rights',
    sets: { fact: 'rights' },
    text: 'Do you hold rights to it?',
    choices: [
      {
        value: 'own',
        label: 'We own a registration of our own',
        synonyms: ['own', 'ours', 'we own it', 'registered', '自有', '自有品牌', '我们自己的', '注册了'],
      },
      {
        value: 'authorized',
        label: 'A signed authorization letter from the owner',
        synonyms: [
          'authorized',
          'authorised',
          'licence',
          'license',
          'letter',
          'authorization letter',
          '有授权',
          '授权',
          '授权书',
        ],
        details: { rightsBasis: 'letter' },
      },
      {
        // Invoices prove genuine goods (first sale), not an authorization: the drafts must not claim one.
        value: 'authorized_invoices',
        factValue: 'authorized',
        label: 'No letter, but invoices: genuine goods bought from the brand or its distributor',
        synonyms: [
          'invoices',
          'invoice',
          'distributor',
          'genuine',
          'first sale',
          'genuine goods',
          '发票',
          '正品',
        ],
        details: { rightsBasis: 'invoices' },
      },
      {
        value: 'none',
        label: 'No rights',
        synonyms: ['none', 'no', 'n', 'no rights', 'nothing', '没有', '无', '否', '没有授权', '无授权'],
      },
    ],
    topic:
      /\b(authori[sz]\w*|licen[cs]\w*|permission|letter|invoices?|receipts?|distributor|dealer|reseller|genuine|authentic|registered|registration|certificate|own (it|the|our)|our own|rights?)\b|授权|许可|发票|正品|注册|经销商|代理|自有/,
    askWhen: [{ is: { usesTheirIp: ['yes', 'unsure'] }, not: NOT_OURS }],
  },
  {
    id: 'complainantContact',
    sets: { fact: 'complainantContact' },
    text: 'Have you contacted the complainant?',
    choices: [
      {
        value: 'no_reply',
        label: 'Yes, several times, no reply',
        synonyms: [
          'no reply',
          'no answer',
          'no response',
          'ignored',
          '没有回复',
          '没回复',
          '不回复',
          '联系了没回复',
        ],
      },
      {
        value: 'not_tried',
        label: 'Not yet',
        synonyms: ['not yet', 'no', 'n', 'not tried', 'never', '还没有', '还没', '没有联系', '没联系'],
      },
      {
        value: 'replied',
        label: 'Yes, and they replied',
        synonyms: ['replied', 'they replied', 'answered', '回复了', '已回复', '他们回复了'],
      },
    ],
    // Only a platform complaint is disputed by the seller; letters and court papers go through a lawyer.
    topic:
      /\b(contact\w*|talk\w*|spoke|spoken|speak|e-?mail\w*|messag\w*|wrote|written|writ\w*|reach\w*|repl\w*|respon\w*|answer\w*|heard|call\w*|phoned|got back|get back|ignored)\b|联系|沟通|回复|回应|答复|邮件|理会/,
    askWhen: [
      {
        is: { usesTheirIp: ['no'], ipType: ['trademark', 'design_patent', 'copyright'], ...PLATFORM },
        not: NOT_OURS,
      },
      { is: { usesTheirIp: ['yes', 'unsure'], rights: ['own', 'authorized'], ...PLATFORM }, not: NOT_OURS },
    ],
  },
  {
    id: 'inventory',
    sets: { fact: 'inventory' },
    text: 'How much stock of this product is at stake?',
    choices: [
      {
        value: 'large_keep_selling',
        label: 'Large stock, we want to keep selling',
        synonyms: ['large', 'keep selling', 'a lot', 'big', '大', '库存大', '很多', '继续卖', '想继续卖'],
      },
      {
        value: 'small_or_stop',
        label: 'Small stock, or we can stop selling it',
        synonyms: [
          'small',
          'stop',
          'little',
          'few',
          'can stop',
          '小',
          '少',
          '库存少',
          '很少',
          '库存很少',
          '可以停',
          '不卖了',
        ],
      },
    ],
    topic:
      /\b(stock|inventory|units?|pcs|pieces|sell|selling|sold|left|warehouse|keep|stop|continue)\b|库存|件|继续|停|卖/,
    askWhen: [{ is: { usesTheirIp: ['yes'], rights: ['none'] }, not: NOT_OURS }, { is: COURT }],
  },
  {
    id: 'noticeDate',
    sets: { fact: 'noticeDate' },
    text: 'When did the notice arrive?',
    help: 'Deadlines are counted from this day. For court papers, use the day the email from the platform or law firm arrived.',
    choices: [
      { value: 'today', label: 'Today', synonyms: ['今天'] },
      { value: 'yesterday', label: 'Yesterday', synonyms: ['昨天'] },
    ],
    freeText: {
      kind: 'date',
      hint: 'Or type the date, e.g. 2026-11-20 or "Nov 20". Say "skip" if you do not know.',
    },
    skippable: true,
    topic:
      /\b(today|yesterday|ago|arrived|came|received|got it|date|on (mon|tue|wed|thu|fri|sat|sun)\w*)\b|今天|昨天|收到|日/,
    askWhen: [],
  },
  {
    id: 'differences',
    sets: { detail: 'differences' },
    text: 'List the visible differences between your product and their design.',
    help: 'In one message, separated by ";" (or one per line): shape, proportions, surface pattern, number or placement of parts. They become the numbered points of your dispute.',
    choices: [],
    freeText: {
      kind: 'list',
      hint: 'e.g. "rounded corners, theirs are square; 3 buttons, theirs has 4". Or "skip".',
    },
    skippable: true,
    askWhen: [{ is: { usesTheirIp: ['no'], ipType: ['design_patent'], ...PLATFORM }, not: NOT_OURS }],
  },
];

export function questionById(id: string): Question | undefined {
  return QUESTIONS.find((q) => q.id === id);
}
