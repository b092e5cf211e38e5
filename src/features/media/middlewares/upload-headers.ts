// Files editors upload are served from this origin, which also serves the admin panel:
// an uploaded HTML or SVG page must not run script here (it could read an admin's
// token). Every answer under /uploads/ gets `nosniff` and a sandboxing CSP; anything
// but a plain raster image is a download, named as the editor's file was named
// (Chinese included) rather than by its storage hash. Files are cached for a year.
import path from 'path';
import type { Core } from '@strapi/strapi';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

const INLINE_TYPES = /^image\/(png|jpe?g|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)$/i;
const CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; media-src 'self'; sandbox";
const NAMES_MAX = 5_000;
const UPLOAD_MAX_AGE_S = 31_536_000;

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 / 5987): ASCII fallback plus the real name. */
export const contentDisposition = (type: 'inline' | 'attachment', name: string) => {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  // Stored name by URL; uploads are immutable (content-hashed names), so entries never go stale.
  const names = new Map<string, string | null>();

  const originalName = async (url: string) => {
    if (names.has(url)) return names.get(url)!;
    const file = (await strapi.db.query('plugin::upload.file').findOne({ select: ['name', 'ext'], where: { url } })) as {
      name?: string;
      ext?: string;
    } | null;
    const name = file?.name ? (file.ext && !file.name.endsWith(file.ext) ? `${file.name}${file.ext}` : file.name) : null;
    if (names.size >= NAMES_MAX) names.clear();
    names.set(url, name);
    return name;
  };

  return async (ctx: KoaContext, next: () => Promise<unknown>) => {
    // The path as the file server and router see it: decoded, normalised, any case
    // (/%75ploads/…, /./uploads/…, /UPLOADS/… reach the same files).
    let url: string;
    try {
      url = path.posix.normalize(decodeURIComponent(ctx.path));
    } catch {
      return next();
    }
    if (!url.toLowerCase().startsWith('/uploads/')) return next();
    await next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', CSP);
    if (ctx.status !== 200 && ctx.status !== 304) return;
    // A stored name is a hash of the content: a changed file gets a new URL, so browsers and
    // CDNs may keep this one for a year without asking again.
    ctx.set('Cache-Control', `public, max-age=${UPLOAD_MAX_AGE_S}, immutable`);
    const type = String(ctx.response.type || '');
    const inline = INLINE_TYPES.test(type);
    const stored = url.slice(url.lastIndexOf('/') + 1);
    const name = (await originalName(url).catch(() => null)) ?? stored;
    ctx.set('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', name));
  };
};
