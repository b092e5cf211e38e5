// The shape every publish rule shares: it reads one document's draft (a Subject) and
// returns findings. index.ts runs them all behind one guard every publish path passes.
import type { Core, UID } from '@strapi/strapi';
import type { Facts } from '../../lib/inspection/required-facts';
import type { Finding, TextPiece } from '../../lib/inspection/types';

/**
 * Where a checked text is stored, so a one-click fix can write it back: `attribute` of the
 * entry, or of its single component `component` (信息公开) when that is set.
 */
export type Owner = {
  uid: UID.ContentType;
  documentId: string;
  locale: string | null;
  attribute: string;
  blocks: boolean;
  component?: string;
};

/** The owner's field as the content manager's permissions name it (`title`, `disclosure.topic`). */
export const fieldPathOf = (owner: Owner) => (owner.component ? `${owner.component}.${owner.attribute}` : owner.attribute);

export type Subject = {
  uid: string;
  documentId: string;
  locale: string | null;
  /** Every reader-visible text, its own and its linked entries' (quotes, commended names). */
  pieces: TextPiece[];
  /** By piece field (`quotes[0].text`): where that text is stored. */
  owners: Map<string, Owner>;
  /** Links in rich text, with the field and text-node path they sit in. */
  links: Array<{ field: string; node: Array<string | number>; url: string }>;
  /** Files linked in media fields. */
  media: Array<{ field: string; url: string; name: string }>;
  /** For types that need 来源, 栏目 and 发布时间. */
  facts?: Facts;
};

export type PublishRule = {
  name: string;
  check: (strapi: Core.Strapi, subject: Subject) => Promise<Finding[]> | Finding[];
};
