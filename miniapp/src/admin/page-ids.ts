// DOM ids on the desk. Taro keeps the pages below the one on screen in the document, hidden: the
// same page opened twice (the menu, then Back) would hold the same ids twice, and a label would
// focus its hidden twin. So only the page on screen carries ids. Two forms on one page that name a
// field alike (a provider's name and its staff member's) tell theirs apart by a scope.
import { createContext, useContext } from 'react';

/** Whether this page is the one on screen (the shell sets it from Taro's show and hide). */
export const PageShown = createContext(true);

/** A form's own prefix for its fields' ids, where another form on the page has fields of the same name. */
export const FieldScope = createContext('');

/** `id` while the page is on screen; none while it waits hidden below another. */
export function usePageId(id: string): string | undefined {
  return useContext(PageShown) ? id : undefined;
}

/** The DOM id of a field's control (`businessLicence.number` → `f-businessLicence-number`; scope `staff`: `f-staff-name`). */
export function useFieldId(name: string): string | undefined {
  const scope = useContext(FieldScope);
  return usePageId(`f-${scope ? `${scope}-` : ''}${name.replace(/\./g, '-')}`);
}
