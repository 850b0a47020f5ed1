import { ti } from '../../i18n/info';
import { usePageTitle } from '../../lib/page';
import { useRegion } from '../../stores/region';
import { TextSections, type TextSection } from './text-sections';

/** The privacy statement (GDPR Art. 13): what is stored, what for, who sees it, how long, the rights. */
export default function PrivacyPage() {
  const { region } = useRegion();
  usePageTitle(() => ti('info.privacy.title'));
  const contact = () => {
    const c = region()?.contact;
    return c ? [c.name, c.address, c.email, c.phone].filter(Boolean).join(', ') : '';
  };
  // The supervisory authority follows the country the region's time zone is in.
  const authority = () => (region()?.timeZone === 'Europe/Berlin' ? ti('info.privacy.authorityDe') : ti('info.privacy.authorityAt'));
  const fill = (line: string) => line.replace('{{ months }}', String(region()?.timedWork?.retentionMonths ?? 13)).replace('{{ authority }}', authority());
  return (
    <div class="page narrow-page info-page">
      <h1>{ti('info.privacy.title')}</h1>
      <p>{ti('info.privacy.lead')}</p>
      <section>
        <h2>{ti('info.privacy.controllerTitle')}</h2>
        <p>{ti('info.privacy.controller', { region: region()?.name ?? '', contact: contact() })}</p>
      </section>
      <TextSections sections={ti('info.privacy.sections') as TextSection[]} fill={fill} />
    </div>
  );
}
