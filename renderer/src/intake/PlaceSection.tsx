/** Where it happened: kecamatan and kelurahan (a kelurahan settles its kecamatan), address, landmark, coordinates. */
import { useTranslation } from 'react-i18next';
import { DRAFT_LIMITS, LIMITS } from '../../../shared/domain/intake';
import { useReference } from '../reference/reference-context';
import { CoordinateField } from './Field';
import type { Call, CallPatch } from './form-state';
import { LimitedText } from './LimitedText';
import { TypeAhead } from './TypeAhead';

interface Props {
  call: Call;
  err(name: string): string | undefined;
  update(patch: CallPatch): void;
}

export function PlaceSection({ call, err, update }: Props) {
  const { t } = useTranslation();
  const ref = useReference();
  const f = call.form;
  const kecamatan = ref.kecamatan.map((k) => ({ id: k.id, label: k.name }));
  const kelurahan = ref.kelurahan
    .filter((k) => !f.kecamatanId || k.kecamatanId === f.kecamatanId)
    .map((k) => ({ id: k.id, label: k.name }));
  return (
    <>
      <div className="row">
        <TypeAhead
          label={t('intake.kecamatan')}
          text={call.kecamatanText}
          options={kecamatan}
          error={err('kecamatanId')}
          onText={(text) => update({ kecamatanText: text })}
          onPick={(o) => {
            const keepKel =
              ref.kelurahan.find((k) => k.id === f.kelurahanId)?.kecamatanId === o?.id;
            update({
              form: { kecamatanId: o?.id ?? '', ...(keepKel ? {} : { kelurahanId: '' }) },
              ...(keepKel ? {} : { kelurahanText: '' }),
            });
          }}
        />
        <TypeAhead
          label={t('intake.kelurahan')}
          text={call.kelurahanText}
          options={kelurahan}
          error={err('kelurahanId')}
          onText={(text) => update({ kelurahanText: text })}
          onPick={(o) => {
            const kel = ref.kelurahan.find((k) => k.id === o?.id);
            // Picking a kelurahan settles its kecamatan too.
            update({
              form: {
                kelurahanId: kel?.id ?? '',
                ...(kel ? { kecamatanId: kel.kecamatanId } : {}),
              },
              ...(kel ? { kecamatanText: ref.kecamatanName(kel.kecamatanId) } : {}),
            });
          }}
        />
      </div>
      <LimitedText
        label={t('intake.address')}
        name="address"
        value={f.address}
        limit={LIMITS.address}
        keep={DRAFT_LIMITS.address}
        error={err('address')}
        onChange={(address) => update({ form: { address } })}
      />
      <LimitedText
        label={t('intake.landmark')}
        name="landmark"
        value={f.landmark}
        limit={LIMITS.landmark}
        keep={DRAFT_LIMITS.landmark}
        error={err('landmark')}
        onChange={(landmark) => update({ form: { landmark } })}
      />
      <div className="row">
        <CoordinateField
          label={t('intake.lat')}
          value={f.lat}
          error={err('lat')}
          onChange={(lat) => update({ form: { lat } })}
        />
        <CoordinateField
          label={t('intake.lng')}
          value={f.lng}
          error={err('lng')}
          onChange={(lng) => update({ form: { lng } })}
        />
      </div>
    </>
  );
}
