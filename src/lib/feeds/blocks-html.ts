// Strapi blocks -> HTML for feed readers: rendered with Strapi's own renderer, then
// sanitized (no scripts, no event handlers, no javascript: URLs), URLs made absolute.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { BlocksRenderer, type BlocksContent } from '@strapi/blocks-react-renderer';
import sanitizeHtml from 'sanitize-html';

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'pre',
    'code',
    'strong',
    'em',
    'u',
    's',
    'del',
    'a',
    'img',
    'br',
  ],
  allowedAttributes: { a: ['href'], img: ['src', 'alt', 'width', 'height'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

export const blocksToHtml = (blocks: unknown, baseUrl: string): string => {
  if (!Array.isArray(blocks) || blocks.length === 0) return '';
  let html: string;
  try {
    html = renderToStaticMarkup(createElement(BlocksRenderer, { content: blocks as BlocksContent }));
  } catch {
    return ''; // malformed blocks: better an item without body than a broken feed
  }
  return sanitizeHtml(html, {
    ...SANITIZE,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: absolute(attribs, 'href', baseUrl) }),
      img: (tagName, attribs) => ({ tagName, attribs: absolute(attribs, 'src', baseUrl) }),
    },
  });
};

const absolute = (attribs: sanitizeHtml.Attributes, name: string, baseUrl: string) => {
  const value = attribs[name];
  if (!value) return attribs;
  try {
    return { ...attribs, [name]: new URL(value, baseUrl).href };
  } catch {
    const { [name]: _dropped, ...rest } = attribs;
    return rest;
  }
};
