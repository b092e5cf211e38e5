// A version's content as stored: the attributes readers see, as plain JSON in a fixed key
// order, compressed with brotli (node:zlib) and kept as base64 text (a column every
// database has). Its hash finds "nothing changed" without unpacking older versions.
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { blockImageTexts, blockTexts } from '../inspection/blocks-text';
import { personalDataFindings } from '../inspection/personal-data';
import type { TextPiece } from '../inspection/types';

export type Snapshot = Record<string, unknown>;

/** Keys sorted at every level: the same content always gives the same bytes and hash. */
const sorted = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as Record<string, unknown>)[key])])
  );
};

export const canonicalJson = (snapshot: Snapshot) => JSON.stringify(sorted(snapshot));

export const hashOf = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 32);

export const pack = (json: string) =>
  brotliCompressSync(Buffer.from(json, 'utf8'), {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      // 7 of 11: within 8% of the smallest, in well under a millisecond for an article (9 and 11
      // took 30 to 400 ms on a 20,000-character one, inside the save's transaction; npm run bench:versions).
      [constants.BROTLI_PARAM_QUALITY]: 7,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json),
    },
  }).toString('base64');

export const unpack = (packed: string): Snapshot =>
  JSON.parse(brotliDecompressSync(Buffer.from(packed, 'base64')).toString('utf8')) as Snapshot;

/** What the publish checks read of a snapshot: its reader-visible texts (inspect fields, components' fields, files' captions). */
export const textPieces = (
  snapshot: Snapshot,
  inspect: { fields: string[]; components?: Record<string, string[]>; media?: string[] } | undefined
): TextPiece[] => {
  const pieces: TextPiece[] = [];
  for (const field of inspect?.fields ?? []) {
    const value = snapshot[field];
    if (typeof value === 'string') pieces.push({ field, text: value });
    else if (Array.isArray(value)) {
      for (const piece of blockTexts(value)) pieces.push({ field, node: piece.container, text: piece.text });
      for (const image of blockImageTexts(value))
        pieces.push({ field: `${field}[${image.path.join('.')}].image.${image.key}`, text: image.text });
    }
  }
  for (const [component, fields] of Object.entries(inspect?.components ?? {})) {
    const value = snapshot[component] as Record<string, unknown> | null | undefined;
    for (const field of fields)
      if (value && typeof value[field] === 'string') pieces.push({ field: `${component}.${field}`, text: value[field] as string });
  }
  for (const media of inspect?.media ?? []) {
    const files = ([] as unknown[]).concat(snapshot[media] ?? []) as Array<Record<string, unknown>>;
    files.forEach((file, index) => {
      for (const key of ['name', 'caption', 'alternativeText'])
        if (typeof file?.[key] === 'string') pieces.push({ field: `${media}[${index}].${key}`, text: file[key] as string });
    });
  }
  return pieces;
};

/** Whether the publish checks would refuse this content for personal data (an unmasked 身份证号, mobile or card number). */
export const holdsPersonalData = (snapshot: Snapshot, inspect: Parameters<typeof textPieces>[1]) =>
  personalDataFindings(textPieces(snapshot, inspect)).length > 0;
