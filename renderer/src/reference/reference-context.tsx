/** Reference data (wilayah, categories, OPDs) loaded once after sign-in, with name lookups. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceData } from '../../../shared/domain/reference';

export interface Reference extends ReferenceData {
  categoryName(id: string, lang: 'id' | 'en'): string;
  kelurahanName(id: string): string;
  kecamatanName(id: string): string;
}

const ReferenceContext = createContext<Reference | null>(null);

export function ReferenceProvider({
  data,
  children,
}: {
  data: ReferenceData;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const value = useMemo<Reference>(() => {
    const cat = new Map(data.categories.map((c) => [c.id, c]));
    const kel = new Map(data.kelurahan.map((k) => [k.id, k.name]));
    const kec = new Map(data.kecamatan.map((k) => [k.id, k.name]));
    return {
      ...data,
      // A case from another desk may name a category added there: show its code, marked.
      categoryName: (id, lang) =>
        cat.get(id)?.name[lang] ?? t('reference.unknownCategory', { id, lng: lang }),
      kelurahanName: (id) => kel.get(id) ?? id,
      kecamatanName: (id) => kec.get(id) ?? id,
    };
  }, [data, t]);
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const ref = useContext(ReferenceContext);
  if (!ref) throw new Error('useReference outside ReferenceProvider');
  return ref;
}
