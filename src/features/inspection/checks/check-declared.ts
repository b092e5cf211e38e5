// The publish rules a type declares in its own src/api/<name>/newsroom.ts (`checks`):
// each reads the draft's reader-visible texts by field and names what must change. They
// run with the other publish checks, so the panel shows them and the guard refuses on them.
import { fingerprint } from '../../../lib/inspection/fingerprint';
import type { Finding } from '../../../lib/inspection/types';
import { settingsOf } from '../../../utils/type-settings';
import type { PublishRule } from '../types';

export const checkDeclared: PublishRule = {
  name: 'type-rule',
  check: (_strapi, subject) => {
    const checks = settingsOf(subject.uid)?.checks ?? [];
    if (!checks.length) return [];
    const texts: Record<string, string> = {};
    for (const piece of subject.pieces) texts[piece.field] = texts[piece.field] ? `${texts[piece.field]}\n${piece.text}` : piece.text;
    return checks.flatMap((check) =>
      check(texts).map((found): Finding => ({
        id: fingerprint('type-rule', found.field, found.message),
        rule: 'type-rule',
        severity: found.severity ?? 'block',
        field: found.field,
        match: found.match ?? '',
        message: found.message,
      }))
    );
  },
};
