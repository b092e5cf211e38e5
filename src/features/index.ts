// The features, in the order they start. Each folder holds one feature whole (its
// services, document rules, publish rules, admin routes and panels); src/index.ts only
// composes them. Order matters at start (bootstrap) and is reversed at shutdown:
// - response-cache first: from its start on, every write moves the content version;
// - platform (locales) before review (its roles are given every locale);
// - editing, preview, import patch the content manager's routes in this order;
// - rebuild before demo (the seed runs without rebuilds), demo before inspection and
//   search (the starter word list, the index of the seeded articles);
// - at shutdown schedule first (a running job finishes while the database is open),
//   then clicks (buffered clicks are written), rebuild, and the response cache last.
import type { Feature } from '../utils/feature';
import { responseCacheFeature } from './response-cache';
import { freshnessFeature } from './freshness';
import { mediaFeature } from './media';
import { platformFeature } from './platform';
import { auditFeature } from './audit';
import { versionsFeature } from './versions';
import { publicApiFeature } from './public-api';
import { accountsFeature } from './accounts';
import { reviewFeature } from './review';
import { editingFeature } from './editing';
import { previewFeature } from './preview';
import { importFeature } from './import';
import { rebuildFeature } from './rebuild';
import { demoFeature } from './demo';
import { inspectionFeature } from './inspection';
import { searchFeature } from './search';
import { clicksFeature } from './clicks';
import { feedsFeature } from './feeds';
import { scheduleFeature } from './schedule';
import { disclosureFeature } from './disclosure';
import { linkedEntriesFeature } from './linked-entries';
import { readerFeature } from './reader';

export const FEATURES: readonly Feature[] = [
  responseCacheFeature,
  freshnessFeature,
  mediaFeature,
  platformFeature,
  auditFeature,
  versionsFeature,
  publicApiFeature,
  accountsFeature,
  reviewFeature,
  editingFeature,
  previewFeature,
  importFeature,
  rebuildFeature,
  demoFeature,
  inspectionFeature,
  searchFeature,
  clicksFeature,
  feedsFeature,
  scheduleFeature,
  disclosureFeature,
  linkedEntriesFeature,
  readerFeature,
];
