import { Match, Switch, untrack, type Accessor, type JSX, type Resource } from 'solid-js';
import { ApiError } from '../api/client';
import { localizeMessage, t } from '../i18n';

/** Plain words for any failure: the server's problem title, or a generic sentence. */
function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    return localizeMessage(error.problem.detail && error.status < 500 ? `${error.problem.title}: ${error.problem.detail}` : error.problem.title);
  }
  return t('error.unexpected');
}

export function Loading(props: { label?: string }) {
  return (
    <p class="state state-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? t('state.loading')}
    </p>
  );
}

export function ErrorNotice(props: { error: unknown; retry?: () => void }) {
  return (
    <div class="state state-error" role="alert">
      <p>{errorText(props.error)}</p>
      {props.retry && (
        <button type="button" class="button secondary" onClick={() => props.retry?.()}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * A resource's three states plus "empty", so no page forgets one of them. The content is
 * created once and gets the value as an accessor: a refetch updates it in place instead of
 * re-creating it, so a form's input or a booking's result survives a refresh.
 */
export function AsyncView<T>(props: {
  resource: Resource<T>;
  retry?: () => void;
  empty?: JSX.Element;
  isEmpty?: (value: T) => boolean;
  children: (value: Accessor<T>) => JSX.Element;
}) {
  const value = () => props.resource() as T;
  return (
    <Switch fallback={<Loading />}>
      <Match when={props.resource.state === 'errored'}>
        <ErrorNotice error={props.resource.error} retry={props.retry} />
      </Match>
      <Match when={(props.resource.state === 'ready' || props.resource.state === 'refreshing') && (props.isEmpty?.(value()) ?? false)}>
        <p class="state state-empty">{props.empty ?? t('state.empty')}</p>
      </Match>
      <Match when={props.resource.state === 'ready' || props.resource.state === 'refreshing'}>{untrack(() => props.children(value))}</Match>
    </Switch>
  );
}
