import * as z from 'zod';
import { DateString, Id, TimeString } from './common.js';

export const ProviderKind = z.enum(['restaurant', 'base', 'youth_station']);
export type ProviderKind = z.infer<typeof ProviderKind>;

export const ProviderStatus = z.enum(['PENDING', 'ACTIVE', 'SUSPENDED']);
export type ProviderStatus = z.infer<typeof ProviderStatus>;

export const OfferingKind = z.enum(['meal', 'blind_box']);
export type OfferingKind = z.infer<typeof OfferingKind>;

/**
 * A point as Chinese maps use it: GCJ-02 ("Mars coordinates"), which AMap, Tencent Maps and
 * WeChat's openLocation expect. GPS (WGS-84) readings are converted before comparing.
 */
export const GeoPoint = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
export type GeoPoint = z.infer<typeof GeoPoint>;

/** `nameEn` is shown in English mode: the English name, or pinyin where there is none. */
export const District = z.object({ id: Id, name: z.string(), nameEn: z.string().optional() });
export type District = z.infer<typeof District>;
export const DistrictList = z.array(District);

export const PickupWindow = z.strictObject({ id: Id, start: TimeString, end: TimeString });
export type PickupWindow = z.infer<typeof PickupWindow>;

export const PublicOffering = z.object({
  id: Id,
  name: z.string(),
  kind: OfferingKind,
  standard: z.string(),
  valueFen: z.number().int().min(0),
  windows: z.array(PickupWindow),
  capacity: z.number().int().min(0),
  remaining: z.number().int().min(0),
});
export type PublicOffering = z.infer<typeof PublicOffering>;

export const PublicProvider = z.object({
  id: Id,
  name: z.string(),
  /** The English name (pinyin where there is none); null when the provider has not given one. */
  nameEn: z.string().nullable(),
  /** Where to go, GCJ-02; null when not yet recorded. */
  location: GeoPoint.nullable(),
  kind: ProviderKind,
  district: Id,
  address: z.string(),
  /** The Asia/Shanghai date the offerings' capacity and remaining are for. */
  date: DateString,
  offerings: z.array(PublicOffering),
  /** Likes from the people it fed (on GET /v1/providers/{id}; lists leave it out). */
  likes: z.number().int().min(0).optional(),
});
export type PublicProvider = z.infer<typeof PublicProvider>;

export const ProvidersQuery = z.strictObject({
  district: Id.optional(),
  kind: ProviderKind.optional(),
});
export type ProvidersQuery = z.infer<typeof ProvidersQuery>;

export const ProviderListResponse = z.object({ providers: z.array(PublicProvider) });
export type ProviderListResponse = z.infer<typeof ProviderListResponse>;

export const ProviderResponse = z.object({ provider: PublicProvider });
export type ProviderResponse = z.infer<typeof ProviderResponse>;

export const IdParams = z.strictObject({ id: Id });
