// A finding's id: the same problem in the same place keeps its id while other text
// changes, so an accepted warning stays accepted until that text itself changes.
import { createHash } from 'crypto';

export const fingerprint = (rule: string, field: string, match: string) =>
  createHash('sha256').update(`${rule}\u0000${field}\u0000${match}`).digest('base64url').slice(0, 16);
