import { Show } from 'solid-js';
import type { ProgrammeDetail } from '../../api/client';
import { Facts } from '../../components/facts';
import { localizeMessage } from '../../i18n';
import { tp } from '../../i18n/programme';
import { formatDateTime } from '../../i18n/format';
import { ReportTables } from './report-tables';

function Hash(props: { value: string }) {
  return <code class="hash">{props.value}</code>;
}

/** The freeze, the randomness and the result's hash: what anyone needs to recompute the draw. */
function Commitment(props: { programme: ProgrammeDetail }) {
  const p = () => props.programme;
  return (
    <>
      <Show when={p().inputHash && p().frozenAt}>
        <p class="notice success" role="note">
          {tp('programme.proof.frozen', { at: formatDateTime(p().frozenAt as string) })} <Hash value={p().inputHash as string} />
        </p>
      </Show>
      <Facts
        items={[
          { term: tp('programme.proof.algorithm'), value: <Hash value={p().algorithm} /> },
          { term: tp('programme.proof.randomnessSource'), value: localizeMessage(p().randomnessSource) },
          {
            term: tp('programme.proof.inputHash'),
            value: p().inputHash ? <Hash value={p().inputHash as string} /> : tp('programme.proof.inputHashLater'),
          },
          { term: tp('programme.proof.randomness'), value: p().randomness ? <Hash value={p().randomness as string} /> : tp('programme.proof.randomnessLater') },
          { term: tp('programme.proof.seed'), value: p().seed && <Hash value={p().seed as string} /> },
          { term: tp('programme.proof.outputHash'), value: p().outputHash && <Hash value={p().outputHash as string} /> },
          { term: tp('programme.proof.publishedAt'), value: p().publishedAt && formatDateTime(p().publishedAt as string) },
        ]}
      />
    </>
  );
}

/** The programme's proof: the commitment before the draw, the cut-offs and the fairness report after it. */
export function ProgrammeProof(props: { programme: ProgrammeDetail }) {
  return (
    <section class="stacked-facts" aria-labelledby="proof-title">
      <h2 id="proof-title">{tp('programme.proof.title')}</h2>
      <p>{tp('programme.proof.lead')}</p>
      <Commitment programme={props.programme} />
      <ReportTables level={3} offers={props.programme.offers} cutoffs={props.programme.cutoffs} report={props.programme.report} />
    </section>
  );
}
