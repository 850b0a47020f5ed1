import { For, Show, createSignal } from 'solid-js';
import { feedbackInput } from '../../../../shared/schemas/feedback';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/async-view';
import { Field, TextArea } from '../../components/field';
import { formatDay } from '../../i18n/format';
import { ti } from '../../i18n/info';
import { createForm } from '../../lib/form';
import { usePageTitle } from '../../lib/page';
import { useRegion } from '../../stores/region';

/** When this statement was last reviewed against the platform (update with each review). */
const STATEMENT_DATE = '2026-12-02';

/** The feedback channel the statement promises: it reaches the region's coordination by e-mail. */
function FeedbackForm() {
  const [sent, setSent] = createSignal(false);
  const form = createForm({
    schema: feedbackInput,
    initial: { message: '', replyTo: '' },
    toInput: (v) => ({ message: v.message, replyTo: v.replyTo || undefined, page: location.pathname }),
  });
  return (
    <form
      class="feedback-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (input) => {
          await api.sendFeedback(input);
          form.reset();
          setSent(true);
        });
      }}
    >
      <TextArea form={form} name="message" label={ti('info.accessibility.form.message')} required maxLength={2000} />
      <Field form={form} name="replyTo" type="email" autocomplete="email" label={ti('info.accessibility.form.replyTo')} />
      <Show when={form.formError()}>{(err) => <ErrorNotice error={err()} />}</Show>
      <div class="actions">
        <button type="submit" class="button primary" disabled={form.busy()}>
          {form.busy() ? ti('info.accessibility.form.sending') : ti('info.accessibility.form.send')}
        </button>
      </div>
      <p role="status">{sent() ? ti('info.accessibility.form.sent') : ''}</p>
    </form>
  );
}

/** The accessibility statement in the form public bodies publish (EU model statement, WZG / BITV 2.0). */
export default function AccessibilityPage() {
  const { region } = useRegion();
  usePageTitle(() => ti('info.accessibility.title'));
  // The enforcement body follows the country the region's time zone is in.
  const enforcement = () => (region()?.timeZone === 'Europe/Berlin' ? ti('info.accessibility.enforcementDe') : ti('info.accessibility.enforcementAt'));
  return (
    <div class="page narrow-page info-page">
      <h1>{ti('info.accessibility.title')}</h1>
      <p>{ti('info.accessibility.lead', { region: region()?.name ?? '', url: location.origin })}</p>
      <section>
        <h2>{ti('info.accessibility.statusTitle')}</h2>
        <p>{ti('info.accessibility.status')}</p>
      </section>
      <section>
        <h2>{ti('info.accessibility.gapsTitle')}</h2>
        <ul>
          <For each={ti('info.accessibility.gaps') as string[]}>{(gap) => <li>{gap}</li>}</For>
        </ul>
      </section>
      <section>
        <h2>{ti('info.accessibility.madeTitle')}</h2>
        <p>{ti('info.accessibility.made', { date: formatDay(STATEMENT_DATE, { day: 'numeric', month: 'long', year: 'numeric' }) })}</p>
      </section>
      <section>
        <h2>{ti('info.accessibility.feedbackTitle')}</h2>
        <p>{ti('info.accessibility.feedback', { email: region()?.contact?.email ?? '' })}</p>
        <FeedbackForm />
      </section>
      <section>
        <h2>{ti('info.accessibility.enforcementTitle')}</h2>
        <p>{enforcement()}</p>
      </section>
    </div>
  );
}
