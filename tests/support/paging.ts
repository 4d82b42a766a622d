/**
 * Every page of a cursor-paged listing, in order: `page` is asked for the first page with no
 * cursor, then for each next one with the `next` the previous page gave, until there is none.
 */
export async function allPages<P extends { next: string | null }>(page: (after: { cursor?: string }) => Promise<P>): Promise<P[]> {
  const pages: P[] = [];
  let next: string | null = null;
  do {
    const p: P = await page(next ? { cursor: next } : {});
    pages.push(p);
    next = p.next;
  } while (next);
  return pages;
}
