import { Show, createSignal } from 'solid-js';
import { t } from '../i18n';

/**
 * A destructive action asked twice: the first press shows the question and a confirming
 * button (focused, so keyboard users land on it), the second does it.
 */
export function ConfirmAction(props: { label: string; accessibleLabel?: string; question: string; confirmLabel: string; onConfirm: () => void }) {
  const [asking, setAsking] = createSignal(false);
  let confirm!: HTMLButtonElement;
  return (
    <Show
      when={asking()}
      fallback={
        <button
          type="button"
          class="button danger"
          aria-label={props.accessibleLabel}
          onClick={() => {
            setAsking(true);
            confirm.focus();
          }}
        >
          {props.label}
        </button>
      }
    >
      <span class="confirm" role="group" aria-label={props.question}>
        <span class="confirm-text">{props.question}</span>
        <button
          type="button"
          class="button danger"
          ref={confirm}
          onClick={() => {
            setAsking(false);
            props.onConfirm();
          }}
        >
          {props.confirmLabel}
        </button>
        <button type="button" class="button secondary" onClick={() => setAsking(false)}>
          {t('action.cancel')}
        </button>
      </span>
    </Show>
  );
}
