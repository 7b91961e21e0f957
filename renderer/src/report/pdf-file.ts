/** Hands a report PDF from core to the person: a download, and (to print) a tab showing it. */
import type { ReportFile } from '../../../shared/domain/report';

function blobOf(file: ReportFile): Blob {
  const bytes = Uint8Array.from(atob(file.pdf), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

/** Saves the PDF under its own name (the browser's download; the desktop's save). */
export function downloadPdf(file: ReportFile): void {
  const url = URL.createObjectURL(blobOf(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens the PDF in the browser's viewer, whose print button prints it on A4 as laid out. */
export function openPdf(file: ReportFile): void {
  const url = URL.createObjectURL(blobOf(file));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
}
