import { Show } from 'solid-js';
import { programmeInput } from '../../../../shared/schemas/programme';
import type { Programme, ProgrammeInput } from '../../api/client';
import { ErrorNotice } from '../../components/async-view';
import { Checkbox, Field, Select, TextArea } from '../../components/field';
import { t } from '../../i18n';
import { tp } from '../../i18n/programme';
import { timeZone } from '../../i18n/format';
import { createForm } from '../../lib/form';
import { programmeValuesOf, toProgrammeInput } from './programme-draft';

const descriptionMax = programmeInput.shape.description.unwrap().maxLength ?? undefined;

/**
 * A programme's settings, checked as you type with the API's own schema: a new one (create) or
 * a draft's (edit). Every field is sent, so an edit saves the form as it is shown.
 */
export function ProgrammeSettingsForm(props: { programme?: Programme; submitLabel: string; onSave: (input: ProgrammeInput) => Promise<void> }) {
  const form = createForm({
    schema: programmeInput,
    initial: programmeValuesOf(props.programme, timeZone()),
    toInput: (v) => toProgrammeInput(v, timeZone()),
  });
  const reserveKinds = ['', 'share', 'count'] as const;
  const semantics = ['minimum', 'open_first'] as const;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit((input) => props.onSave(input));
      }}
    >
      <Field form={form} name="title" label={tp('programmeAdmin.fieldTitle')} hint={tp('programmeAdmin.fieldTitleHint')} required />
      <TextArea form={form} name="description" label={tp('programmeAdmin.description')} maxLength={descriptionMax} />
      <Field form={form} name="wishOpens" type="datetime-local" label={tp('programmeAdmin.wishOpens')} required />
      <Field form={form} name="wishCloses" type="datetime-local" label={tp('programmeAdmin.wishCloses')} hint={tp('programmeAdmin.wishClosesHint')} required />
      <Field form={form} name="randomnessSource" label={tp('programmeAdmin.randomnessSource')} hint={tp('programmeAdmin.randomnessSourceHint')} required />
      <Field form={form} name="maxWishesPerChild" type="number" inputmode="numeric" min="1" max="30" label={tp('programmeAdmin.maxWishesPerChild')} required />
      <Field
        form={form}
        name="maxPlacesPerChild"
        type="number"
        inputmode="numeric"
        min="1"
        max="50"
        label={tp('programmeAdmin.maxPlacesPerChild')}
        hint={tp('programmeAdmin.noLimitHint')}
      />
      <Field
        form={form}
        name="maxCareWeeksPerFamily"
        type="number"
        inputmode="numeric"
        min="1"
        max="100"
        label={tp('programmeAdmin.maxCareWeeksPerFamily')}
        hint={tp('programmeAdmin.noLimitHint')}
      />
      <Field
        form={form}
        name="travelBufferMinutes"
        type="number"
        inputmode="numeric"
        min="0"
        max="240"
        label={tp('programmeAdmin.travelBufferMinutes')}
        required
      />
      <Checkbox form={form} name="rescue" label={tp('programmeAdmin.rescue')} />
      <fieldset class="editor-row">
        <legend>{tp('programmeAdmin.reserveTitle')}</legend>
        <div class="wide">
          <Select
            form={form}
            name="residentReserve.kind"
            label={tp('programmeAdmin.reserveKind')}
            options={reserveKinds.map((k) => ({ value: k, label: tp(`programmeAdmin.reserve_${k || 'none'}`) }))}
          />
        </div>
        <Show when={form.values.residentReserve.kind}>
          <div class="wide">
            <Field
              form={form}
              name="residentReserve.value"
              type="number"
              inputmode="decimal"
              min="0"
              step="any"
              label={tp('programmeAdmin.reserveValue')}
              hint={tp('programmeAdmin.reserveValueHint')}
              required
            />
            <Select
              form={form}
              name="residentReserve.semantics"
              label={tp('programmeAdmin.reserveSemantics')}
              hint={tp('programmeAdmin.semanticsHint')}
              options={semantics.map((s) => ({ value: s, label: tp(`programmeAdmin.semantics_${s}`) }))}
            />
          </div>
        </Show>
      </fieldset>
      <Show when={form.formError()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <div class="actions">
        <button type="submit" class="button primary big" disabled={form.busy()}>
          {form.busy() ? t('state.saving') : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
