/** Texts of closing a resolved case and of a reporter's callback about it (issue #14). */
export const closingEn = {
  closing: {
    title: 'Closing & reporter callback',
    callback: 'Reporter called back',
    callbackForm: 'Reporter callback',
    outcome: 'The reporter says',
    notFixed: 'Not fixed (reopen to the OPD)',
    fixed: 'Fixed',
    reason: "The reporter's words (required)",
    record: 'Record callback',
    reopened_one: 'Case reopened: sent again to {{opds}}.',
    reopened_other: 'Case reopened: sent again to {{opds}}.',
    recordedFixed: 'Recorded: the reporter says it is fixed. The case stays resolved.',
    close: 'Close case',
    closeForm: 'Close the resolved case',
    note: 'Closing note (optional)',
    confirmClose: 'Close case',
    closedDone: 'Case closed.',
    discard: 'Cancel',
    chooseOutcome: 'Choose first: fixed or not.',
    line: {
      auto: 'automatically after 10 working days',
      by: 'by {{person}}',
      byWithNote: 'by {{person}}: {{note}}',
      fixed: 'fixed: {{reason}}',
      notFixed: 'not fixed: {{reason}}',
    },
  },
};

export const closingTimelineEn = {
  closed: 'closed',
  callback: 'reporter called back',
  case_reopened: 'reopened, sent again to the OPD',
};

export const closingErrorsEn = {
  'case.not_resolved': 'Only a case its OPD resolved can be closed or reopened.',
};

export const closingRefusalsEn = {
  'case.not_resolved': 'The hub holds this case as not resolved (or already closed).',
};
