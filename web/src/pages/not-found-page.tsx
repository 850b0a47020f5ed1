import { A } from '@solidjs/router';
import { t } from '../i18n';
import { usePageTitle } from '../lib/page';

export default function NotFoundPage() {
  usePageTitle(() => t('notFound.title'));
  return (
    <div class="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <A href="/">{t('notFound.back')}</A>
      </p>
    </div>
  );
}
