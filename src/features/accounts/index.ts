/**
 * Accounts: admin logins are locked after repeated failures, and readers cannot register
 * (the public has no accounts).
 */
import type { Feature } from '../../utils/feature';
import { disableRegistration, registerAccountLocks } from './lock-accounts';

export const accountsFeature: Feature = {
  name: 'accounts',
  promise: 'no public sign-up; repeated failed admin logins lock the account',
  register: registerAccountLocks,
  bootstrap: disableRegistration,
};
