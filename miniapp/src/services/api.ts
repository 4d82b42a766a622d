// One line per call, typed from the contract. Pages import these, never request() itself.
import { endpoints, type ProvidersQuery } from '@contract';
import { request } from './request';
import { withSession } from './session';

export type { Failure, Result } from './request';

// Public
export const listDistricts = () => request(endpoints.listDistricts);
export const listProviders = (query: ProvidersQuery = {}) => request(endpoints.listProviders, { query });
export const getProvider = (id: string) => request(endpoints.getProvider, { params: { id } });

// Recipient (a session is obtained on first use)
export const getMe = () => withSession(() => request(endpoints.getMe));
