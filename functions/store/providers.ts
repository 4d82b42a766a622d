import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { ProviderKind, ProviderStatus } from '../contract/providers.js';
import type { Page } from '../contract/common.js';
import { queryAll, queryPage, type PageRequest, type TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { keys } from './keys.js';
import { commit } from './transaction.js';
import type { Offering, Provider } from './records.js';

const PROVIDER_FIELDS = ['id', 'name', 'nameEn', 'location', 'kind', 'district', 'address', 'businessLicence', 'hygienePermit', 'status', 'createdAt', 'updatedAt', 'offerings', 'posterToken', 'suspension'] as const;

function toProvider(item: Record<string, unknown>): Provider {
  const p = Object.fromEntries(PROVIDER_FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as unknown as Provider;
  p.offerings ??= {};
  return p;
}

const providerItem = (p: Provider) => ({
  ...keys.provider(p.id),
  ...keys.providerIndex(p.district, p.status, p.id),
  ...keys.providerListIndex(p.createdAt, p.id),
  ...p,
});

/** What the admin list narrows by; every part optional. */
export interface ProviderFilter {
  /** Part of the name or address, or the exact id. */
  q?: string | undefined;
  district?: string | undefined;
  /** Only these sub-districts (a district officer's list). */
  districts?: readonly string[] | undefined;
  status?: ProviderStatus | undefined;
  kind?: ProviderKind | undefined;
}

/** Whether a provider is in the admin list's filter (read, then kept or not: the index holds keys only). */
const matches =
  (f: ProviderFilter) =>
  (p: Provider): boolean =>
    (f.district === undefined || p.district === f.district) &&
    (f.districts === undefined || f.districts.includes(p.district)) &&
    (f.status === undefined || p.status === f.status) &&
    (f.kind === undefined || p.kind === f.kind) &&
    (!f.q || p.name.includes(f.q) || p.address.includes(f.q) || p.id === f.q);

export function providerStore(ref: TableRef, config: Config) {
  const { doc, tableName } = ref;
  return {
    async get(id: string): Promise<Provider | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.provider(id) }));
      return out.Item ? toProvider(out.Item) : null;
    },

    /** A new provider; refused by `provider` only if the id exists (ids are random: never in practice). */
    async create(p: Provider, intents: Intents = {}) {
      return commit(ref, withIntents(tableName, { provider: { Put: { TableName: tableName, Item: providerItem(p), ConditionExpression: 'attribute_not_exists(PK)' } } }, intents), config.contention);
    },

    /**
     * Write a provider's profile (not its offerings), guarded by the `updatedAt` it was read
     * with: two admins editing at once cannot silently overwrite each other (the loser is
     * refused by `provider`).
     */
    async saveProfile(p: Provider, expectedUpdatedAt: string, intents: Intents = {}) {
      const { offerings: _offerings, id: _id, posterToken: _poster, ...profile } = p;
      const fields = { ...profile, ...keys.providerIndex(p.district, p.status, p.id), ...keys.providerListIndex(p.createdAt, p.id) };
      const names = Object.keys(fields);
      return commit(
        ref,
        withIntents(tableName, {
          provider: {
            Update: {
              TableName: tableName,
              Key: keys.provider(p.id),
              UpdateExpression: 'SET ' + names.map((_, i) => `#f${i} = :v${i}`).join(', '),
              ConditionExpression: '#updatedAt = :expected',
              ExpressionAttributeNames: { ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])), '#updatedAt': 'updatedAt' },
              ExpressionAttributeValues: {
                ...Object.fromEntries(names.map((n, i) => [`:v${i}`, fields[n as keyof typeof fields]])),
                ':expected': expectedUpdatedAt,
              },
            },
          },
        }, intents),
        config.contention,
      );
    },

    /** Providers of one sub-district, optionally only those in one status. One Query on GSI1. */
    async listInDistrict(district: string, status?: ProviderStatus): Promise<Provider[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: status ? 'GSI1PK = :pk AND begins_with(GSI1SK, :st)' : 'GSI1PK = :pk',
        ExpressionAttributeValues: {
          ':pk': keys.providersInDistrict(district),
          ...(status ? { ':st': `${status}#` } : {}),
        },
      });
      return items.map(toProvider);
    },

    /** The admin list, newest first, filtered and paged. One GSI2 partition holds every provider. */
    async listPage(filter: ProviderFilter, page: PageRequest): Promise<Page<Provider>> {
      const partition = { GSI2PK: keys.allProviders };
      const wanted = matches(filter);
      const out = await queryPage(
        doc,
        { TableName: tableName, IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ScanIndexForward: false, ExpressionAttributeValues: { ':pk': keys.allProviders } },
        page,
        ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
        partition,
        (i) => wanted(toProvider(i)),
      );
      return { items: out.items.map(toProvider), next: out.next };
    },

    /** Every provider (the expiring-documents report reads them all; thousands at most). */
    async listAll(): Promise<Provider[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.allProviders },
      });
      return items.map(toProvider);
    },

    /**
     * Set one offering's contract. Offering ids are unique across providers: an owner item,
     * written in the same transaction, makes a second provider's claim on the id fail (refused
     * by `owner`); `provider` refuses when the provider does not exist, or — given `readAt`, the
     * `updatedAt` the edit was made from — when the contract is no longer that one.
     */
    async putOffering(o: Offering, intents: Intents = {}, readAt?: string) {
      const since = readAt === undefined ? { condition: '', values: {} } : { condition: ' AND offerings.#oid.updatedAt = :was', values: { ':was': readAt } };
      return commit(
        ref,
        withIntents(tableName, {
          owner: {
            Put: {
              TableName: tableName,
              Item: { ...keys.offeringOwner(o.id), providerId: o.providerId },
              ConditionExpression: 'attribute_not_exists(PK) OR providerId = :pid',
              ExpressionAttributeValues: { ':pid': o.providerId },
            },
          },
          provider: {
            Update: {
              TableName: tableName,
              Key: keys.provider(o.providerId),
              UpdateExpression: 'SET offerings.#oid = :o',
              ConditionExpression: `attribute_exists(PK)${since.condition}`,
              ExpressionAttributeNames: { '#oid': o.id },
              ExpressionAttributeValues: { ':o': o, ...since.values },
            },
          },
        }, intents),
        config.contention,
      );
    },

    /** The first poster token, if there is none yet (a printed poster keeps working). Returns the token in force. */
    async ensurePosterToken(providerId: string, token: string): Promise<string> {
      const out = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.provider(providerId),
          UpdateExpression: 'SET posterToken = if_not_exists(posterToken, :t)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':t': token },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes!.posterToken as string;
    },

    /** A new poster token; the old one stops working. */
    async rotatePosterToken(providerId: string, token: string, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(tableName, {
          provider: {
            Update: { TableName: tableName, Key: keys.provider(providerId), UpdateExpression: 'SET posterToken = :t', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':t': token } },
          },
        }, intents),
        config.contention,
      );
    },

    /** Which provider owns an offering id. */
    async offeringOwner(offeringId: string): Promise<string | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.offeringOwner(offeringId) }));
      return (out.Item?.providerId as string | undefined) ?? null;
    },
  };
}
