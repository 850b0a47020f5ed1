import { Show } from 'solid-js';
import { childInput } from '../../../../shared/schemas/household';
import type { Child, ChildInput } from '../../api/client';
import { ErrorNotice } from '../../components/async-view';
import { Checkbox, Field, TextArea } from '../../components/field';
import { createForm } from '../../lib/form';
import { t } from '../../i18n';

/** Adds a child or edits one; the same zod schema as the API checks every keystroke. */
export function ChildForm(props: { child?: Child; onSave: (input: ChildInput) => Promise<unknown>; onCancel?: () => void }) {
  const initial = {
    firstName: props.child?.firstName ?? '',
    birthDate: props.child?.birthDate ?? '',
    notes: props.child?.notes ?? '',
    notesConsent: props.child?.notesConsentAt !== undefined,
  };
  // Unticking a consent given before withdraws it: the notes go with it. Editing always sends the
  // notes, so emptying them deletes them too.
  const withdrawn = (v: typeof initial) => props.child?.notesConsentAt !== undefined && !v.notesConsent;
  const form = createForm({
    schema: childInput,
    initial,
    toInput: (v) => (withdrawn(v) ? { ...v, notes: '', notesConsent: false } : { ...v, notes: v.notes || (props.child ? '' : undefined) }),
  });
  return (
    <form
      class="child-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (input) => {
          await props.onSave(input);
          if (!props.child) form.reset();
        });
      }}
    >
      <Field form={form} name="firstName" autocomplete="off" label={t('child.firstName')} required />
      <Field form={form} name="birthDate" type="date" label={t('child.birthDate')} required />
      <TextArea form={form} name="notes" label={t('child.notes')} hint={t('child.notesHint')} />
      <Checkbox form={form} name="notesConsent" label={t('child.notesConsent')} hint={t('child.notesConsentHint')} />
      <Show when={form.formError()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <div class="actions">
        <button type="submit" class="button primary" disabled={form.busy()}>
          {form.busy() ? t('state.saving') : props.child ? t('child.save') : t('child.add')}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button secondary" onClick={() => props.onCancel?.()}>
            {t('action.cancel')}
          </button>
        </Show>
      </div>
    </form>
  );
}
