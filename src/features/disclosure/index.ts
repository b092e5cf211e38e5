/**
 * 信息公开 (disclosure): articles carry the metadata of the government information
 * disclosure catalogue, and each gets its 索引号 once, in order, on any instance.
 */
import type { Feature } from '../../utils/feature';
import createDisclosureService from './service';

export { checkDisclosure } from './rules/check-disclosure';
export { assignIndexNumber } from './rules/assign-index-number';

export type { DisclosureService } from './service';

export const disclosureFeature: Feature = {
  name: 'disclosure',
  promise: 'every disclosed article has a valid, unique 索引号',
  services: { 'api::article.disclosure': createDisclosureService },
};
