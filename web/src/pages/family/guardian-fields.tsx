import { Field } from '../../components/field';
import type { Form } from '../../lib/form';
import { t } from '../../i18n';

/** The guardian's contact as a provider needs it: name, phone and postal code (which also gives the residence). */
export function GuardianFields(props: { form: Pick<Form, 'get' | 'set' | 'errors'> }) {
  return (
    <>
      <Field form={props.form} name="name" autocomplete="name" label={t('guardian.name')} required />
      <Field form={props.form} name="phone" type="tel" autocomplete="tel" label={t('guardian.phone')} required />
      <Field
        form={props.form}
        name="postalCode"
        autocomplete="postal-code"
        inputmode="numeric"
        label={t('guardian.postalCode')}
        hint={t('guardian.postalCodeHint')}
        required
      />
    </>
  );
}
