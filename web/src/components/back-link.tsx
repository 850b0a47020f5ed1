import { A } from '@solidjs/router';

export function BackLink(props: { href: string; label: string }) {
  return (
    <p class="back">
      <A href={props.href}>
        <span aria-hidden="true">‹ </span>
        {props.label}
      </A>
    </p>
  );
}
