import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { endpoints, type Endpoint } from '../../functions/contract/endpoints.js';

/** Every property anywhere in a JSON Schema, as a path: `slots[].name`, `provider.name`. */
function propertyPaths(schema: unknown, at = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => propertyPaths(s, at, into));
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'properties' && v && typeof v === 'object') {
        for (const [name, sub] of Object.entries(v)) {
          const path = at ? `${at}.${name}` : name;
          into.add(path);
          propertyPaths(sub, path, into);
        }
      } else if (k === 'items') propertyPaths(v, `${at}[]`, into);
      else propertyPaths(v, at, into);
    }
  }
  return into;
}

// Anything that could identify or describe the person who booked.
const RECIPIENT_FIELDS = /recipient|user|device|openid|phone|name$|^name|verification|claims|noShow|suspended/i;

/** The only names staff may see, by where they sit: their own and their offerings'. A `name` anywhere else fails. */
const ALLOWED: Record<string, string[]> = {
  // Their own name, and the credential of their own device (sent back at their next sign-in).
  createStaffSession: ['staff.name', 'device'],
  redeem: ['redemption.offering.name'],
  staffWalkIn: ['slot.name'],
  staffToday: ['slots[].name'],
  // The restaurant's own name, printed on its walk-in poster.
  staffPoster: ['providerName'],
  rotatePoster: ['providerName'],
  // The catalogue's goods, and the provider's own name and goods on its orders.
  listCatalog: ['items[].name'],
  createExchange: ['exchange.providerName', 'exchange.itemName'],
  staffExchanges: ['exchanges[].providerName', 'exchanges[].itemName'],
};

describe('staff never learn who they fed', () => {
  const staffRoutes = (Object.entries(endpoints) as [string, Endpoint][]).filter(([, e]) => e.auth === 'staff' || e.path.startsWith('/v1/staff'));

  it('covers every staff route', () => {
    expect(staffRoutes.map(([n]) => n).sort()).toEqual(['createExchange', 'createStaffSession', 'listCatalog', 'redeem', 'rotatePoster', 'staffExchanges', 'staffPoints', 'staffPoster', 'staffThanks', 'staffToday', 'staffWalkIn', 'voucherKey']);
  });

  it.each(staffRoutes)('%s answers with no recipient field', (name, e) => {
    const paths = [...propertyPaths(z.toJSONSchema(e.response, { io: 'output', unrepresentable: 'any' }))];
    const suspicious = paths.filter((p) => RECIPIENT_FIELDS.test(p.split('.').at(-1)!.replace('[]', '')) && !(ALLOWED[name] ?? []).includes(p));
    expect(suspicious).toEqual([]);
  });
});
