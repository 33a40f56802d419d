// Traditional Chinese read like simplified: sellers and notices from Taiwan and Hong Kong write 亞馬遜, 專利,
// 商標, 外觀, 侵權, 凍結, 律師. The rules are written once, in simplified characters; a text is mapped one
// character for one before they read it, so positions stay the same and a name found in the mapped text is
// cut from the text as written (a firm's name keeps its own characters).

// Pairs "traditional simplified", only the characters the reading rules and their neighbours use. A
// character used in simplified text too (台, 著, 干) is left alone, so a simplified text never changes
// meaning.
const PAIRS =
  '亞亚 馬马 遜逊 專专 標标 觀观 權权 凍冻 結结 師师 務务 訴诉 訟讼 傳传 臨临 時时 號号 編编 賣卖 買买 貨货 圖图 設设 計计 發发 實实 賠赔 償偿 鏈链 鋪铺 舖铺 稱称 聲声 ' +
  '說说 認认 識识 為为 沒没 無无 並并 經经 銷销 請请 應应 覆复 復复 與与 們们 對对 個个 這这 產产 違违 規规 議议 郵邮 書书 許许 證证 証证 據据 庫库 繼继 續续 聯联 繫系 ' +
  '係系 溝沟 絡络 過过 來来 後后 錢钱 罰罚 帳账 賬账 戶户 資资 額额 審审 決决 區区 國国 際际 製制 盜盗 襲袭 誌志 廠厂 進进 單单 購购 註注 冊册 擁拥 獨独 樣样 萬万 幣币 ' +
  '轉转 寶宝 蝦虾 電电 話话 當当 頭头 網网 問问 題题 讓让 給给 處处 狀状 態态 會会 將将 準准 備备 慮虑 達达 選选 項项 週周 條条 約约 確确 價价 換换 斷断 開开 關关 閉闭 ' +
  '歸归 還还 邊边 總总 線线 類类 則则 員员 長长 東东 華华 廣广 灣湾 臺台 紐纽 倫伦 諾诺 賓宾 羅罗 連连 負负 責责 維维 護护 頁页 碼码 寫写 顯显 嗎吗 麼么 裡里 於于 從从 ' +
  '幾几 種种 現现 記记 錄录 訂订 貿贸 辦办 啟启 動动 執执 駁驳 義义 獲获 屬属 費费 損损 虧亏 談谈 協协 調调 見见 視视 覺觉 親亲 觸触 補补 舉举 報报 絕绝 較较 輕轻 範范 ' +
  '圍围 預预 眾众 內内 兩两 門门 簽签 蓋盖 緊紧 迴回 嚴严 擬拟 僅仅 陸陆 ';

const MAP = new Map<string, string>();
for (const pair of PAIRS.split(' ')) {
  const [from, to] = [...pair];
  if (from && to && from !== to) MAP.set(from, to);
}
const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join('')}]`, 'g');

/** The text with traditional characters as simplified, one character for one (same length, same positions). */
export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL, (c) => MAP.get(c) ?? c);
}

/** How many pairs are mapped (for the tests). */
export const TRADITIONAL_PAIRS = MAP.size;
