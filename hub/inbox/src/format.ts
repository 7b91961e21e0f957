/** How the inbox names its language; ages come from shared/age.ts, times from shared/time.ts. */
export const langOf = (language: string): 'id' | 'en' => (language === 'en' ? 'en' : 'id');
