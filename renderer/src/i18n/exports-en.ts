/** Texts of exports (F8): cases and calls to CSV or XLSX for a range of WIB days. */
import type { exportErrorsId, exportsId } from './exports-id';

export const exportsEn: typeof exportsId = {
  exports: {
    open: 'Export',
    title: 'Export cases and calls',
    close: 'Close',
    kind: 'Data',
    kinds: { cases: 'Cases', calls: 'Calls' },
    format: 'Format',
    formats: { csv: 'CSV (Excel, UTF-8)', xlsx: 'XLSX (Excel)' },
    from: 'From (dd/mm/yyyy)',
    to: 'To (dd/mm/yyyy)',
    unmask: 'Show full caller numbers',
    unmaskSupervisorOnly: 'Only a supervisor may export full numbers.',
    masked:
      "Caller numbers are masked. An anonymous caller's name is never exported; what a confidential case says is not exported.",
    start: 'Start export',
    cancel: 'Cancel export',
    progress: 'Export progress',
    running: '{{rows}} of {{total}} rows',
    done: 'Done: {{rows}} rows. File: {{file}}',
    download: 'Download {{file}}',
    downloading: 'Downloading…',
    cancelled: 'Export cancelled; no file was left behind.',
    failed: 'The export failed; details are in the log.',
    field: {
      day_invalid: 'Not a valid date; type dd/mm/yyyy.',
      range_reversed: 'The last day is before the first.',
      range_too_long: 'At most 400 days in one export.',
    },
  },
};

export const exportErrorsEn: typeof exportErrorsId = {
  'export.not_found': 'This export is not on this desk.',
  'export.not_ready': 'This export has not finished or was cancelled: there is no file.',
  'export.busy': 'Another export is running; wait for it or cancel it first.',
};
