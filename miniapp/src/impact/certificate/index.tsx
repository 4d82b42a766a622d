import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LeaderboardEntry, Period, PublishedLeaderboard } from '@contract';
import { QrCode } from '../../components/qr-code';
import { Resource } from '../../components/resource';
import { StatusView } from '../../components/status-view';
import { TopBar } from '../../components/top-bar';
import { useResource } from '../../hooks/use-resource';
import { useI18n, useTitle } from '../../i18n';
import { routes } from '../../routes';
import { getLeaderboard } from '../../services/api';
import { publicPageUrl } from '../../services/links';
import { periodLabel } from '../../i18n/periods';
import { shanghaiDate } from '../../services/time';
import './index.css';

const isPeriod = (p: string | undefined): p is Period => p === 'month' || p === 'quarter' || p === 'year';

/**
 * A badge, verifiable: the provider, period, meals, badge and version of one published
 * leaderboard, with a QR that opens this same page for this same version — a shop's sign can be
 * checked by anyone who scans it, against the immutable snapshot.
 */
export default function CertificatePage() {
  const { t } = useI18n();
  useTitle('certificate.title');
  const { params } = useRouter();
  const period = isPeriod(params.period) ? params.period : 'month';
  const key = params.key ?? '';
  const version = Number(params.version) || undefined;
  const provider = params.provider ?? '';
  const board = useResource(() => getLeaderboard(period, key, version), [period, key, version]);
  return (
    <View className='page' ariaRole='main'>
      <TopBar title={t('certificate.title')} />
      <View className='certificate-page'>
        <Resource state={board.state} onRetry={() => void board.reload()}>
          {(b) => {
            const entry = b.entries.find((e) => e.providerId === provider);
            return entry?.badge ? <Certificate board={b} entry={entry} /> : <StatusView kind='empty' title={t('certificate.notFound')} />;
          }}
        </Resource>
      </View>
    </View>
  );
}

function Certificate({ board, entry }: { board: PublishedLeaderboard; entry: LeaderboardEntry }) {
  const { t } = useI18n();
  const label = periodLabel(t, board.period, board.key);
  const badge = t(`badge.${entry.badge!}`);
  const url = publicPageUrl(routes.certificate({ period: board.period, key: board.key, version: board.version, provider: entry.providerId }));
  return (
    <View className={`certificate certificate--${entry.badge}`}>
      <Text className='certificate__badge'>{t('certificate.heading', { b: badge })}</Text>
      <View className='certificate__name' ariaRole='heading' aria-level='2'>
        {entry.name}
      </View>
      <Text className='certificate__body'>{t('certificate.body', { name: entry.name, p: label, n: entry.meals, b: badge })}</Text>
      <Text className='certificate__rank'>{t('certificate.rank', { r: entry.rank, l: entry.likes })}</Text>
      <View className='certificate__qr' data-url={url}>
        <QrCode text={url} size={180} label={t('certificate.scan')} />
      </View>
      <Text className='certificate__scan'>{t('certificate.scan')}</Text>
      <Text className='certificate__version'>{t('certificate.version', { p: label, v: board.version, d: shanghaiDate(board.publishedAt) })}</Text>
    </View>
  );
}
