/** Counts of cases by rule (a bar chart), with the same numbers as a table for screen readers and keyboards. */
import { Bar } from 'react-chartjs-2';
import '../charts';

export interface RuleCount {
  rule: string;
  severity: string;
  caseCount: number;
}

export function RuleChart({ counts, titles }: { counts: RuleCount[]; titles: Map<string, string> }) {
  const sorted = [...counts].sort((a, b) => a.rule.localeCompare(b.rule) || a.severity.localeCompare(b.severity));
  const labels = [...new Set(sorted.map((c) => c.rule))];
  const series = (severity: string) => labels.map((rule) => sorted.find((c) => c.rule === rule && c.severity === severity)?.caseCount ?? 0);
  return (
    <figure className="chart">
      <figcaption>Cases with a finding, by rule</figcaption>
      {labels.length === 0 ? (
        <p>No findings in these cases.</p>
      ) : (
        <div className="chart-box">
          <Bar
            role="img"
            aria-label={`Bar chart of cases by rule: ${sorted.map((c) => `${c.rule} ${c.severity.toLowerCase()} ${c.caseCount}`).join(', ')}`}
            data={{
              labels,
              datasets: [
                { label: 'Blocking', data: series('BLOCKING'), backgroundColor: '#b42318' },
                { label: 'Warning', data: series('WARNING'), backgroundColor: '#b54708' },
              ],
            }}
            options={{
              maintainAspectRatio: false,
              scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
            }}
          />
        </div>
      )}
      <table className="compact">
        <caption className="visually-hidden">Cases by rule</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Severity</th>
            <th scope="col">Cases</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={`${c.rule}-${c.severity}`}>
              <td title={titles.get(c.rule)}>{c.rule}</td>
              <td>{c.severity.toLowerCase()}</td>
              <td>{c.caseCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
