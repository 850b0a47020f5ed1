import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { For, createEffect, onCleanup } from 'solid-js';
import { t } from '../../i18n';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours with 3:1 contrast against white, as WCAG asks of graphical objects. */
const COLOURS = ['#0b4f8a', '#b35c00', '#1f6b34', '#6b2a8a'];

type CountCell = number | '<3';
export type Series = { label: string; values: CountCell[] };

/** Suppressed small counts ("<3") are drawn as gaps, never as a guessed number. */
const plotted = (v: CountCell) => (typeof v === 'number' ? v : null);

/**
 * A chart with its numbers as a table underneath: the canvas is decoration for sighted users,
 * the table is what screen readers and keyboard users read.
 */
export function ChartWithTable(props: { title: string; type: 'bar' | 'line'; labels: string[]; series: Series[]; labelHeading: string }) {
  let canvas!: HTMLCanvasElement;
  createEffect(() => {
    const chart = new Chart(canvas, {
      type: props.type,
      data: {
        labels: props.labels,
        datasets: props.series.map((s, i) => ({
          label: s.label,
          data: s.values.map(plotted),
          backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: COLOURS[i % COLOURS.length],
        })),
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    onCleanup(() => chart.destroy());
  });
  return (
    <figure class="chart">
      <figcaption>
        <h2>{props.title}</h2>
      </figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={props.title} />
      </div>
      <details>
        <summary>{t('dashboard.tableCaption')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.labelHeading}</th>
              <For each={props.series}>{(s) => <th scope="col">{s.label}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.labels}>
              {(label, i) => (
                <tr>
                  <th scope="row">{label}</th>
                  <For each={props.series}>{(s) => <td>{String(s.values[i()] ?? '–')}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </figure>
  );
}
