/**
 * Which column holds what, from the header row's names, in English or Chinese (seller-portal and Excel
 * exports name them differently). Names are compared without case, spaces, underscores or punctuation, so
 * "Product ID", "product_id" and "商品ID" are the same to it.
 */

export type ColumnRole = 'id' | 'title' | 'description' | 'brand';

/** Header names per role, most specific first: "Product ID" wins over "SKU" when both are there. */
export const COLUMN_NAMES: Record<ColumnRole, readonly string[]> = {
  id: [
    'listingid',
    'productid',
    'itemid',
    'asin',
    'offerid',
    '商品id',
    '产品id',
    '宝贝id',
    '商品编号',
    '产品编号',
    'productcode',
    'itemnumber',
    'id',
    'spuid',
    'sku',
    'sellersku',
    'skuid',
    '编号',
  ],
  title: [
    'title',
    'producttitle',
    'itemtitle',
    'listingtitle',
    'productname',
    'itemname',
    'subject',
    'name',
    '标题',
    '商品标题',
    '产品标题',
    '宝贝标题',
    '商品名称',
    '产品名称',
    '名称',
  ],
  description: [
    'description',
    'productdescription',
    'itemdescription',
    'desc',
    'details',
    'bulletpoints',
    'keyfeatures',
    '描述',
    '商品描述',
    '产品描述',
    '详情',
    '商品详情',
    '详细描述',
  ],
  brand: ['brand', 'brandname', 'manufacturer', '品牌', '品牌名称', '品牌名'],
};

export interface Columns {
  id?: number;
  title?: number;
  description?: number;
  brand?: number;
}

export function headerKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./()（）:：#]+/g, '');
}

export function detectColumns(header: readonly string[]): Columns {
  const keys = header.map(headerKey);
  const cols: Columns = {};
  const taken = new Set<number>();
  for (const role of ['id', 'title', 'description', 'brand'] as const) {
    for (const name of COLUMN_NAMES[role]) {
      const at = keys.findIndex((k, i) => k === name && !taken.has(i));
      if (at >= 0) {
        cols[role] = at;
        taken.add(at);
        break;
      }
    }
  }
  return cols;
}

/** "id (looked for: Product ID, Item ID, ASIN, 商品ID, …)": what a missing column could have been called. */
export function lookedFor(role: ColumnRole): string {
  const examples: Record<ColumnRole, string> = {
    id: 'Product ID, Item ID, Listing ID, ASIN, SKU, 商品ID, 产品ID',
    title: 'Title, Product Name, Subject, 标题, 商品标题, 商品名称',
    description: 'Description, Details, Bullet Points, 描述, 商品描述, 详情',
    brand: 'Brand, Brand Name, 品牌',
  };
  return `${role} (looked for: ${examples[role]})`;
}
