import { t } from '../../i18n';
import { usePageTitle } from '../../lib/page';
import { useRegion } from '../../stores/region';
import { CalendarView } from './calendar-view';

export default function CalendarPage() {
  const { region } = useRegion();
  usePageTitle(() => t('calendar.title'));
  return (
    <div class="page">
      <h1>{t('calendar.heading', { region: region()?.name ?? '' })}</h1>
      <p class="lead">{t('calendar.lead')}</p>
      <CalendarView />
    </div>
  );
}
