// The provider's walk-in poster: the same sheet its staff print, printable from here.
import { PosterSheet } from '../../components/poster-sheet';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { providerPoster } from '../api';
import { useAdminText } from '../i18n';
import { Section } from '../section';

export function PosterSection({ providerId }: { providerId: string }) {
  const t = useAdminText();
  // Read again when the page is shown again: a contract saved meanwhile changes the windows it prints.
  const poster = useResource(() => providerPoster(providerId), [providerId], { onShow: true });
  return (
    <Section id='poster' className='admin-poster' title={t('provider.poster')}>
      <Resource state={poster.state} onRetry={() => void poster.reload()}>
        {(p) => (
          <div className='admin-poster__body'>
            <div className='admin-poster__sheet' data-poster={p.poster}>
              <PosterSheet poster={p} />
            </div>
            <div className='admin-poster__side'>
              <p className='admin-poster__hint'>{t('provider.posterHint')}</p>
              <button type='button' className='admin-btn admin-btn--ghost admin-poster__print' onClick={() => window.print()}>
                {t('action.print')}
              </button>
            </div>
          </div>
        )}
      </Resource>
    </Section>
  );
}
