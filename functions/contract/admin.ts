import * as z from 'zod';
import { DateString, Decider, Id, NewPassword, pagedList, PageQuery, Text, Username } from './common.js';
import { GeoPoint, OfferingKind, PickupWindow, ProviderKind, ProviderStatus } from './providers.js';


export const ProviderDocument = z.strictObject({
  number: Text(64),
  expiresOn: DateString,
});
export type ProviderDocument = z.infer<typeof ProviderDocument>;

export const ProviderInput = z.strictObject({
  name: Text(80),
  /** Shown in English mode: the English name, or pinyin. */
  nameEn: Text(120).optional(),
  /** GCJ-02, as Chinese maps use (see GeoPoint). */
  location: GeoPoint.optional(),
  kind: ProviderKind,
  district: Id,
  address: Text(200),
  businessLicence: ProviderDocument,
  hygienePermit: ProviderDocument,
});
export type ProviderInput = z.infer<typeof ProviderInput>;

/**
 * `PATCH /v1/admin/providers/{id}`: the fields to change, and the provider's `updatedAt` as the
 * desk read it — its version: a profile changed since then (another edit, an approval, a
 * suspension) is 409 CONFLICT instead of being overwritten with what the form was opened with.
 */
export const ProviderPatch = ProviderInput.partial()
  .extend({ updatedAt: z.string().min(1).max(40).describe('The provider’s updatedAt as it was read: the version this edit is made from.') })
  .refine(({ updatedAt: _, ...change }) => Object.keys(change).length > 0, {
    message: 'at least one field to change',
  });
export type ProviderPatch = z.infer<typeof ProviderPatch>;

/** `POST /v1/admin/providers/{id}/suspend`: why, in the administrator's words (kept with the provider and in the audit). */
export const SuspendBody = z.strictObject({ reason: Text(200) });
export type SuspendBody = z.infer<typeof SuspendBody>;

/** Why, when and by whom a provider was suspended; null once reinstated. */
export const Suspension = z.object({ reason: z.string(), at: z.string(), by: Decider });
export type Suspension = z.infer<typeof Suspension>;

export const AdminProvider = ProviderInput.extend({
  id: Id,
  status: ProviderStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Present while SUSPENDED (null after a reinstatement; absent on providers never suspended since it was kept). */
  suspension: Suspension.nullable().optional(),
});
export type AdminProvider = z.infer<typeof AdminProvider>;
export const AdminProviderResponse = z.object({ provider: AdminProvider });

/** The admin list: search (part of the name or address, or the id), filters, cursor paging. */
export const AdminProvidersQuery = z.strictObject({
  q: Text(80, 0).optional(),
  district: Id.optional(),
  status: ProviderStatus.optional(),
  kind: ProviderKind.optional(),
  ...PageQuery,
});
export type AdminProvidersQuery = z.infer<typeof AdminProvidersQuery>;
export const AdminProviderList = pagedList('providers', AdminProvider);
export type AdminProviderList = z.infer<typeof AdminProviderList>;

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * The windows' own rules sit on the array, not on the whole contract: zod runs a refinement only
 * once what it refines is valid, so a rule on the contract stayed silent until every other field
 * was right, and an officer fixed the form twice.
 */
const Windows = z
  .array(PickupWindow)
  .min(1)
  .max(6)
  .superRefine((windows, ctx) => {
    if (new Set(windows.map((w) => w.id)).size !== windows.length) {
      ctx.addIssue({ code: 'custom', path: [], message: 'window ids must be unique' });
    }
    windows.forEach((w, i) => {
      if (minutes(w.start) >= minutes(w.end)) {
        ctx.addIssue({ code: 'custom', path: [i, 'end'], message: 'end must be after start' });
      }
    });
    const sorted = [...windows].sort((a, b) => minutes(a.start) - minutes(b.start));
    for (let i = 1; i < sorted.length; i++) {
      if (minutes(sorted[i]!.start) < minutes(sorted[i - 1]!.end)) {
        ctx.addIssue({ code: 'custom', path: [], message: 'windows must not overlap' });
        break;
      }
    }
  });

export const OfferingContract = z.strictObject({
  name: Text(60),
  kind: OfferingKind,
  dailyQuota: z.number().int().min(0).max(10_000),
  weekdays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .refine((days) => new Set(days).size === days.length, 'each weekday once'),
  windows: Windows,
  standard: Text(200),
  valueFen: z.number().int().min(0).max(1_000_000),
  active: z.boolean(),
});
export type OfferingContract = z.infer<typeof OfferingContract>;
/**
 * A contract as an edit sends it: with the `updatedAt` it was read at (its version), an edit made
 * over a change its author did not see is refused (409 with the contract as it is now). Left out,
 * the contract is written as sent (a script's or a new contract's put).
 */
export const OfferingBody = OfferingContract.extend({ updatedAt: z.string().min(1).max(40).optional() });
export type OfferingBody = z.infer<typeof OfferingBody>;

export const OfferingParams = z.strictObject({ id: Id, offeringId: Id });

export const AdminOffering = z.object({
  id: Id,
  providerId: Id,
  name: z.string(),
  kind: OfferingKind,
  dailyQuota: z.number().int(),
  weekdays: z.array(z.number().int()),
  windows: z.array(PickupWindow),
  standard: z.string(),
  valueFen: z.number().int(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type AdminOffering = z.infer<typeof AdminOffering>;
export const AdminOfferingResponse = z.object({ offering: AdminOffering });

/** One provider as the admin's desk shows it: the profile and every offering's contract. */
export const AdminProviderDetail = z.object({ provider: AdminProvider, offerings: z.array(AdminOffering) });
export type AdminProviderDetail = z.infer<typeof AdminProviderDetail>;

export const ProviderDocumentName = z.enum(['businessLicence', 'hygienePermit']);
export type ProviderDocumentName = z.infer<typeof ProviderDocumentName>;

/** `approveProvider`'s 409 details when the licence or permit expired before today (Asia/Shanghai). */
export const ExpiredDocumentsRefusal = z.object({
  reason: z.literal('documents'),
  documents: z.array(z.object({ document: ProviderDocumentName, expiresOn: DateString })).min(1),
});
export type ExpiredDocumentsRefusal = z.infer<typeof ExpiredDocumentsRefusal>;

/** `days` ahead to look; the configured warning period (30) when left out. */
export const ExpiringQuery = z.strictObject({ days: z.coerce.number().int().min(0).max(365).optional() });
/** A licence or permit that has expired or expires within `days`; `daysLeft` < 0 once expired. */
export const ExpiringDocument = z.object({
  providerId: Id,
  providerName: z.string(),
  district: Id,
  status: ProviderStatus,
  document: ProviderDocumentName,
  number: z.string(),
  expiresOn: DateString,
  daysLeft: z.number().int(),
});
export type ExpiringDocument = z.infer<typeof ExpiringDocument>;
export const ExpiringResponse = z.object({ asOf: DateString, days: z.number().int(), documents: z.array(ExpiringDocument) });
export type ExpiringResponse = z.infer<typeof ExpiringResponse>;

export const StaffInput = z.strictObject({
  providerId: Id,
  username: Username,
  password: NewPassword,
  name: Text(40),
});
export type StaffInput = z.infer<typeof StaffInput>;

export const StaffView = z.object({ id: Id, providerId: Id, username: z.string(), name: z.string(), disabled: z.boolean() });
export type StaffView = z.infer<typeof StaffView>;
export const StaffResponse = z.object({ staff: StaffView });
export const StaffList = z.object({ staff: z.array(StaffView) });

export const DistrictInput = z.strictObject({ name: Text(40), nameEn: Text(60).optional(), position: z.number().int().min(0).max(100_000).optional() });
