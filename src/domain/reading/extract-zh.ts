// Chinese phrases for the same facts as the English rules in extract.ts, keyed "fact:value". Many sellers
// write (or paste notices) in Chinese, often mixed with English; these are read without an LLM.
// Negations are handled by look-behinds: 没有/未/不 before a word turns it around ("资金没有被冻结").
// The text they see is lower-cased with whitespace collapsed, like the English rules, and in simplified
// characters: traditional Chinese (亞馬遜, 專利, 凍結) is mapped first (traditional-zh.ts).

const NOT = '(?<!没有?|未|不|无|非|并未|别)';

export const ZH_PATTERNS: Record<string, RegExp[]> = {
  'notice:court_or_tro': [
    /临时禁令|临时限制令|禁令|法院命令|法院的?(传票|文件|通知)|传票/,
    /起诉|诉讼|被告|原告|法院|律师起诉/,
    // "资金没有被冻结", "账户未冻结": not frozen.
    /(?<!(没有?|未|不会|没|并未|并没有)被?)冻结/,
  ],
  'notice:rights_holder_letter': [
    // A lawyer's or law firm's email or letter, or a letter in a firm's own words (我们代表…).
    /(律师|律所|律师事务所)(发来?了?|寄来?了?)?的?(邮件|信|函|警告|通知)|收到.{0,8}(律师|律所|律师事务所)|(律师事务所|律师|律所)(要求|说|称|表示|威胁|通知)|我们代表|我方当事人/,
    /律师函|律师信|警告函|侵权告知函|停止侵权函|律所(的|发来的?)?(邮件|信|函)|品牌方?(发来的?|的)(邮件|信|函)/,
  ],
  'notice:platform_complaint': [
    /投诉|侵权通知|知识产权|违规|下架通知|被下架|警告|平台(通知|邮件|消息)/,
    // "亞馬遜通知我們的商品侵犯外觀專利": the platform tells of an infringement (not "我们没有侵犯").
    /(亚马逊|速卖通|平台|ebay|沃尔玛|temu|shopee|虾皮|tiktok|抖音)(发来?了?|发了)?的?(通知|邮件|警告|消息)|(?<!没有?|未|不|并未|并没有|无)侵犯了?[^，。；！？]{0,8}(专利|商标|版权|著作权|知识产权|外观)/,
  ],
  'ipType:design_patent': [/外观专利|外观设计/],
  'ipType:utility_patent': [/发明专利|实用新型/],
  'ipType:copyright': [/版权|著作权|盗图|图片侵权/],
  'ipType:trademark': [/商标|仿牌|假货|品牌侵权/],
  'listingIsOurs:no': [
    /不是我们的|并非我们的|不是我们店|不是我司的/,
    /从未上架|从来没有?(上架|卖过|销售过|上传过)|没有?(上架|卖|销售|上传)过(这个|此|该)?/,
    /我们(没有|没)(这个|此|该)(链接|产品|商品)/,
  ],
  'listingIsOurs:yes': [/(?<![不非])是我们的(链接|产品|商品|listing)|(链接|产品|商品)(?<![不非])是我们的/],
  'usesTheirIp:unsure': [/(不确定|不知道|不清楚)(是否|是不是|有没有|会不会)?(侵权|用了|使用|相似|一样|算)/],
  'usesTheirIp:yes': [
    new RegExp(
      `${NOT}(?:有|用了|使用了?|印有|带有|印了|带)(?:他们的?|对方的?|品牌方?的?|原告的?)(?:logo|标志|商标|品牌|图片|设计|名字)`,
    ),
    /盗用了?(他们的?|对方的?)?(图片|设计)|抄袭了?(他们的?|对方的?)?|(是|属于)(仿品|仿牌|假货|高仿)/,
  ],
  'usesTheirIp:no': [
    // Not "没有品牌授权" (no authorization: the rights question).
    /(没有使用|没有用|没有|没用|没|未使用|不含|不带|没印|无)(他们的?|对方的?|任何|品牌的?)?(logo|标志|商标|品牌|图片)(?!的?(授权|许可))/,
    /(没有|不|并未|未|并不|没)侵权|不构成侵权|自己设计|自主设计|原创设计|(是|用)(我们)?自己的(设计|图片|品牌)|无品牌|完全不同|不一样/,
    // "图片是我们自己拍的", "照片都是自己拍的", not "图片不是我们自己拍的".
    /(图片|照片|图|主图|产品图)(都|全|全部)?(?<![不非])是(我们|我|我司)?自己(拍|拍摄|做|制作|设计|画)的?|(?<![不非]是)(我们|我|我司)自己(拍|拍摄|制作|设计|画)的(图片|照片|图)/,
  ],
  'rights:none': [
    /(没有|没|无|未获得?|未经|没拿到|没有拿到)(任何)?(品牌)?(的)?(授权|许可)/,
    /授权(书)?(已经?)?(过期|到期|失效|被撤销)/,
  ],
  'rights:authorized': [
    new RegExp(
      `${NOT}有(品牌|官方|厂家)?(的)?(授权|许可)|授权书|授权(经销商|卖家|商家|代理)|(品牌|厂家)授权|进货发票`,
    ),
  ],
  'rights:own': [
    /(我们|我司|自己)(拥有|注册了?|有)(自己的)?(注册)?(商标|专利|版权|外观专利)|自有品牌|自主品牌|(是|属于)(我们|我司)(自己)?的(商标|品牌|专利)/,
  ],
  // Not "若不回复" (a letter's "if you do not reply").
  'complainantContact:no_reply': [
    /(?<!若|如果|如|倘若|要是)(没有?|未|不)(回复|回应|答复|理会|回信|理我们)|石沉大海/,
  ],
  'complainantContact:replied': [/(对方|他们|投诉方|品牌方?)(已经?)?(回复|答复|回应)了?|已回复|回复了/],
  'complainantContact:not_tried': [/(还)?(没有?|未)(联系|沟通|联络)(过)?/],
  'inventory:small_or_stop': [
    /库存(很|非常|比较|较)?(少|小)|库存不多|少量库存|可以停(止)?(卖|售|销售)|不(想|用|需要)?(再)?继续(卖|销售)|不卖了/,
  ],
  // Not "能不能继续卖" (a question, not a wish).
  'inventory:large_keep_selling': [
    /库存(很|非常|比较|较)?(大|多)|大量库存|(想|要|希望)继续(卖|销售)|(?<!能不能|可不可以|可以|还能|能否|是否)继续(卖|销售)/,
  ],
};

// "对方声称…", "投诉方说…", "律师函说…", a clause opening "说我们…" (what the letter or complaint named before
// says), "被投诉用了…" (we are accused of): the other side's words, up to the end of the clause (a comma ends a
// clause in Chinese) or a "but", are not the seller's answer.
export const ZH_ALLEGATION =
  /(他们|对方|投诉方|投诉人|品牌方?|权利人|原告|律所|律师函?|平台|投诉|通知|邮件|来信|函件|亚马逊|速卖通|法院|起诉书)(\S{0,3}?)(说|称|声称|指控|认为|表示|指出|写着|提到)[^。；！？!?;，,\n]*?(?=[。；！？!?;，,\n]|但|可是|不过|$)|(声称|指控|据称|被(投诉|指控|控告|举报|指|说|认为))[^。；！？!?;，,\n]*?(?=[。；！？!?;，,\n]|但|可是|不过|$)|(?<=^|[。；！？!?;，,\s])(说|称)是?(我们|我司|我店|我方|咱们)[^。；！？!?;，,\n]*?(?=[。；！？!?;，,\n]|但|可是|不过|$)/g;

// "威胁要起诉我们", "若不回复将起诉": a threat or a condition, not yet a case.
export const ZH_THREAT =
  /(威胁|扬言|警告说?|若|如果|否则|不然|倘若)[^。；！？!?;\n]*?(?=[。；！？!?;\n]|但|$)/g;
