// The provider's walk-in poster, as its staff print it.
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { providerPoster } from '../api';
import { useAdminText } from '../i18n';
import { Section } from '../section';

export function PosterSection({ providerId, name }: { providerId: string; name: string }) {
  const t = useAdminText();
  const poster = useResource(() => providerPoster(providerId), [providerId]);
  return (
    <Section id='poster' className='admin-poster' title={t('provider.poster')}>
      <Resource state={poster.state} onRetry={() => void poster.reload()}>
        {(p) => (
          <div className='admin-poster__body'>
            {/* The server's SVG shown as an image: no markup of it enters the page. */}
            <img className='admin-poster__qr' src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(p.qrSvg)}`} alt={`${t('provider.poster')} · ${name}`} />
            <div>
              <p className='admin-poster__hint'>{t('provider.posterHint')}</p>
              <code className='admin-poster__code' data-poster={p.poster}>
                {p.poster}
              </code>
              <div>
                <button type='button' className='admin-btn admin-btn--ghost' onClick={() => window.print()}>
                  {t('action.print')}
                </button>
              </div>
            </div>
          </div>
        )}
      </Resource>
    </Section>
  );
}
