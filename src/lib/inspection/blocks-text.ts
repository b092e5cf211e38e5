// Reads Strapi's rich text (blocks) for the checks: the text of each paragraph, heading,
// list item or quote as one string (so a word split by bold still matches), with where
// each part lives, and every link and image URL.

type Node = { type?: unknown; text?: unknown; url?: unknown; image?: unknown; children?: unknown };
export type NodePath = Array<string | number>;
export type Segment = { path: NodePath; from: number; to: number };
export type BlockText = { container: NodePath; text: string; segments: Segment[] };
export type BlockLink = { path: NodePath; url: string };

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInline = (node: Node) => node.type === 'text' || node.type === 'link';

/** Every text container's text, in document order. */
export const blockTexts = (blocks: unknown): BlockText[] => {
  const out: BlockText[] = [];
  const visit = (nodes: unknown, path: NodePath) => {
    if (!Array.isArray(nodes)) return;
    nodes.forEach((node, index) => {
      if (!isNode(node)) return;
      const here = [...path, index];
      const children = Array.isArray(node.children) ? node.children : [];
      if (children.some((child) => isNode(child) && isInline(child))) {
        const piece: BlockText = { container: here, text: '', segments: [] };
        const collect = (inline: unknown[], inlinePath: NodePath) =>
          inline.forEach((child, childIndex) => {
            if (!isNode(child)) return;
            const childPath = [...inlinePath, 'children', childIndex];
            if (typeof child.text === 'string') {
              piece.segments.push({ path: childPath, from: piece.text.length, to: piece.text.length + child.text.length });
              piece.text += child.text;
            } else if (Array.isArray(child.children)) collect(child.children, childPath);
          });
        collect(children, here);
        out.push(piece);
      } else visit(children, [...here, 'children']);
    });
  };
  visit(blocks, []);
  return out;
};

/** Every link (and image) URL in the blocks. */
export const blockLinks = (blocks: unknown): BlockLink[] => {
  const out: BlockLink[] = [];
  const visit = (nodes: unknown, path: NodePath) => {
    if (!Array.isArray(nodes)) return;
    nodes.forEach((node, index) => {
      if (!isNode(node)) return;
      const here = [...path, index];
      if (node.type === 'link' && typeof node.url === 'string') out.push({ path: here, url: node.url });
      if (node.type === 'image' && isNode(node.image) && typeof node.image.url === 'string') out.push({ path: here, url: node.image.url });
      visit(node.children, [...here, 'children']);
    });
  };
  visit(blocks, []);
  return out;
};

export type BlockImageText = { path: NodePath; key: 'alternativeText' | 'caption' | 'name'; text: string };

/**
 * The texts an image in the blocks carries (the editor copies the file's alt text, caption
 * and name into the node): readers get them in the body (alt in the feed's HTML, all three
 * in the API), so the checks read them too.
 */
export const blockImageTexts = (blocks: unknown): BlockImageText[] => {
  const out: BlockImageText[] = [];
  const visit = (nodes: unknown, path: NodePath) => {
    if (!Array.isArray(nodes)) return;
    nodes.forEach((node, index) => {
      if (!isNode(node)) return;
      const here = [...path, index];
      if (node.type === 'image' && isNode(node.image)) {
        const image = node.image as Record<string, unknown>;
        for (const key of ['alternativeText', 'caption', 'name'] as const) {
          if (typeof image[key] === 'string' && image[key]) out.push({ path: here, key, text: image[key] as string });
        }
      }
      visit(node.children, [...here, 'children']);
    });
  };
  visit(blocks, []);
  return out;
};

/** The text node a [start, end) range of a container lies in, with offsets inside it; none if it spans several. */
export const locate = (piece: BlockText, start: number, end: number) => {
  const segment = piece.segments.find((candidate) => start >= candidate.from && end <= candidate.to);
  return segment ? { path: segment.path, start: start - segment.from, end: end - segment.from } : null;
};

const nodeAt = (blocks: unknown, path: NodePath): unknown =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined),
    blocks
  );

/**
 * A copy of the blocks with [start, end) of the text node at `path` replaced, or null when
 * that node no longer holds `expected` there (the draft changed since the check).
 */
export const replaceInBlocks = (blocks: unknown, path: NodePath, start: number, end: number, expected: string, replacement: string) => {
  const copy = structuredClone(blocks);
  const node = nodeAt(copy, path);
  if (!isNode(node) || typeof node.text !== 'string' || node.text.slice(start, end) !== expected) return null;
  node.text = node.text.slice(0, start) + replacement + node.text.slice(end);
  return copy;
};
