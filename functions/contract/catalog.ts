import * as z from 'zod';
import { Id, pagedList, PageQuery, Text } from './common.js';

/** An ingredient providers can order with points: rice, cooking oil, vegetables… */
export const CatalogItem = z.object({
  id: Id,
  name: z.string(),
  /** What one of it is: 袋 (5 kg), 桶 (5 L), 箱… */
  unit: z.string(),
  /** Points one of it costs. */
  points: z.number().int(),
  /** Units left to order. */
  stock: z.number().int(),
  /** Inactive items are hidden from staff and cannot be ordered; admins still see them. */
  active: z.boolean(),
  /**
   * Goes up with every change (an edit, a stock adjustment, an exchange taking or giving back
   * stock). An edit names the version it was made from, so it never overwrites a change it did not see.
   */
  version: z.number().int(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

/**
 * `PUT /v1/admin/catalog/{itemId}`: create the item (with `stock`, its opening stock, and no
 * `version`) or edit it (with the `version` it was read at, and no `stock`: stock then moves only
 * by `POST …/stock` and by exchanges, so an edit cannot put back a stock it read earlier).
 * Which of the two applies depends on whether the item exists, so the use case checks the pair.
 */
export const CatalogItemBody = z.strictObject({
  name: Text(60),
  unit: Text(20),
  points: z.number().int().min(1).max(1_000_000),
  stock: z.number().int().min(0).max(1_000_000).optional(),
  active: z.boolean(),
  version: z.number().int().min(1).optional(),
});
export type CatalogItemBody = z.infer<typeof CatalogItemBody>;

/** `POST /v1/admin/catalog/{itemId}/stock`: units added (positive) or taken out (negative), and why. */
export const StockAdjustmentBody = z.strictObject({
  delta: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((d) => d !== 0, 'not zero')
    .describe('Units added (positive) or taken out (negative); not zero.'),
  reason: Text(200),
});
export type StockAdjustmentBody = z.infer<typeof StockAdjustmentBody>;

export const CatalogItemParams = z.strictObject({ itemId: Id });
export const CatalogItemResponse = z.object({ item: CatalogItem });
export const CatalogList = z.object({ items: z.array(CatalogItem) });
export type CatalogList = z.infer<typeof CatalogList>;

export const ExchangeStatus = z.enum(['PENDING', 'FULFILLED', 'REJECTED']);
export type ExchangeStatus = z.infer<typeof ExchangeStatus>;

/** `quantity` is at least 1; its upper bound is the service's configuration (docs/api.md). */
export const ExchangeBody = z.strictObject({ itemId: Id, quantity: z.number().int().min(1).max(1_000_000) });
export type ExchangeBody = z.infer<typeof ExchangeBody>;

/** An order of an item paid with points; the item's name and unit as they were when ordered. */
export const Exchange = z.object({
  id: Id,
  providerId: Id,
  providerName: z.string(),
  itemId: Id,
  itemName: z.string(),
  unit: z.string(),
  quantity: z.number().int(),
  /** Points taken in all (the item's price × quantity). */
  points: z.number().int(),
  status: ExchangeStatus,
  createdAt: z.string(),
  /** When an admin fulfilled or rejected it. */
  decidedAt: z.string().nullable(),
  /** The admin's reason for a rejection. */
  reason: z.string().nullable(),
});
export type Exchange = z.infer<typeof Exchange>;

export const ExchangeResponse = z.object({ exchange: Exchange });
export const ExchangeList = pagedList('exchanges', Exchange);
export type ExchangeList = z.infer<typeof ExchangeList>;

/**
 * `GET /v1/admin/exchanges`: one provider's (every status unless `status` is given), or else
 * every provider's in one status, PENDING when left out.
 */
export const AdminExchangesQuery = z.strictObject({ status: ExchangeStatus.optional(), providerId: Id.optional(), ...PageQuery });
export type AdminExchangesQuery = z.infer<typeof AdminExchangesQuery>;

export const RejectExchangeBody = z.strictObject({ reason: Text(200) });
export type RejectExchangeBody = z.infer<typeof RejectExchangeBody>;
