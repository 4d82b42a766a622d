// What the signed-in role may do, from the contract's one route → roles table: the desk leaves out
// menu entries, buttons and forms the server would refuse anyway (it still checks every call).
import { useCallback } from 'react';
import { mayUse, type AdminEndpointName } from '@contract';
import { adminIdentity } from './session';

export type Can = (route: AdminEndpointName) => boolean;

/**
 * `can('approveProvider')`: whether to draw what calls that route. A session kept before the desk
 * stored the role has none: everything is drawn, and the server's 403 says what is not allowed.
 */
export function useCan(): Can {
  const role = adminIdentity()?.role;
  return useCallback((route: AdminEndpointName) => (role ? mayUse(role, route) : true), [role]);
}
