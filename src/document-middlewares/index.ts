// Document-service rules, in the order they run (outermost first). Each file holds one
// rule and exports its decision as a pure function for the unit tests.
import type { Core } from '@strapi/strapi';
import { protectRebuildLog } from './protect-rebuild-log';
import { guardRebuildSecret } from './guard-rebuild-secret';
import type { DocumentRule } from './types';

const RULES: DocumentRule[] = [protectRebuildLog, guardRebuildSecret];

export const registerDocumentRules = (strapi: Core.Strapi) => {
  for (const rule of RULES) strapi.documents.use(rule(strapi));
};
