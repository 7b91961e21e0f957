/** Texts of the routing table and category targets screen (Shift+F10), and the hub's refusals of it. */
import type { rulesId, rulesRefusalsId } from './rules-id';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const rulesRefusalsEn: Texts<typeof rulesRefusalsId> = {
  'rules.version_conflict':
    'Another supervisor published a new version first. Reload the table, then make your change again.',
  'rules.unknown_category': 'A category is unknown to the hub.',
  'rules.unknown_kecamatan': 'A kecamatan is unknown to the hub.',
  'rules.unknown_opd': 'An OPD is not on the hub’s roster.',
  'rules.duplicate':
    'A rule is doubled: one rule per category and kecamatan, and each OPD once per rule.',
  'rules.targets_order':
    'The targets do not add up: sending plus accepting must stay under the target to resolve, and working days must run forward ≤ follow-up ≤ close.',
};

export const rulesEn: Texts<typeof rulesId> = {
  rules: {
    open: 'Routing & targets',
    title: 'Routing table & category targets',
    close: 'Close',
    tabRouting: 'Routing table',
    tabTargets: 'Category targets',
    tabHistory: 'History',
    viewOnly: 'Only a supervisor can change this table.',
    loading: 'Loading…',
    versionFiles: 'Version 0 — the data files’ default (never published).',
    versionPublished: 'Version {{version}} — published by {{person}}, {{time}}: {{reason}}',
    category: 'Category',
    kecamatan: 'Kecamatan',
    allKecamatan: 'Every kecamatan',
    opds: 'OPDs',
    opdsLabel: 'OPDs for {{category}}',
    opdsLabelIn: 'OPDs for {{category}} ({{kecamatan}})',
    opdsHint: 'OPD codes, separated by commas: {{codes}}',
    categoryLabel: 'Category of rule {{n}}',
    kecamatanLabel: 'Kecamatan of rule {{n}}',
    remove: 'Remove',
    removeLabel: 'Remove rule {{n}}',
    addRule: 'Add a rule',
    unknownOpd: 'Rule {{n}}: unknown OPD: {{codes}}.',
    noOpd: 'Rule {{n}}: name at least one OPD.',
    resolveMin: 'Resolve (min)',
    dispatchMin: 'Send (min)',
    acceptMin: 'Accept (min)',
    followUpHours: 'Follow-up (h)',
    forwardDays: 'Forward (working days)',
    laporFollowUpDays: 'OPD follow-up (working days)',
    closeDays: 'Close (working days)',
    targetLabel: '{{field}} — {{category}}',
    atRisk: 'At risk from (% of the target)',
    emptyMeans:
      'Empty: resolving is not measured; emergency minutes and working days take the defaults.',
    badNumber: '{{field}} — {{category}}: enter a positive whole number.',
    badShare: 'At risk from: enter 1 to 99 percent.',
    reason: 'Reason for the change',
    publish: 'Publish',
    publishing: 'Publishing…',
    published: 'Version {{version}} published; every desk uses it once in sync.',
    notPublished: 'Not published: {{reason}}',
    reasonNeeded: 'Write the reason for the change.',
    historyOf: 'History of',
    version: 'Version',
    when: 'When (WIB)',
    by: 'By',
    desk: 'Desk',
    noHistory: 'No version published yet; the default data files (version 0) apply.',
    historyFailed: 'The history could not be loaded: {{reason}}',
    reloaded: 'A new version came from the hub; the table was reloaded.',
  },
};
