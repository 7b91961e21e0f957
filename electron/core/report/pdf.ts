/**
 * The report's PDF, made here in core with pdfmake so the desktop app, the browser host,
 * the tests and the benchmark all print with the same code: A4, the report's SHA-256 and
 * page numbers in every footer, long tables split across pages with their header row
 * repeated. Everything from the snapshot goes in as text, never as markup.
 */
import { createRequire } from 'node:module';
import type * as PdfMakeModule from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReportSnapshot } from '../../../shared/domain/report';
import { REPORT_WORDS, type ReportWords } from '../../../shared/domain/report-words';
import { formatWib, formatWibTime } from '../../../shared/time';

type PdfMake = typeof PdfMakeModule;

let loaded: PdfMake | undefined;

/** pdfmake with its Roboto fonts, loaded once; it may read nothing but those font files. */
function pdfmake(): PdfMake {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const lib = require('pdfmake') as PdfMake;
  const dir = require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf').replace(/[^/\\]+$/, '');
  lib.setFonts({
    Roboto: {
      normal: `${dir}Roboto-Regular.ttf`,
      bold: `${dir}Roboto-Medium.ttf`,
      italics: `${dir}Roboto-Italic.ttf`,
      bolditalics: `${dir}Roboto-MediumItalic.ttf`,
    },
  });
  lib.setUrlAccessPolicy(() => false);
  lib.setLocalAccessPolicy((file) => file.startsWith(dir));
  loaded = lib;
  return lib;
}

export interface PdfMarks {
  /** SHA-256 of the snapshot's canonical JSON (hex). */
  hash: string;
  /** A signed report: who signed, when, and whether the hub was away then. */
  signed?: { name: string; at: number; offline: boolean } | undefined;
  /** A reprint of a signed report: when it was printed again. */
  reprintAt?: number | undefined;
}

const cell = (
  text: string | number,
  extra: Partial<{ bold: boolean; alignment: 'right' }> = {},
): TableCell => ({
  text: String(text),
  ...extra,
});
const num = (n: number | null): TableCell => cell(n === null ? '—' : n, { alignment: 'right' });
const pct = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

/** A table whose header row repeats on every page it spills onto. */
function table(
  widths: Array<string | number>,
  head: string[],
  rows: TableCell[][],
  none: string,
): Content {
  if (rows.length === 0) return { text: none, italics: true, margin: [0, 0, 0, 8] };
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [head.map((h) => cell(h, { bold: true })), ...rows],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
    margin: [0, 0, 0, 10],
  };
}

const heading = (text: string): Content => ({ text, style: 'h2', margin: [0, 8, 0, 4] });

function header(s: ReportSnapshot, w: ReportWords, marks: PdfMarks): Content[] {
  const when = (t: number) => formatWib(t, s.language);
  const lines: Content[] = [
    { text: s.period.kind === 'shift' ? w.titleShift : w.titleDay, style: 'h1' },
    {
      columns: [
        {
          text: [
            `${w.city}: ${s.header.city}\n`,
            `${w.center}: ${s.header.center}\n`,
            `${w.date}: ${s.period.date}\n`,
            `${w.shift}: ${s.period.shiftId ?? '—'} (${when(s.period.start)} – ${when(s.period.end)})\n`,
          ],
        },
        {
          text: [
            `${w.desk}: ${s.header.deskId}\n`,
            `${w.outgoing}: ${s.header.outgoing.name || '—'}\n`,
            `${w.incoming}: ${s.header.incoming.name || '—'}\n`,
          ],
        },
      ],
      fontSize: 9,
      margin: [0, 4, 0, 4],
    },
  ];
  if (s.hubDataUntil !== null) {
    lines.push({
      text: w.dataUntil(formatWibTime(s.hubDataUntil, s.language)),
      bold: true,
      color: '#a00',
    });
  }
  if (marks.signed) {
    const signedLine = w.signed(marks.signed.name, when(marks.signed.at));
    lines.push({ text: marks.signed.offline ? `${signedLine} ${w.signedOffline}` : signedLine });
  } else {
    lines.push({ text: w.draft, italics: true });
  }
  if (marks.reprintAt !== undefined) {
    lines.push({ text: w.reprint(when(marks.reprintAt)), bold: true });
  }
  return lines;
}

function body(s: ReportSnapshot, w: ReportWords): Content[] {
  const when = (t: number) => formatWib(t, s.language);
  const ref = (id: string) => id.slice(-8);
  // "28/11 07.10": the open cases table has nine columns to fit on A4.
  const short = (t: number) =>
    `${formatWib(t, s.language).slice(0, 5)} ${formatWibTime(t, s.language)}`;
  const t = s.totals;
  const dispositionRows = (
    Object.keys(w.disposition) as Array<keyof ReportWords['disposition']>
  ).map((d) => [cell(w.disposition[d]), num(t.dispositions[d] ?? 0)]);
  return [
    heading(w.totals),
    table(
      ['*', 80],
      ['', ''],
      [
        [cell(w.calls), num(t.calls)],
        [cell(w.cases), num(t.cases)],
        ...dispositionRows,
        [cell(w.prankRate), cell(pct(t.prankRate), { alignment: 'right' })],
        [cell(w.silentRate), cell(pct(t.silentRate), { alignment: 'right' })],
      ],
      w.none,
    ),
    {
      columns: [
        [
          heading(w.byCategory),
          table(
            ['*', 50],
            [w.category, w.cases],
            s.byCategory.map((r) => [cell(r.name), num(r.cases)]),
            w.none,
          ),
        ],
        [
          heading(w.byKecamatan),
          table(
            ['*', 50],
            [w.kecamatan, w.cases],
            s.byKecamatan.map((r) => [cell(r.name), num(r.cases)]),
            w.none,
          ),
        ],
      ],
      columnGap: 16,
    },
    heading(w.byOpd),
    table(
      ['*', 38, 38, 38, 38, 42, 42, 36, 36, 36],
      [
        w.opd,
        w.dispatched,
        w.accepted,
        w.resolved,
        w.returned,
        w.medianAccept,
        w.medianResolve,
        w.breachSend,
        w.breachAccept,
        w.breachResolve,
      ],
      s.byOpd.map((o) => [
        cell(o.short),
        num(o.dispatched),
        num(o.accepted),
        num(o.resolved),
        num(o.returned),
        num(o.medianAcceptMin),
        num(o.medianResolveMin),
        num(o.breaches.send),
        num(o.breaches.accept),
        num(o.breaches.resolve),
      ]),
      w.none,
    ),
    heading(`${w.openCases} (${s.openCases.length})`),
    table(
      [36, 40, 30, 55, '*', 58, 45, 45, 50],
      [
        w.caseRef,
        w.opened,
        w.age,
        w.category,
        w.description,
        w.reporter,
        w.opd,
        w.status,
        w.nextStep,
      ],
      s.openCases.map((c) => [
        cell(ref(c.caseId)),
        cell(short(c.openedAt)),
        cell(`${c.ageMin} ${w.minutes}`),
        cell(`${c.category}\n${c.kecamatan}`),
        cell(c.rahasia ? w.rahasia : c.description),
        cell(`${c.reporter ?? w.anonim}\n${c.number}`),
        cell(c.opds.join(', ') || '—'),
        cell(w.caseStatus[c.status]),
        cell(w.next[c.nextStep]),
      ]),
      w.none,
    ),
    heading(w.waiting),
    table(
      [60, '*', 120],
      [w.caseRef, w.opd, w.since],
      s.waitingDispatches.map((d) => [cell(ref(d.caseId)), cell(d.opd), cell(when(d.since))]),
      w.none,
    ),
    heading(w.reopened),
    table(
      [100, 70, '*', 60, 100],
      [w.call, w.status, w.screenedBy, w.caseRef, w.reopenedAt],
      s.reopenedCalls.map((r) => [
        cell(when(r.startedAt)),
        cell(w.disposition[r.disposition]),
        cell(r.screenedBy),
        cell(ref(r.caseId)),
        cell(when(r.reopenedAt)),
      ]),
      w.none,
    ),
    heading(w.blocks),
    table(
      [70, '*', 110, 110],
      [w.number, w.reason, w.setAt, w.liftedAt],
      s.blocks.map((b) => [
        cell(b.number),
        cell(b.reason),
        cell(`${when(b.setAt)}\n${b.setBy}`),
        cell(b.liftedAt === null ? '—' : `${when(b.liftedAt)}\n${b.liftedBy ?? ''}`),
      ]),
      w.none,
    ),
    heading(w.notes),
    { text: s.notes || w.none, margin: [0, 0, 0, 12] },
    {
      unbreakable: true,
      columns: [s.header.outgoing, s.header.incoming].map((p, i) => ({
        stack: [
          { text: i === 0 ? w.outgoing : w.incoming, bold: true },
          { text: w.signature, margin: [0, 40, 0, 0], color: '#666', fontSize: 8 },
          { text: p.name || '—' },
          { text: `${w.nip}: ${p.nip || '—'}` },
        ],
      })),
      margin: [0, 16, 0, 0],
    },
  ];
}

/** The report as a PDF document's bytes. */
export async function reportPdf(snapshot: ReportSnapshot, marks: PdfMarks): Promise<Buffer> {
  const w = REPORT_WORDS[snapshot.language];
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 48],
    info: {
      title: `${snapshot.period.kind === 'shift' ? w.titleShift : w.titleDay} ${snapshot.period.date}`,
      creationDate: new Date(snapshot.cutAt),
    },
    content: [...header(snapshot, w, marks), ...body(snapshot, w)],
    footer: (page, pages) => ({
      columns: [
        { text: `SHA-256 ${marks.hash}`, fontSize: 6, color: '#444' },
        { text: w.page(page, pages), alignment: 'right', fontSize: 8, width: 90 },
      ],
      margin: [36, 16, 36, 0],
    }),
    styles: { h1: { fontSize: 15, bold: true }, h2: { fontSize: 11, bold: true } },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
  };
  return pdfmake().createPdf(doc).getBuffer();
}
