import { createSignal } from 'solid-js';

/** A button that copies `value` to the clipboard and then says so (announced as a status, so a screen reader hears it too). */
export function CopyButton(props: { value: string; label: string; copied: string }) {
  const [copied, setCopied] = createSignal(false);
  const copy = async () => {
    await navigator.clipboard.writeText(props.value);
    setCopied(true);
  };
  return (
    <>
      <button type="button" class="button secondary" onClick={() => void copy()}>
        {props.label}
      </button>
      <span role="status">{copied() ? ` ${props.copied}` : ''}</span>
    </>
  );
}
