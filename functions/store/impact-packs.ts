/**
 * Packs: a period's rolled provider figures, or a year's sub-district months, written by the
 * roll-up as a few large items of rows, so a reader gets a whole period in a few item reads rather
 * than a paged Query over an item per provider.
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { COUNT_FIELDS, type ImpactCounts, type PeriodType } from '../domain/impact.js';
import { queryAll, type TableRef } from './client.js';
import { countsOf, stampOf, type ProviderStamp } from './impact-items.js';
import { keys } from './keys.js';

/** A provider's figures over a span, ready to add up. */
export interface ProviderCounts extends ProviderStamp {
  counts: ImpactCounts;
}

/** A period's rolled provider figures as the roll-up packed them: exact as of `through`. */
export interface ProviderPack {
  through: string;
  providers: ProviderCounts[];
}

/** The columns of packed rows, written into every part so a later change of fields still reads old parts. */
const PACK_COLUMNS = ['providerId', 'name', 'district', 'joinedAt', ...COUNT_FIELDS] as const;
const AREA_COLUMNS = ['month', 'district', ...COUNT_FIELDS] as const;

/** A sub-district's figures for one month. */
export interface AreaMonth {
  month: string;
  district: string;
  counts: ImpactCounts;
}

export function impactPacks(ref: TableRef) {
  const { doc, tableName: TableName } = ref;

  /**
   * Replace a pack: rows as of `through`, a sub-district's in one part (several when they would
   * pass `maxBytes`; an item holds 400 KB at most), then the head naming the parts, then the parts
   * the old head named and this one does not. A pack is a snapshot, not a sum: writing the same
   * rows again writes the same pack.
   */
  async function writeRows(pk: string, through: string, columns: readonly string[], rows: { row: unknown[]; district: string; id: string }[], maxBytes: number): Promise<{ parts: number }> {
    const old = await doc.send(new GetCommand({ TableName, Key: keys.impactPackHead(pk), ConsistentRead: true }));
    const byDistrict = new Map<string, typeof rows>();
    for (const r of rows) byDistrict.set(r.district, [...(byDistrict.get(r.district) ?? []), r]);
    const parts: { Key: { PK: string; SK: string }; rows: string[]; bytes: number }[] = [];
    for (const district of [...byDistrict.keys()].sort()) {
      let part: (typeof parts)[number] | null = null;
      let n = 0;
      for (const r of byDistrict.get(district)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        const row = JSON.stringify(r.row);
        const bytes = Buffer.byteLength(row) + 1;
        if (!part || part.bytes + bytes > maxBytes) parts.push((part = { Key: keys.impactPackPart(pk, district, n++), rows: [], bytes: 0 }));
        part.rows.push(row);
        part.bytes += bytes;
      }
    }
    await Promise.all(parts.map((p) => doc.send(new PutCommand({ TableName, Item: { ...p.Key, through, columns: [...columns], rows: `[${p.rows.join(',')}]` } }))));
    const names = parts.map((p) => p.Key.SK);
    await doc.send(new PutCommand({ TableName, Item: { ...keys.impactPackHead(pk), through, parts: names, rows: rows.length } }));
    const stale = ((old.Item?.parts as string[] | undefined) ?? []).filter((sk) => !names.includes(sk));
    await Promise.all(stale.map((SK) => doc.send(new DeleteCommand({ TableName, Key: { PK: pk, SK } }))));
    return { parts: parts.length };
  }

  /**
   * A pack's rows (as objects by the parts' own columns), or null when there is none or it is not
   * whole: a part its head names is missing or holds another day's snapshot (a roll-up rewriting
   * it right now, or stopped half-way).
   */
  async function readRows(pk: string): Promise<{ through: string; rows: Record<string, unknown>[] } | null> {
    const items = await queryAll(doc, { TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } });
    const head = items.find((i) => i.SK === keys.impactPackHeadSK);
    if (!head) return null;
    const bySK = new Map(items.map((i) => [i.SK as string, i]));
    const rows: Record<string, unknown>[] = [];
    for (const sk of head.parts as string[]) {
      const part = bySK.get(sk);
      if (!part || part.through !== head.through) return null;
      const columns = part.columns as string[];
      for (const row of JSON.parse(part.rows as string) as unknown[][]) rows.push(Object.fromEntries(columns.map((c, i) => [c, row[i]])));
    }
    return { through: head.through as string, rows };
  }

  return {
    /**
     * Replace a period's provider pack: every provider's figures as of `through`, a sub-district's
     * in one part (several when they would pass `maxBytes`). See `writeRows`.
     */
    writePack(period: PeriodType, key: string, through: string, providers: ProviderCounts[], maxBytes: number): Promise<{ parts: number }> {
      return writeRows(keys.impactPackPK(period, key), through, PACK_COLUMNS, providers.map((p) => ({ row: PACK_COLUMNS.map((c) => (c in p.counts ? p.counts[c as keyof ImpactCounts] : p[c as keyof ProviderStamp])), district: p.district, id: p.providerId })), maxBytes);
    },

    /** A period's provider pack, or null when there is none or it is not whole (see `readRows`). */
    async pack(period: PeriodType, key: string): Promise<ProviderPack | null> {
      const read = await readRows(keys.impactPackPK(period, key));
      return read && { through: read.through, providers: read.rows.map((item) => ({ ...stampOf(item), counts: countsOf(item) })) };
    },

    /** Replace a year's pack of sub-district month figures (the MONTH# area items) as of `through`. */
    writeAreaMonthsPack(year: string, through: string, cells: AreaMonth[], maxBytes: number): Promise<{ parts: number }> {
      return writeRows(keys.impactAreaPackPK(year), through, AREA_COLUMNS, cells.map((c) => ({ row: AREA_COLUMNS.map((f) => (f in c.counts ? c.counts[f as keyof ImpactCounts] : c[f as 'month' | 'district'])), district: c.district, id: c.month })), maxBytes);
    },

    /** A year's pack of sub-district month figures, or null when there is none or it is not whole. */
    async areaMonthsPack(year: string): Promise<{ through: string; cells: AreaMonth[] } | null> {
      const read = await readRows(keys.impactAreaPackPK(year));
      return read && { through: read.through, cells: read.rows.map((item) => ({ month: item.month as string, district: item.district as string, counts: countsOf(item) })) };
    },
  };
}
