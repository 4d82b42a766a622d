// The admin desk's calls, one line each, typed from the contract. Every call made with the admin
// session goes through `signedIn`: a refused session sends the desk back to its sign-in page.
import {
  endpoints,
  type AdminProvidersQuery,
  type OfferingContract,
  type ProviderInput,
  type ProviderPatch,
  type StaffInput,
  type VerificationStatus,
} from '@contract';
import { request, type Result } from '../services/request';
import { signOutAdmin } from './session';

async function signedIn<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  const answer = await call;
  if (!answer.ok && answer.code === 'UNAUTHENTICATED') signOutAdmin();
  return answer;
}

type ProviderQuery = Partial<AdminProvidersQuery>;

export const adminSignIn = (username: string, password: string) => request(endpoints.createAdminSession, { body: { username, password } });

export const listDistricts = () => request(endpoints.listDistricts);
export const listProviders = (query: ProviderQuery) => signedIn(request(endpoints.adminListProviders, { query }));
export const getProvider = (id: string) => signedIn(request(endpoints.adminGetProvider, { params: { id } }));
export const createProvider = (body: ProviderInput) => signedIn(request(endpoints.createProvider, { body }));
export const updateProvider = (id: string, body: ProviderPatch) => signedIn(request(endpoints.updateProvider, { params: { id }, body }));
export const approveProvider = (id: string) => signedIn(request(endpoints.approveProvider, { params: { id } }));
export const suspendProvider = (id: string) => signedIn(request(endpoints.suspendProvider, { params: { id } }));
export const expiringDocuments = (days?: number) => signedIn(request(endpoints.expiringDocuments, { query: { days } }));
export const putOffering = (id: string, offeringId: string, body: OfferingContract) =>
  signedIn(request(endpoints.putOffering, { params: { id, offeringId }, body }));
export const listStaff = (id: string) => signedIn(request(endpoints.adminListStaff, { params: { id } }));
export const createStaff = (body: StaffInput) => signedIn(request(endpoints.createStaff, { body }));
export const disableStaff = (id: string) => signedIn(request(endpoints.disableStaff, { params: { id } }));
export const providerPoster = (id: string) => signedIn(request(endpoints.adminProviderPoster, { params: { id } }));
export const listVerifications = (status: VerificationStatus) => signedIn(request(endpoints.listVerifications, { query: { status } }));
export const approveVerification = (id: string) => signedIn(request(endpoints.approveVerification, { params: { id } }));
export const rejectVerification = (id: string) => signedIn(request(endpoints.rejectVerification, { params: { id } }));
