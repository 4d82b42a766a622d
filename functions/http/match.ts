/**
 * Matches request paths against API Gateway style templates (/v1/providers/{id}). Literal
 * segments win over parameters, so /v1/admin/providers/expiring is never read as an id.
 */
export interface Template<R> {
  path: string;
  value: R;
}

interface Compiled<R> {
  segments: string[];
  value: R;
  literals: number;
}

export type Match<R> = { value: R; params: Record<string, string> };

export function pathMatcher<R>(templates: Template<R>[]) {
  const compiled: Compiled<R>[] = templates.map((t) => {
    const segments = t.path.split('/').slice(1);
    return { segments, value: t.value, literals: segments.filter((s) => !s.startsWith('{')).length };
  });

  /** Every template the path fits, most specific first. A segment that is not valid percent-encoding, or decodes to nothing, fits no parameter. */
  return function match(path: string): Match<R>[] {
    const parts = path.split('/').slice(1);
    const found: (Match<R> & { literals: number })[] = [];
    for (const c of compiled) {
      if (c.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = c.segments[i]!;
        const part = parts[i]!;
        if (seg.startsWith('{')) {
          const decoded = safeDecode(part);
          if (decoded === null || decoded === '') ok = false;
          else params[seg.slice(1, -1)] = decoded;
        } else if (seg !== part) ok = false;
      }
      if (ok) found.push({ value: c.value, params, literals: c.literals });
    }
    return found.sort((a, b) => b.literals - a.literals);
  };
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
