import { accountStore } from './accounts.js';
import type { TableRef } from './client.js';
import { districtStore } from './districts.js';
import { providerStore } from './providers.js';
import { recipientStore } from './recipients.js';
import { slotStore } from './slots.js';

export function createStore(ref: TableRef) {
  return {
    districts: districtStore(ref),
    providers: providerStore(ref),
    slots: slotStore(ref),
    accounts: accountStore(ref),
    recipients: recipientStore(ref),
  };
}

export type Store = ReturnType<typeof createStore>;
export type * from './records.js';
