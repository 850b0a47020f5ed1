import { useNavigate, useParams } from '@solidjs/router';
import { For, Show, createResource, type JSX } from 'solid-js';
import { bookingMode, offerKind, offerSchema } from '../../../../shared/schemas/offer';
import { api, type Offer, type OfferInput } from '../../api/client';
import { AsyncView, ErrorNotice } from '../../components/async-view';
import { Checkbox, Field, Select, TextArea } from '../../components/field';
import { BackLink } from '../../components/back-link';
import { RolePage } from '../../components/role-page';
import { createForm } from '../../lib/form';
import { locale, t } from '../../i18n';
import { tp } from '../../i18n/programme';
import { timeZone } from '../../i18n/format';
import { useRegion } from '../../stores/region';
import { newUnitId, offerDraftSchema, toDraft, valuesOf } from './offer-draft';

/** The schema's limit, so the field stops where the API would refuse. */
const whatToBringMax = offerSchema.shape.whatToBring.unwrap().maxLength ?? undefined;

/** A repeatable group of fields (dates, units) with add and remove buttons. */
function Rows<T>(props: {
  title: string;
  rows: T[];
  add: string;
  onAdd: () => void;
  onRemove: (i: number) => void;
  removeLabel: (n: number) => string;
  legend: (n: number) => string;
  children: (i: number) => JSX.Element;
}) {
  return (
    <section>
      <h2>{props.title}</h2>
      <For each={props.rows}>
        {(_, i) => (
          <fieldset class="editor-row">
            <legend>{props.legend(i() + 1)}</legend>
            {props.children(i())}
            <Show when={props.rows.length > 1}>
              <button type="button" class="button danger wide" onClick={() => props.onRemove(i())}>
                {props.removeLabel(i() + 1)}
              </button>
            </Show>
          </fieldset>
        )}
      </For>
      <button type="button" class="button secondary" onClick={() => props.onAdd()}>
        {props.add}
      </button>
    </section>
  );
}

/**
 * The holiday programme a lottery offer is drawn in: those open for wishes, and the offer's own.
 * Read only once the provider chooses a lottery.
 */
function ProgrammeSelect(props: { form: Parameters<typeof Select>[0]['form']; current?: string }) {
  const [programmes, { refetch }] = createResource(() => api.programmes());
  const open = () => (programmes.state === 'ready' ? programmes().filter((p) => p.status === 'wishing' || p.id === props.current) : []);
  return (
    <>
      <Select
        form={props.form}
        name="programmeId"
        label={tp('programmeAdmin.offerProgramme')}
        hint={programmes.state === 'ready' && open().length === 0 ? tp('programmeAdmin.offerProgrammeNone') : tp('programmeAdmin.offerProgrammeHint')}
        required
        options={[{ value: '', label: '—' }, ...open().map((p) => ({ value: p.id, label: p.title }))]}
      />
      <Show when={programmes.state === 'errored'}>
        <ErrorNotice error={programmes.error} retry={() => void refetch()} />
      </Show>
    </>
  );
}

function Editor(props: { offer?: Offer }) {
  const navigate = useNavigate();
  const { region, municipalities } = useRegion();
  const form = createForm({ schema: offerDraftSchema, initial: valuesOf(props.offer, timeZone()), toInput: (v) => toDraft(v, timeZone()) });
  const options = <V extends string>(list: readonly V[], label: (v: V) => string) => list.map((v) => ({ value: v, label: label(v) }));
  const blank = (label: string) => [{ value: '', label }];
  // An edit sends every field of the offer (see OfferDraft), so that none is dropped on save.
  const save = (draft: OfferInput) => (props.offer ? api.updateOffer(props.offer.id, draft) : api.createOffer(draft));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (draft) => {
          await save(draft);
          navigate('/provider');
        });
      }}
    >
      <h2>{t('provider.basics')}</h2>
      <Field form={form} name="title" label={t('provider.offerTitle')} required />
      <TextArea form={form} name="description" label={t('provider.description')} />
      <Select
        form={form}
        name="category"
        label={t('provider.category')}
        required
        options={[...blank('—'), ...(region()?.categories ?? []).map((c) => ({ value: c.id, label: c.name[locale()] }))]}
      />
      <Select form={form} name="kind" label={t('provider.kind')} options={options(offerKind.options, (k) => t(`provider.kind_${k}`))} />
      <Select
        form={form}
        name="municipalityId"
        label={t('provider.municipality')}
        required
        options={[...blank('—'), ...(municipalities() ?? []).map((m) => ({ value: m.id, label: m.name }))]}
      />
      <Field form={form} name="address" autocomplete="street-address" label={t('provider.address')} />
      <TextArea form={form} name="accessibility" label={t('provider.accessibility')} />
      <TextArea form={form} name="whatToBring" label={t('provider.whatToBring')} hint={t('provider.whatToBringHint')} maxLength={whatToBringMax} />
      <Field form={form} name="ageRange.min" type="number" inputmode="numeric" min="0" max="99" label={t('provider.ageMin')} required />
      <Field form={form} name="ageRange.max" type="number" inputmode="numeric" min="0" max="99" label={t('provider.ageMax')} required />
      <Field form={form} name="price.amount" type="number" inputmode="decimal" min="0" step="0.01" label={t('provider.price')} required />
      <Field
        form={form}
        name="price.reduced"
        type="number"
        inputmode="decimal"
        min="0"
        step="0.01"
        label={t('provider.priceReduced')}
        hint={t('provider.priceReducedHint')}
      />
      <Select form={form} name="bookingMode" label={t('provider.bookingMode')} options={options(bookingMode.options, (m) => t(`provider.mode_${m}`))} />
      <Show when={form.values.bookingMode === 'lottery'}>
        <ProgrammeSelect form={form} current={props.offer?.programmeId} />
      </Show>
      <Checkbox form={form} name="waitlist" label={t('provider.waitlist')} />
      <Field form={form} name="registrationOpens" type="datetime-local" label={t('provider.opens')} required />
      <Field form={form} name="registrationCloses" type="datetime-local" label={t('provider.closes')} required />

      <Rows
        title={t('provider.sessionsTitle')}
        rows={form.values.sessions}
        add={t('provider.addSession')}
        legend={(n) => t('provider.session', { n })}
        removeLabel={(n) => t('provider.removeSession', { n })}
        onAdd={() => form.update((v) => v.sessions.push({ ...(v.sessions.at(-1) ?? { date: '', start: '', end: '', place: '', unitId: '' }), id: undefined }))}
        onRemove={(i) => form.update((v) => v.sessions.splice(i, 1))}
      >
        {(i) => (
          <>
            <div class="wide">
              <Field form={form} name={`sessions.${i}.date`} type="date" label={t('provider.sessionDate')} required />
            </div>
            <Field form={form} name={`sessions.${i}.start`} type="time" label={t('provider.sessionStart')} required />
            <Field form={form} name={`sessions.${i}.end`} type="time" label={t('provider.sessionEnd')} required />
            <div class="wide">
              <Field form={form} name={`sessions.${i}.place`} label={t('provider.sessionPlace')} required />
            </div>
            <Show when={form.values.units.length > 1}>
              <div class="wide">
                <Select
                  form={form}
                  name={`sessions.${i}.unitId`}
                  label={t('provider.sessionUnit')}
                  hint={t('provider.sessionUnitHint')}
                  options={[
                    { value: '', label: t('provider.allUnits') },
                    ...form.values.units.map((u, n) => ({ value: u.id, label: u.label || t('provider.unit', { n: n + 1 }) })),
                  ]}
                />
              </div>
            </Show>
          </>
        )}
      </Rows>

      <Rows
        title={t('provider.unitsTitle')}
        rows={form.values.units}
        add={t('provider.addUnit')}
        legend={(n) => t('provider.unit', { n })}
        removeLabel={(n) => t('provider.removeUnit', { n })}
        onAdd={() => form.update((v) => v.units.push({ id: newUnitId(), label: '', capacity: '' }))}
        onRemove={(i) =>
          form.update((v) => {
            // The removed unit's sessions become every unit's, rather than naming a unit that is gone.
            const [removed] = v.units.splice(i, 1);
            for (const s of v.sessions) if (s.unitId === removed?.id) s.unitId = '';
          })
        }
      >
        {(i) => (
          <>
            <Field form={form} name={`units.${i}.label`} label={t('provider.unitLabel')} required />
            <Field form={form} name={`units.${i}.capacity`} type="number" inputmode="numeric" min="0" label={t('provider.unitCapacity')} required />
          </>
        )}
      </Rows>

      <Show when={form.formError()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <div class="actions">
        <button type="submit" class="button primary big" disabled={form.busy()}>
          {form.busy() ? t('state.saving') : props.offer ? t('provider.saveChanges') : t('provider.saveDraft')}
        </button>
      </div>
    </form>
  );
}

export default function OfferEditorPage() {
  const params = useParams();
  const [offer] = createResource(() => params.id, api.providerOffer);
  return (
    <RolePage
      title={params.id ? t('provider.editorEdit') : t('provider.editorNew')}
      roles={['provider']}
      narrow
      before={<BackLink href="/provider" label={t('provider.title')} />}
    >
      <Show when={params.id} fallback={<Editor />}>
        <AsyncView resource={offer}>{(o) => <Editor offer={o()} />}</AsyncView>
      </Show>
    </RolePage>
  );
}
