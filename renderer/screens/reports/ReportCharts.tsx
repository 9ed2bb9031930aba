// Charts of the two figures of the seed report: the caseload development (figure 4.1: inflow
// and outflow bars, the caseload as a line) and the exit reasons (figure 4.2). Fixed sizes, so
// they print the same as on screen.
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, XAxis, YAxis, Tooltip, LabelList } from 'recharts';
import type { ReportTable } from '../../../db/model/reports.js';
import { shortMonthNl } from '../../../db/model/calendar.js';
import { T } from '../../i18n/reports.js';

const IN = '#2f6f9f';
const OUT = '#d08a2e';
const LINE = '#333333';

export function ReportChart(props: { table: ReportTable }) {
  const rows = props.table.rows.filter((r) => !r.total);
  if (!rows.length) return null;
  if (props.table.chart === 'caseload-development') {
    const data = rows.map((r) => ({
      month: shortMonthNl(String(r.cells.month)),
      inflow: Number(r.cells.inflow ?? 0),
      outflow: Number(r.cells.outflow ?? 0),
      end: Number(r.cells.end ?? 0),
    }));
    return (
      <figure className="report-chart" aria-label={T.chartCaseloadTitle}>
        <ComposedChart width={720} height={300} data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid stroke="#e3e3e3" vertical={false} />
          <XAxis dataKey="month" />
          <YAxis yAxisId="flow" allowDecimals={false} />
          <YAxis yAxisId="level" orientation="right" allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar yAxisId="flow" dataKey="inflow" name={T.chartInflow} fill={IN} isAnimationActive={false} />
          <Bar yAxisId="flow" dataKey="outflow" name={T.chartOutflow} fill={OUT} isAnimationActive={false} />
          <Line
            yAxisId="level"
            dataKey="end"
            name={T.chartEnd}
            stroke={LINE}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </ComposedChart>
        <figcaption className="visually-hidden">{T.chartCaseloadTitle}</figcaption>
      </figure>
    );
  }
  if (props.table.chart === 'exit-reasons') {
    const data = rows.map((r) => ({ label: String(r.cells.label ?? ''), count: Number(r.cells.count ?? 0) }));
    return (
      <figure className="report-chart" aria-label={T.chartReasonsTitle}>
        <BarChart
          layout="vertical"
          width={720}
          height={40 + data.length * 32}
          data={data}
          margin={{ top: 5, right: 40, bottom: 5, left: 10 }}
        >
          <CartesianGrid stroke="#e3e3e3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={200} />
          <Bar dataKey="count" name={T.chartCount} fill={IN} isAnimationActive={false}>
            <LabelList dataKey="count" position="right" />
          </Bar>
        </BarChart>
        <figcaption className="visually-hidden">{T.chartReasonsTitle}</figcaption>
      </figure>
    );
  }
  return null;
}
