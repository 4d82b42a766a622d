// A CSV export handed to the browser as a file (the export needs the admin's token, so no plain link).

export function saveCsv(text: string, name: string): void {
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
