/**
 * Brings a finished export's file to the browser's downloads: read through the console API
 * in pieces (the page never names a path), then saved under the name core gave it.
 */
import type { ConsoleClient } from '../../../shared/api/client';
import type { ApiError } from '../../../shared/api/errors';

export async function downloadExport(
  client: ConsoleClient,
  exportId: string,
  fileName: string,
): Promise<ApiError | undefined> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const r = await client['export.read']({ exportId, offset });
    if (!r.ok) return r.error;
    const bytes = Uint8Array.from(atob(r.value.data), (c) => c.charCodeAt(0));
    parts.push(bytes);
    offset += bytes.length;
    if (offset >= r.value.size || bytes.length === 0) break;
  }
  const type = fileName.endsWith('.csv')
    ? 'text/csv;charset=utf-8'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return undefined;
}
