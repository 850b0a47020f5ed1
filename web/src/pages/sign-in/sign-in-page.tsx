import { useNavigate } from '@solidjs/router';
import { Match, Show, Switch, createSignal } from 'solid-js';
import { createSessionBody, requestCodeBody } from '../../../../shared/schemas/auth';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/async-view';
import { Field } from '../../components/field';
import { createForm } from '../../lib/form';
import { usePageTitle } from '../../lib/page';
import { useQueryParams } from '../../lib/search';
import { t } from '../../i18n';
import { useSession } from '../../stores/session';

/** Where a user lands after signing in: where they came from, else their role's home. */
function homeOf(session: ReturnType<typeof useSession>) {
  if (session.hasRole('provider')) return '/provider';
  if (session.hasRole('municipality') || session.hasRole('admin')) return '/dashboard';
  return '/family';
}

export default function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { get } = useQueryParams();
  const [sentTo, setSentTo] = createSignal<string>();
  const emailForm = createForm({ schema: requestCodeBody, initial: { email: '' } });
  const codeForm = createForm({ schema: createSessionBody, initial: { email: '', code: '' } });
  usePageTitle(() => t('signIn.title'));

  const next = () => {
    const target = get('next');
    return target?.startsWith('/') && !target.startsWith('//') ? target : homeOf(session);
  };

  return (
    <div class="page narrow-page">
      <h1>{t('signIn.title')}</h1>
      <Switch>
        <Match when={session.me()}>
          <p>{t('signIn.already', { email: session.me()?.email ?? '' })}</p>
        </Match>
        <Match when={!sentTo()}>
          <p class="lead">{t('signIn.lead')}</p>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void emailForm.submit(async ({ email }) => {
                await api.requestCode(email);
                codeForm.reset({ email, code: '' });
                setSentTo(email);
              });
            }}
          >
            <Field form={emailForm} name="email" type="email" autocomplete="email" label={t('signIn.email')} required />
            <Show when={emailForm.formError()}>{(err) => <ErrorNotice error={err()} />}</Show>
            <button type="submit" class="button primary" disabled={emailForm.busy()}>
              {emailForm.busy() ? t('state.sending') : t('signIn.sendCode')}
            </button>
          </form>
        </Match>
        <Match when={sentTo()}>
          <p class="lead" role="status">
            {t('signIn.codeSent', { email: sentTo() ?? '' })}
          </p>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void codeForm.submit(async ({ email, code }) => {
                await session.signIn(email, code);
                navigate(next(), { replace: true });
              });
            }}
          >
            <Field form={codeForm} name="code" autocomplete="one-time-code" inputmode="numeric" label={t('signIn.code')} hint={t('signIn.codeHint')} required />
            <Show when={codeForm.formError()}>{(err) => <ErrorNotice error={err()} />}</Show>
            <div class="actions">
              <button type="submit" class="button primary" disabled={codeForm.busy()}>
                {codeForm.busy() ? t('state.sending') : t('signIn.submit')}
              </button>
              <button type="button" class="button secondary" onClick={() => setSentTo(undefined)}>
                {t('signIn.otherEmail')}
              </button>
            </div>
          </form>
        </Match>
      </Switch>
    </div>
  );
}
