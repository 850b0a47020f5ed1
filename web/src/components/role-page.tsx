import type { JSX } from 'solid-js';
import type { RoleName } from '../../../shared/schemas/auth';
import { usePageTitle } from '../lib/page';
import { RequireRole } from './require-role';

/** A signed-in page: its title in the tab and as h1, its content only for the given roles. */
export function RolePage(props: { title: string; roles: RoleName[]; narrow?: boolean; before?: JSX.Element; lead?: string; children: JSX.Element }) {
  usePageTitle(() => props.title);
  return (
    <div class="page" classList={{ 'narrow-page': props.narrow }}>
      {props.before}
      <h1>{props.title}</h1>
      {props.lead && <p class="lead">{props.lead}</p>}
      <RequireRole roles={props.roles}>{props.children}</RequireRole>
    </div>
  );
}
