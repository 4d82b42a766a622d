import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { endpoints, type Endpoint } from '../../functions/contract/endpoints.js';

/** Every property name anywhere in a JSON Schema. */
function propertyNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => propertyNames(s, into));
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'properties' && v && typeof v === 'object') Object.keys(v).forEach((n) => into.add(n));
      propertyNames(v, into);
    }
  }
  return into;
}

// Anything that could identify or describe the person who booked.
const RECIPIENT_FIELDS = /recipient|user|device|openid|phone|name$|^name|verification|claims|noShow|suspended/i;

describe('staff never learn who they fed', () => {
  const staffRoutes = (Object.entries(endpoints) as [string, Endpoint][]).filter(([, e]) => e.auth === 'staff' || e.path.startsWith('/v1/staff'));

  it('covers every staff route', () => {
    expect(staffRoutes.map(([n]) => n).sort()).toEqual(['createStaffSession', 'redeem', 'rotatePoster', 'staffPoints', 'staffPoster', 'staffToday', 'staffWalkIn', 'voucherKey']);
  });

  it.each(staffRoutes)('%s answers with no recipient field', (_name, e) => {
    const names = [...propertyNames(z.toJSONSchema(e.response, { io: 'output', unrepresentable: 'any' }))];
    // Offering, provider and staff names are fine; a recipient's is not — so only bare `name` inside offering/slot objects may appear.
    const suspicious = names.filter((n) => RECIPIENT_FIELDS.test(n) && n !== 'name');
    expect(suspicious).toEqual([]);
  });
});
