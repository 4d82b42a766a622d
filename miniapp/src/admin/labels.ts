// How the desk names the contract's enums and shows its dates (Asia/Shanghai).
import type { District, IntegrityFlag, ProviderKind, ProviderStatus } from '@contract';
import { useCallback } from 'react';
import { useI18n } from '../i18n';
import { shanghaiDateTime, shanghaiToday } from '../services/time';
import type { AdminKey, AdminT } from './i18n';

export const providerKinds: ProviderKind[] = ['restaurant', 'base', 'youth_station'];
export const providerStatuses: ProviderStatus[] = ['PENDING', 'ACTIVE', 'SUSPENDED'];

export const kindLabel = (t: AdminT, kind: ProviderKind) => t(`kind.${kind}` as AdminKey);
export const statusLabel = (t: AdminT, status: ProviderStatus) => t(`status.${status}` as AdminKey);
/** An integrity case's flags in words, one after another. */
export const flagsText = (t: AdminT, flags: readonly IntegrityFlag[]) => flags.map((f) => t(`integrity.${f}` as AdminKey)).join(t('list.separator'));

/** A sub-district's name in the desk's language: its `nameEn` in English, where it has one. */
export function useDistrictLabel(): (d: District) => string {
  const { lang } = useI18n();
  return useCallback((d: District) => (lang === 'en' && d.nameEn ? d.nameEn : d.name), [lang]);
}

/** The named sub-district's label (`useDistrictLabel`), or its id when the list does not hold it. */
export function districtName(districts: District[] | undefined, id: string, label: (d: District) => string): string {
  const found = districts?.find((d) => d.id === id);
  return found ? label(found) : id;
}

/** "2026-11-30T03:45:00.000Z" → "2026-11-30 11:45" in Shanghai. */
export function shanghaiTime(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  // The year from the date, the rest ('MM-DD HH:MM') as the app writes it everywhere.
  return Number.isNaN(ms) ? '' : `${shanghaiToday(ms).slice(0, 5)}${shanghaiDateTime(iso!)}`;
}

/** Today in Shanghai (the expiry dates are compared with it). */
export const today = (): string => shanghaiToday();
