import type { ReactNode } from 'react';
import { go } from '../routes';

/**
 * A link to another desk page: a real href, so it can be opened in a new tab or copied, and a plain
 * click stays in the app (pushing the page, so Back returns here).
 */
export function AdminLink({ to, className, children }: { to: string; className?: string; children: ReactNode }) {
  return (
    <a
      className={className}
      href={`#${to}`}
      onClick={(e) => {
        e.preventDefault();
        go.to(to);
      }}
    >
      {children}
    </a>
  );
}
