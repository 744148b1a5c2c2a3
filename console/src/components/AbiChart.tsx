/**
 * One leg's ABI from the baseline Doppler through the follow-ups, over the severity bands of the domain
 * (severe < 0.40, abnormal ≤ 0.90, borderline 0.91–0.99, normal 1.00–1.40, non-compressible > 1.40).
 * The bands are filled Chart.js datasets; the same points are listed in a table beside the plot.
 */
import { Line } from 'react-chartjs-2';
import '../charts';
import { day } from '../format';

export interface AbiPoint {
  kind: 'Baseline Doppler' | 'Follow-up';
  occurredAt: string;
  abi: number;
}

const BANDS = [
  { label: 'Severe (< 0.40)', top: 0.4, color: 'rgba(180, 35, 24, 0.22)' },
  { label: 'Abnormal (0.40–0.90)', top: 0.9, color: 'rgba(220, 104, 3, 0.18)' },
  { label: 'Borderline (0.91–0.99)', top: 1.0, color: 'rgba(234, 170, 8, 0.2)' },
  { label: 'Normal (1.00–1.40)', top: 1.4, color: 'rgba(18, 183, 106, 0.16)' },
  { label: 'Non-compressible (> 1.40)', top: 1.6, color: 'rgba(102, 112, 133, 0.16)' },
] as const;

export const bandOf = (abi: number): string =>
  abi < 0.4 ? 'severe' : abi <= 0.9 ? 'abnormal' : abi < 1.0 ? 'borderline' : abi <= 1.4 ? 'normal' : 'non-compressible';

export function AbiChart({ leg, points }: { leg: string; points: AbiPoint[] }) {
  const sorted = [...points].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const labels = sorted.map((p) => `${day(p.occurredAt)}${p.kind === 'Baseline Doppler' ? ' (baseline)' : ''}`);
  const legName = leg.toLowerCase();
  return (
    <figure className="chart" data-testid={`abi-${legName}`}>
      <figcaption>ABI, {legName} leg</figcaption>
      {sorted.length === 0 ? (
        <p>No ABI recorded for this leg yet.</p>
      ) : (
        <div className="chart-box">
          <Line
            role="img"
            aria-label={`ABI of the ${legName} leg: ${sorted.map((p, i) => `${labels[i]} ${p.abi.toFixed(2)}`).join(', ')}`}
            data={{
              labels,
              datasets: [
                {
                  label: `ABI ${legName}`,
                  data: sorted.map((p) => p.abi),
                  borderColor: '#1d2939',
                  backgroundColor: '#1d2939',
                  pointRadius: 5,
                  fill: false,
                  order: 0,
                },
                ...BANDS.map((band, i) => ({
                  label: band.label,
                  data: sorted.map(() => band.top),
                  borderWidth: 0,
                  pointRadius: 0,
                  pointHitRadius: 0,
                  backgroundColor: band.color,
                  fill: i === 0 ? ('origin' as const) : ('-1' as const),
                  order: 1,
                })),
              ],
            }}
            options={{
              maintainAspectRatio: false,
              scales: { y: { min: 0, max: 1.6, title: { display: true, text: 'ABI' } } },
              plugins: { tooltip: { filter: (item) => item.datasetIndex === 0 } },
            }}
          />
        </div>
      )}
      <table className="compact">
        <caption className="visually-hidden">ABI values of the {legName} leg</caption>
        <thead>
          <tr>
            <th scope="col">Measurement</th>
            <th scope="col">Clinical date</th>
            <th scope="col">ABI</th>
            <th scope="col">Band</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => (
            <tr key={`${p.kind}-${p.occurredAt}`}>
              <td>{p.kind}</td>
              <td>{day(p.occurredAt)}</td>
              <td>{p.abi.toFixed(2)}</td>
              <td>{bandOf(p.abi)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
