/** A report's content hash: SHA-256 (hex) of its snapshot's canonical JSON, never of the PDF. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical-json';
import type { ReportSnapshot } from '../../../shared/domain/report';

export function reportHash(snapshot: ReportSnapshot): string {
  return createHash('sha256').update(canonicalJson(snapshot), 'utf8').digest('hex');
}
