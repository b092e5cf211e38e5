import request from 'supertest';
import type { App } from './strapi';

/** A reader's browser; scripts' own user agents are rightly taken for bots. */
export const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

export const api = (app: App) => request(app.server.httpServer);

export const graphql = async (app: App, query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const req = api(app).post('/graphql').set('User-Agent', BROWSER).send({ query, variables });
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req;
};

/** Plain text of a Strapi blocks body, paragraphs joined by newlines. */
export const blocksText = (blocks: Array<{ children?: Array<{ text?: string }> }>) =>
  blocks.map((block) => (block.children ?? []).map((child) => child.text ?? '').join('')).join('\n');

// Assertions inspect arbitrary response JSON; `any` spares a type per response shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export const readJson = async (res: Response): Promise<Json> => res.json();
