import type { ReactNode } from 'react';
import { usePageId } from './page-ids';

export interface SectionProps {
  /** The heading's id is `<id>-title`; it names the section for screen readers. */
  id: string;
  title: ReactNode;
  /** The section's own class (its styles and the tests find it by that). */
  className?: string;
  /** Shown at the end of the heading's row (a button or a link); the row is kept while it is hidden. */
  action?: ReactNode;
  children?: ReactNode;
}

/** A titled block of a desk page. */
export function Section({ id, title, className, action, children }: SectionProps) {
  const titleId = usePageId(`${id}-title`);
  const heading = (
    <h2 id={titleId} className='admin-section__title'>
      {title}
    </h2>
  );
  return (
    <section className={className ? `admin-section ${className}` : 'admin-section'} aria-labelledby={titleId}>
      {action === undefined ? (
        heading
      ) : (
        <div className='admin-section__head'>
          {heading}
          {action}
        </div>
      )}
      {children}
    </section>
  );
}
