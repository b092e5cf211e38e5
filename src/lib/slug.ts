// Readable URL slugs from Chinese (and mixed) titles: 感恩奋进 实干争先 -> gan-en-fen-jin-shi-gan-zheng-xian.
import { pinyin } from 'pinyin-pro';

export const SLUG_MAX_LENGTH = 80;

/** Turns any title into a lowercase ASCII slug; Han characters become toneless pinyin syllables. */
export const slugFromTitle = (title: string, maxLength = SLUG_MAX_LENGTH): string => {
  const syllables = pinyin(title.normalize('NFKC'), {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true, // ü as v (lv, nv), the usual ASCII spelling
  });
  const slug = syllables
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents of Latin text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut on a syllable boundary so the slug never ends in half a word.
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/g, '');
};

/** What a slug may be: lowercase ASCII letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isValidSlug = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 200 && SLUG_PATTERN.test(value);
