import type { Facts } from '../model/facts.js';
import type { Route } from './decide.js';

export interface Link {
  label: string;
  url: string;
}

export interface Action {
  kind: 'delete_listing' | 'take_offline' | 'file_dispute';
  title: string;
  platform: string;
  listingId?: string;
  links: Link[];
  steps: string[];
  warning?: string;
  /** The listing comes down but is kept as evidence: nothing is deleted (a case that must keep everything). */
  keepsEvidence?: boolean;
}

// Seller portal addresses. Menu names change with redesigns, so steps say "usually" and ask the seller
// to confirm on screen (knowledge: facts#ae.menu-names).
const ALI_PRODUCTS = 'https://csp.aliexpress.com/m_apps/productManage/list-manage';
const ALI_HOME = 'https://csp.aliexpress.com/';

const AMAZON_SELLER_CENTRAL: Record<string, string> = {
  'amazon.com': 'sellercentral.amazon.com',
  'amazon.ca': 'sellercentral.amazon.ca',
  'amazon.com.mx': 'sellercentral.amazon.com.mx',
  'amazon.com.br': 'sellercentral.amazon.com.br',
  'amazon.co.uk': 'sellercentral-europe.amazon.com',
  'amazon.de': 'sellercentral-europe.amazon.com',
  'amazon.fr': 'sellercentral-europe.amazon.com',
  'amazon.it': 'sellercentral-europe.amazon.com',
  'amazon.es': 'sellercentral-europe.amazon.com',
  'amazon.nl': 'sellercentral-europe.amazon.com',
  'amazon.se': 'sellercentral-europe.amazon.com',
  'amazon.pl': 'sellercentral-europe.amazon.com',
  'amazon.com.be': 'sellercentral-europe.amazon.com',
  'amazon.ie': 'sellercentral-europe.amazon.com',
  'amazon.com.tr': 'sellercentral-europe.amazon.com',
  'amazon.co.jp': 'sellercentral.amazon.co.jp',
  'amazon.in': 'sellercentral.amazon.in',
  'amazon.com.au': 'sellercentral.amazon.com.au',
  'amazon.sg': 'sellercentral.amazon.sg',
  'amazon.ae': 'sellercentral.amazon.ae',
  'amazon.sa': 'sellercentral.amazon.sa',
  'amazon.eg': 'sellercentral.amazon.eg',
};

function amazonHost(marketplace: string | undefined): string {
  return AMAZON_SELLER_CENTRAL[marketplace ?? ''] ?? 'sellercentral.amazon.com';
}

const NO_RELIST =
  'Do not upload the same product again under a new listing, or after moving it to another warehouse: it is the same infringement, and a re-upload is reported to count as a violation of its own on AliExpress (check the listing rules in Seller Center).';

function idText(facts: Facts): string {
  return facts.listingId ?? '[the reported listing id]';
}

function aliDelete(facts: Facts): Action {
  const id = idText(facts);
  return {
    kind: 'delete_listing',
    title: `Delete AliExpress listing ${id}`,
    platform: 'aliexpress',
    listingId: facts.listingId,
    links: [
      { label: 'Open Manage Products', url: ALI_PRODUCTS },
      ...(facts.listingId
        ? [
            {
              label: 'Check the listing page',
              url: `https://www.aliexpress.com/item/${facts.listingId}.html`,
            },
          ]
        : []),
    ],
    steps: [
      'Screenshot the listing and export its orders first, and keep them; a lawyer may need them.',
      'In Seller Center open Products > Manage Products (menu names change: confirm on your screen).',
      `Search for product id ${id}.`,
      'Choose Delete, not only Take offline: offline products stay in your library and are still checked by AliExpress.',
      'Search the Offline tab too, and delete any copy of the same product.',
    ],
    warning: NO_RELIST,
  };
}

function amazonDelete(facts: Facts, marketplace?: string): Action {
  const id = idText(facts);
  const host = amazonHost(marketplace);
  return {
    kind: 'delete_listing',
    title: `Remove Amazon listing ${id}`,
    platform: 'amazon',
    listingId: facts.listingId,
    links: [
      { label: 'Open Manage All Inventory', url: `https://${host}/inventory` },
      { label: 'Open Account Health', url: `https://${host}/performance/account/health` },
    ],
    steps: [
      'Screenshot the listing and download its sales report first, and keep it; a lawyer may need it.',
      'In Seller Central open Inventory > Manage All Inventory.',
      `Search for ASIN ${id}.`,
      'In the listing’s menu choose "Delete product and listing" (Close listing only hides it).',
      'Check Account Health for other complaints from the same rights owner.',
    ],
    warning: 'Do not create a new listing or ASIN for the same product; it is the same infringement.',
  };
}

function otherDelete(facts: Facts): Action {
  return {
    kind: 'delete_listing',
    title: `Remove listing ${idText(facts)}`,
    platform: facts.platform ?? 'other',
    listingId: facts.listingId,
    links: [],
    steps: [
      'Screenshot the listing and save its sales records first, and keep them.',
      `Delete listing ${idText(facts)} in your seller portal (not only deactivate it).`,
    ],
    warning: 'Do not relist the same product under a new listing.',
  };
}

function takeOffline(facts: Facts, marketplace?: string): Action {
  const id = idText(facts);
  if (facts.platform === 'amazon') {
    return {
      kind: 'take_offline',
      title: `Close Amazon listing ${id} while legal looks`,
      platform: 'amazon',
      listingId: facts.listingId,
      links: [{ label: 'Open Manage All Inventory', url: `https://${amazonHost(marketplace)}/inventory` }],
      steps: [`Search for ASIN ${id}.`, 'Choose "Close listing" (it can be reopened if legal clears it).'],
    };
  }
  return {
    kind: 'take_offline',
    title: `Take listing ${id} offline while legal looks`,
    platform: facts.platform ?? 'aliexpress',
    listingId: facts.listingId,
    links: facts.platform === 'other' ? [] : [{ label: 'Open Manage Products', url: ALI_PRODUCTS }],
    steps: [
      `Find product ${id} in your product list.`,
      'Choose Take offline (not delete yet: legal may clear it). If legal says it infringes, delete it.',
    ],
  };
}

function keepEvidenceOffline(facts: Facts, marketplace?: string): Action {
  const base = takeOffline(facts, marketplace);
  return {
    ...base,
    title: base.title.replace('while legal looks', 'now, and keep it as evidence (do not delete)'),
    steps: [
      'Screenshot the listing and export its orders, sales and messages first; the lawyer needs them.',
      ...base.steps.slice(0, -1),
      facts.platform === 'amazon'
        ? 'Choose "Close listing", not "Delete product and listing": the listing and its records stay as evidence.'
        : 'Choose Take offline, not Delete: the listing and its records stay as evidence.',
      'Do the same for this product in every other store and channel you sell it on (other marketplaces, your own site).',
    ],
    warning:
      'Delete nothing (the listing, its photos, orders or sales records) until your lawyer says so, and do not relist the product under a new listing.',
    keepsEvidence: true,
  };
}

function fileDispute(facts: Facts, marketplace?: string): Action {
  if (facts.platform === 'amazon') {
    const host = amazonHost(marketplace);
    return {
      kind: 'file_dispute',
      title: 'Send the dispute on Amazon',
      platform: 'amazon',
      listingId: facts.listingId,
      links: [{ label: 'Open Account Health', url: `https://${host}/performance/account/health` }],
      steps: [
        'Open Account Health and find the complaint.',
        'Choose Submit appeal and paste the dispute reply.',
        'Attach evidence as images (jpg, png, gif, tiff); Amazon does not accept links.',
      ],
    };
  }
  if (facts.platform !== 'aliexpress') {
    // Another marketplace, or one not named yet: its own appeal page, no AliExpress menus.
    return {
      kind: 'file_dispute',
      title: 'Send the dispute through the platform’s appeal page',
      platform: facts.platform ?? 'unknown',
      listingId: facts.listingId,
      links: [],
      steps: [
        'Find the complaint in your seller portal (its notices, performance or intellectual-property page).',
        'Choose the appeal or counter-notice action, paste the dispute reply, and attach the evidence.',
        'On AliExpress it is Seller Center > Violations > Appeal; on Amazon, Account Health > Submit appeal.',
      ],
    };
  }
  return {
    kind: 'file_dispute',
    title: 'Send the counter-notice on AliExpress',
    platform: 'aliexpress',
    listingId: facts.listingId,
    links: [{ label: 'Open Seller Center', url: ALI_HOME }],
    steps: [
      'In Seller Center open the Violations (or Intellectual property) menu and find the complaint against you.',
      'Choose Appeal / Counter-notice, paste the dispute reply, and attach the evidence.',
      'Watch the countdown on the case: a missed window counts as giving up that appeal.',
    ],
  };
}

/** Legal-opinion cases where the listing comes down while legal looks (not one it will judge as it stands). */
const OFFLINE_WHILE_LEGAL_LOOKS = new Set(['unsure', 'own_right']);

export interface ActionOptions {
  /** Nothing may be deleted (litigation.ts mustPreserve): every delist action is "take offline, keep". */
  preserve: boolean;
  marketplace?: string;
  /** The other accused listings of the case (a Schedule A case names many): the same steps apply to each. */
  others?: readonly string[];
}

/** The links and steps that go with the routes, with the listing id filled in. */
export function actionsFor(
  routes: readonly Pick<Route, 'id' | 'variant'>[],
  facts: Facts,
  o: ActionOptions,
): Action[] {
  const { marketplace, others = [] } = o;
  const actions: Action[] = [];
  const delist = routes.find((r) => r.id === 'delist_now');
  const opinion = routes.find((r) => r.id === 'legal_opinion');
  const keepSelling = routes.some((r) => r.id === 'lawyer_escalation' && r.variant === 'keep_selling');
  if (delist && (o.preserve || delist.variant === 'preserve' || keepSelling)) {
    // A court case, a letter, a lawyer mentioned or an unconfirmed notice, or a lawyer negotiating to keep
    // selling: the listing comes down but stays in the library as evidence.
    actions.push(keepEvidenceOffline(facts, marketplace));
  } else if (delist) {
    if (facts.platform === 'amazon') actions.push(amazonDelete(facts, marketplace));
    else if (facts.platform === 'other') actions.push(otherDelete(facts));
    else actions.push(aliDelete(facts));
  } else if (opinion && OFFLINE_WHILE_LEGAL_LOOKS.has(opinion.variant)) {
    actions.push(takeOffline(facts, marketplace));
  }
  const first = actions[0];
  const rest = others.filter((id) => id !== facts.listingId);
  if (first && rest.length > 0)
    first.steps = [
      ...first.steps,
      `Do the same for the other accused listings of this case: ${rest.join(', ')}.`,
    ];
  if (routes.some((r) => r.id === 'dispute_reply')) actions.push(fileDispute(facts, marketplace));
  return actions;
}
