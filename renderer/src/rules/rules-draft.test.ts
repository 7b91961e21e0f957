/**
 * The rules screen's rows back into tables: OPD codes as an operator types them, unknown
 * codes and empty rows named by row, targets as whole numbers with their defaults.
 */
import { describe, expect, it } from 'vitest';
import { routingFromDrafts, ruleDraft, targetDraft, targetsFromDrafts } from './rules-draft';

const known = new Set(['dlh', 'dishub', 'dpupr']);

describe('routing rows', () => {
  it('reads codes separated by commas or spaces, in any case, once each', () => {
    const row = {
      ...ruleDraft({ categoryId: 'pohon-tumbang', opdIds: [] }),
      opds: ' DLH,dishub  dlh ',
    };
    expect(routingFromDrafts([row], known)).toEqual({
      ok: true,
      table: { rules: [{ categoryId: 'pohon-tumbang', opdIds: ['dlh', 'dishub'] }] },
    });
  });

  it('names the row with an unknown or no OPD', () => {
    const good = ruleDraft({ categoryId: 'sampah', kecamatanId: 'taman', opdIds: ['dlh'] });
    const bad = { ...ruleDraft({ categoryId: 'sampah', opdIds: [] }), opds: 'dlh, nasa' };
    expect(routingFromDrafts([good, bad], known)).toEqual({
      ok: false,
      problem: { key: 'rules.unknownOpd', values: { n: 2, codes: 'nasa' } },
    });
    expect(routingFromDrafts([{ ...good, opds: ' , ' }], known)).toMatchObject({
      ok: false,
      problem: { key: 'rules.noOpd', values: { n: 1 } },
    });
  });
});

describe('target rows', () => {
  const fallenTree = targetDraft({
    categoryId: 'pohon-tumbang',
    resolveTargetMin: 20,
    clocks: { emergency: { dispatchMin: 2, acceptMin: 5 }, city: { followUpHours: 24 } },
  });

  it('round-trips a category and keeps empty fields out', () => {
    expect(targetsFromDrafts([fallenTree], '75')).toEqual({
      ok: true,
      table: {
        atRiskShare: 0.75,
        categories: [
          {
            categoryId: 'pohon-tumbang',
            resolveTargetMin: 20,
            clocks: { emergency: { dispatchMin: 2, acceptMin: 5 }, city: { followUpHours: 24 } },
          },
        ],
      },
    });
  });

  it('refuses what is not a positive whole number, naming the field', () => {
    expect(targetsFromDrafts([{ ...fallenTree, acceptMin: '2.5' }], '75')).toEqual({
      ok: false,
      problem: { field: 'acceptMin', categoryId: 'pohon-tumbang' },
    });
    expect(targetsFromDrafts([{ ...fallenTree, resolveMin: '-1' }], '75')).toMatchObject({
      ok: false,
      problem: { field: 'resolveMin' },
    });
    expect(targetsFromDrafts([fallenTree], '100')).toMatchObject({
      ok: false,
      problem: { field: 'atRisk' },
    });
  });
});
