import { createEffect } from 'solid-js';

/** Each page names itself in the tab title, which screen readers announce on navigation. */
export function usePageTitle(title: () => string | undefined) {
  createEffect(() => {
    const own = title();
    document.title = own ? `${own} · regiokurs` : 'regiokurs';
  });
}
