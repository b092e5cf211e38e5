// The channel path from the root to a node, built from a flat list of channels.

export type ChannelNode = {
  documentId: string;
  name: string;
  slug: string | null;
  parentId: string | null;
};

export type BreadcrumbItem = Pick<ChannelNode, 'documentId' | 'name' | 'slug'>;

/**
 * Root-first path ending at `documentId`. A missing parent (unpublished, or not in
 * this locale) ends the walk; a cycle, which editors could build by hand, is cut
 * at the first repeat instead of looping.
 */
export const buildBreadcrumb = (nodes: ReadonlyMap<string, ChannelNode>, documentId: string | null | undefined): BreadcrumbItem[] => {
  const path: BreadcrumbItem[] = [];
  const seen = new Set<string>();
  let current = documentId ? nodes.get(documentId) : undefined;
  while (current && !seen.has(current.documentId)) {
    seen.add(current.documentId);
    path.push({ documentId: current.documentId, name: current.name, slug: current.slug });
    current = current.parentId ? nodes.get(current.parentId) : undefined;
  }
  return path.reverse();
};

/** True when making `parentId` the parent of `documentId` would close a loop. */
export const wouldCreateCycle = (parentOf: ReadonlyMap<string, string | null>, documentId: string, parentId: string | null): boolean => {
  const seen = new Set<string>();
  let current: string | null | undefined = parentId;
  while (current) {
    if (current === documentId) return true;
    if (seen.has(current)) return false; // an existing loop elsewhere is not this edit's doing
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
};

/** `nodes` with `node` added (or in place of the one with its documentId); `nodes` is left as it is. */
export const withNode = (nodes: ReadonlyMap<string, ChannelNode>, node: ChannelNode): ReadonlyMap<string, ChannelNode> =>
  new Map(nodes).set(node.documentId, node);
