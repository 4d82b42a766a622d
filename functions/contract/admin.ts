import * as z from 'zod';
import { DateString, Id } from './common.js';
import { OfferingKind, PickupWindow, ProviderKind, ProviderStatus } from './providers.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const ProviderDocument = z.strictObject({
  number: Text(64),
  expiresOn: DateString,
});
export type ProviderDocument = z.infer<typeof ProviderDocument>;

export const ProviderInput = z.strictObject({
  name: Text(80),
  kind: ProviderKind,
  district: Id,
  address: Text(200),
  businessLicence: ProviderDocument,
  hygienePermit: ProviderDocument,
});
export type ProviderInput = z.infer<typeof ProviderInput>;

export const ProviderPatch = ProviderInput.partial().refine((p) => Object.keys(p).length > 0, {
  message: 'at least one field to change',
});
export type ProviderPatch = z.infer<typeof ProviderPatch>;

export const AdminProvider = ProviderInput.extend({
  id: Id,
  status: ProviderStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminProvider = z.infer<typeof AdminProvider>;
export const AdminProviderResponse = z.object({ provider: AdminProvider });

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export const OfferingContract = z
  .strictObject({
    name: Text(60),
    kind: OfferingKind,
    dailyQuota: z.number().int().min(0).max(10_000),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    windows: z.array(PickupWindow).min(1).max(6),
    standard: Text(200),
    valueFen: z.number().int().min(0).max(1_000_000),
    active: z.boolean(),
  })
  .superRefine((o, ctx) => {
    if (new Set(o.weekdays).size !== o.weekdays.length) {
      ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'each weekday once' });
    }
    if (new Set(o.windows.map((w) => w.id)).size !== o.windows.length) {
      ctx.addIssue({ code: 'custom', path: ['windows'], message: 'window ids must be unique' });
    }
    o.windows.forEach((w, i) => {
      if (minutes(w.start) >= minutes(w.end)) {
        ctx.addIssue({ code: 'custom', path: ['windows', i, 'end'], message: 'end must be after start' });
      }
    });
    const sorted = [...o.windows].sort((a, b) => minutes(a.start) - minutes(b.start));
    for (let i = 1; i < sorted.length; i++) {
      if (minutes(sorted[i]!.start) < minutes(sorted[i - 1]!.end)) {
        ctx.addIssue({ code: 'custom', path: ['windows'], message: 'windows must not overlap' });
        break;
      }
    }
  });
export type OfferingContract = z.infer<typeof OfferingContract>;

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

export const StaffInput = z.strictObject({
  providerId: Id,
  username: z.string().regex(/^[a-z0-9_.-]{3,32}$/, '3–32 lowercase letters, digits, _ . -'),
  password: z.string().min(8, 'at least 8 characters').max(256),
  name: Text(40),
});
export type StaffInput = z.infer<typeof StaffInput>;

export const StaffView = z.object({ id: Id, providerId: Id, username: z.string(), name: z.string() });
export const StaffResponse = z.object({ staff: StaffView });

export const DistrictInput = z.strictObject({ name: Text(40), position: z.number().int().min(0).max(100_000).optional() });
