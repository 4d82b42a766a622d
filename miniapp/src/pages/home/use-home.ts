import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Id } from '@contract';
import { useResource } from '../../hooks/use-resource';
import { listDistricts, listProviders } from '../../services/api';
import { listingClock, waitForFreshListing } from '../../services/listing-freshness';
import { readString, remove, StorageKey, writeString } from '../../services/storage';

function rememberedDistrict(): string {
  const held = readString(StorageKey.district);
  return held && Id.safeParse(held).success ? held : '';
}

/**
 * The home page's data: sub-districts, the chosen one (remembered), and its providers — reloaded
 * when the page comes back into view, so meals left are current after a booking elsewhere.
 */
export function useHome() {
  const [district, setDistrict] = useState<string>(rememberedDistrict);
  const districts = useResource(() => listDistricts(), [], { onShow: true });
  // When the listing shown was asked for (monotonic clock), to know whether it predates a booking.
  const askedAt = useRef(0);
  const providers = useResource(async () => {
    askedAt.current = listingClock();
    const answer = await listProviders(district ? { district } : {});
    return answer.ok ? { ok: true as const, data: answer.data.providers } : answer;
  }, [district], { onShow: true });

  // Back from booking: the listing just shown may predate it by up to a second; ask once more then.
  const { reload, data: shown } = providers;
  useEffect(() => {
    const wait = shown ? waitForFreshListing(askedAt.current) : null;
    if (wait === null) return;
    const timer = setTimeout(() => void reload(true), wait);
    return () => clearTimeout(timer);
  }, [shown, reload]);
  const districtList = useMemo(() => districts.data ?? [], [districts.data]);

  const select = useCallback((id: string) => {
    setDistrict(id);
    if (id) writeString(StorageKey.district, id);
    else remove(StorageKey.district);
  }, []);

  // A remembered sub-district that no longer exists falls back to 全部.
  useEffect(() => {
    if (district && districtList.length > 0 && !districtList.some((d) => d.id === district)) select('');
  }, [districtList, district, select]);

  const retry = useCallback(() => {
    // Without the list the chips show only 全部; the providers list reports its own failure.
    if (!districts.data) void districts.reload();
    void providers.reload();
  }, [districts, providers]);

  return { districts: districtList, district, select, providers, retry };
}
