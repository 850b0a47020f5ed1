import { Navigate, useLocation } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import type { RoleName } from '../../../shared/schemas/auth';
import { t } from '../i18n';
import { useSession } from '../stores/session';
import { ErrorNotice, Loading } from './async-view';

/** Renders its children for holders of one of `roles`; sends visitors to sign in first. */
export function RequireRole(props: { roles: RoleName[]; children: JSX.Element }) {
  const session = useSession();
  const location = useLocation();
  return (
    <Switch fallback={<Loading />}>
      <Match when={session.me.state === 'errored'}>
        <ErrorNotice error={session.me.error} retry={() => void session.refetch()} />
      </Match>
      <Match when={session.me.state === 'ready' && !session.me()}>
        {/* The hash too: an e-mail's link to one booking (`/bookings#reg-…`) lands there after signing in. */}
        <Navigate href={`/sign-in?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`} />
      </Match>
      <Match when={session.me.state === 'ready' && !props.roles.some((r) => session.hasRole(r))}>
        <p class="state state-error" role="alert">
          {t('error.forbidden')}
        </p>
      </Match>
      <Match when={session.me.state === 'ready'}>{props.children}</Match>
    </Switch>
  );
}
