/**
 * Shift and daily reports through the console API, for supervisors: the figures to preview,
 * the PDF, the incoming supervisor's sign-off on the same screen (their own username and
 * password, checked as at sign-in, without changing who is signed in), the signed reports
 * and their reprints (the stored snapshot, same hash, marked "cetak ulang").
 */
import type { ReportFile, ReportRequest, ReportSnapshot } from '../../../shared/domain/report';
import type { Urgency } from '../../../shared/domain/reference';
import { datedShiftAt } from '../../../shared/domain/shift';
import { verifyPassword } from '../auth/password';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { reportPdf, type PdfMarks } from '../report/pdf';
import { reportHash } from '../report/report-hash';
import { cutReport, type ReportDeps } from '../report/reports';
import { requireSupervisor } from './block-handlers';
import type { Handlers } from './handlers';

type ReportChannels =
  | 'report.schedule'
  | 'report.preview'
  | 'report.pdf'
  | 'report.sign'
  | 'report.signed'
  | 'report.reprint';

/** The hub is configured but away: the report says up to when its data reached this desk. */
function hubDataUntil(ctx: CoreContext): number | null {
  const hub = ctx.status().hub;
  return hub.state === 'online' || hub.state === 'not_configured' ? null : hub.since;
}

function fileName(s: ReportSnapshot, suffix = ''): string {
  const what = s.period.kind === 'shift' ? `shift-${s.period.shiftId ?? ''}` : 'harian';
  return `laporan-${s.period.date}-${what}${suffix}.pdf`;
}

async function file(s: ReportSnapshot, marks: PdfMarks, suffix = ''): Promise<ReportFile> {
  const pdf = await reportPdf(s, marks);
  return { fileName: fileName(s, suffix), pdf: pdf.toString('base64'), hash: marks.hash };
}

export function reportHandlers(ctx: CoreContext): Pick<Handlers, ReportChannels> {
  const deps: ReportDeps = {
    reads: ctx.store.reports.reads,
    ...ctx.reportSettings,
    deskId: ctx.deskId,
    now: ctx.now,
    hubDataUntil: () => hubDataUntil(ctx),
    rulesFor: (categoryId: string, urgency: Urgency) => ctx.clocks.rulesFor(categoryId, urgency),
  };
  const cut = (request: ReportRequest) => {
    const snapshot = cutReport(deps, request);
    return { snapshot, hash: reportHash(snapshot) };
  };
  return {
    'report.schedule': (_args, session) => {
      requireSupervisor(session);
      const { schedule } = ctx.reportSettings;
      const now = datedShiftAt(ctx.now(), 0, schedule);
      return {
        shifts: schedule.shifts.map((s) => ({ id: s.id, startMin: s.startMin })),
        current: { date: now.date, shiftId: now.shiftId },
      };
    },
    'report.preview': (request, session) => {
      requireSupervisor(session);
      return cut(request);
    },
    'report.pdf': async (request, session) => {
      requireSupervisor(session);
      const { snapshot, hash } = cut(request);
      return file(snapshot, { hash });
    },
    'report.sign': async ({ request, signer }, session) => {
      const outgoing = requireSupervisor(session);
      const found = ctx.store.operators.forSignIn(signer.username);
      // Hash even for an unknown name so timing does not tell which names exist.
      const ok = await verifyPassword(
        signer.password,
        found?.passwordHash ?? 'scrypt$16384$8$1$AAAA$AAAA',
      );
      if (!found || !ok || found.operator.role !== 'supervisor') {
        ctx.log.warn('report sign-off refused', { username: signer.username.slice(0, 64) });
        throw new CoreError(
          'report.bad_signer',
          'Wrong username or password for the incoming supervisor.',
        );
      }
      const incoming = found.operator;
      if (incoming.id === outgoing.id) {
        throw new CoreError(
          'report.same_signer',
          'The incoming supervisor signs with their own account, not the one handing over.',
        );
      }
      // The hub takes the report on the signer's own word: give this desk their token (now,
      // or when the hub is back), as a sign-in would.
      if (ctx.people.tokenFor(incoming.id) === undefined) {
        const who = { id: ctx.deskId, role: 'desk', person: incoming.displayName } as const;
        const opened = await ctx.people.open(incoming.username, signer.password, who);
        if (opened.kind === 'refused' && opened.code === 'auth.account_disabled')
          throw new CoreError(
            'auth.account_disabled',
            'This account was disabled by a supervisor.',
          );
        if (opened.kind === 'unreachable')
          ctx.people.later(incoming.id, incoming.username, signer.password, who);
      }
      const { snapshot, hash } = cut({
        ...request,
        incoming: { name: incoming.displayName, nip: request.incoming.nip },
      });
      const offline = ctx.status().hub.state !== 'online';
      const report = ctx.store.reports.signed.sign({
        snapshot,
        hash,
        signedAt: ctx.now(),
        signedBy: incoming.id,
        signerName: incoming.displayName,
        offline,
        actor: { id: ctx.deskId, role: 'desk', person: incoming.displayName },
      });
      ctx.outboxChanged();
      ctx.log.info('report signed', {
        report: report.reportId,
        outgoing: outgoing.id,
        incoming: incoming.id,
        hash,
        offline,
      });
      return { report };
    },
    'report.signed': (_args, session) => {
      requireSupervisor(session);
      return { reports: ctx.store.reports.signed.list() };
    },
    'report.reprint': async ({ reportId }, session) => {
      requireSupervisor(session);
      const found = ctx.store.reports.signed.find(reportId);
      if (!found) throw new CoreError('report.not_found', 'No such signed report on this desk.');
      const { report, snapshot } = found;
      if (reportHash(snapshot) !== report.hash) {
        // The stored text no longer matches what was signed: never print it as signed.
        throw new CoreError('internal', 'The signed report does not match its hash.');
      }
      return file(
        snapshot,
        {
          hash: report.hash,
          signed: { name: report.signerName, at: report.signedAt, offline: report.offline },
          reprintAt: ctx.now(),
        },
        '-cetak-ulang',
      );
    },
  };
}
