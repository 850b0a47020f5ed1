import { ti } from '../../i18n/info';
import { usePageTitle } from '../../lib/page';
import { useRegion } from '../../stores/region';
import { TextSections, type TextSection } from './text-sections';

/** What regiokurs is and how booking works, in Leichte Sprache (English: Easy Read), one idea per line. */
export default function EasyReadPage() {
  const { region } = useRegion();
  usePageTitle(() => ti('info.easy.title'));
  const fill = (line: string) => line.replace('{{ email }}', region()?.contact?.email ?? '');
  return (
    <div class="page narrow-page easy-read info-page">
      <h1>{ti('info.easy.title')}</h1>
      <p>{ti('info.easy.lead')}</p>
      <TextSections sections={ti('info.easy.sections') as TextSection[]} fill={fill} />
    </div>
  );
}
