// The ways out that several pages offer: to the person's bookings, and home to the list of places.
import { useI18n, type MessageKey } from '../i18n';
import { go, routes } from '../routes';
import { Pressable } from './pressable';

const ways: Record<'bookings' | 'home', { text: MessageKey; open: () => void }> = {
  // On top of this page: back returns here.
  bookings: { text: 'home.myBookings', open: () => go.to(routes.bookings()) },
  // With the page stack started over: going back would only retrace the steps that led here.
  home: { text: 'nav.home', open: () => go.restart(routes.home()) },
};

export function NavLink({ to, className }: { to: keyof typeof ways; className?: string }) {
  const { t } = useI18n();
  return (
    <Pressable className={className ? `link ${className}` : 'link'} role='link' onPress={ways[to].open}>
      {t(ways[to].text)}
    </Pressable>
  );
}
