// 公示名单 de-identified: no unmasked 身份证号, mobile number or bank card number in any
// text, commended individuals' fields and quotes included.
import { personalDataFindings } from '../../../lib/inspection/personal-data';
import type { PublishRule } from '../types';

export const checkPersonalData: PublishRule = {
  name: 'personal-data',
  check: (_strapi, subject) => personalDataFindings(subject.pieces),
};
