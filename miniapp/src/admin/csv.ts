// A CSV export handed to the browser as a file (the export needs the admin's token, so no plain link).
import { useState } from 'react';
import { useI18n } from '../i18n';
import { errorText } from '../i18n/errors';
import type { Result } from '../services/request';
import type { NoticeState } from './notice';

function saveCsv(text: string, name: string): void {
  // The server writes a BOM for Excel; reading the answer as text dropped it.
  const blob = new Blob([text.startsWith('\uFEFF') ? text : `\uFEFF${text}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** An export button's state and action: fetch, save as `name`, or say why not in the page's notice. */
export function useCsvDownload(setNotice: (n: NoticeState) => void) {
  const { t } = useI18n();
  const [downloading, setDownloading] = useState(false);
  const download = async (fetch: () => Promise<Result<string>>, name: string) => {
    setDownloading(true);
    const answer = await fetch();
    setDownloading(false);
    if (!answer.ok) return setNotice({ ok: false, text: errorText(t, answer) });
    saveCsv(answer.data, name);
    setNotice(null);
  };
  return { downloading, download };
}
