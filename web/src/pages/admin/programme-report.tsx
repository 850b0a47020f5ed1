import { AsyncView } from '../../components/async-view';
import { createProgrammeReport } from '../../stores/admin-programmes';
import { createProgramme } from '../../stores/programmes';
import { ReportTables } from '../programme/report-tables';

/**
 * The fairness report and cut-offs of a published draw as the public page shows them, with the
 * groups the server lets this reader see (a coordinator: its residents' part). The units are
 * named from the public programme, which lists its offers.
 */
export function ProgrammeReport(props: { programmeId: string }) {
  const { report, refetch } = createProgrammeReport(() => props.programmeId);
  const { programme } = createProgramme(() => props.programmeId);
  const offers = () => (programme.state === 'ready' ? programme().offers : []);
  return (
    <div class="stacked-facts">
      <AsyncView resource={report} retry={() => void refetch()}>
        {(answer) => <ReportTables level={2} offers={offers()} cutoffs={answer().cutoffs} report={answer().report} />}
      </AsyncView>
    </div>
  );
}
