import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface Series {
  key: string;
  name: string;
  color: string;
  /** Series sharing a stack id are stacked. */
  stack?: string;
}

export type ChartRow = Record<string, string | number | null>;

export interface BarsChartProps {
  data: ChartRow[];
  /** The row field naming each bar group. */
  category: string;
  series: Series[];
  /** Bars left to right, categories top to bottom: for long names (roles, schools). */
  horizontal?: boolean;
  height?: number;
  /** Values are ratios shown as percentages. */
  percent?: boolean;
  onSelect?: (row: ChartRow) => void;
}

const pct = (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 100)}%` : String(v));

/**
 * Every dashboard chart: a bar chart, loaded lazily with recharts. Decorative for assistive technology
 * (the figure's data table carries the same numbers, and its rows are the keyboard path for clicks).
 */
export default function BarsChart({ data, category, series, horizontal, height, percent, onSelect }: BarsChartProps) {
  const h = height ?? (horizontal ? Math.max(200, 28 * data.length + 60) : 260);
  const valueAxis = percent ? { tickFormatter: pct } : { allowDecimals: false };
  return (
    <div aria-hidden="true" style={{ width: '100%', height: h }}>
      <ResponsiveContainer>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          {horizontal ? (
            <>
              <XAxis type="number" {...valueAxis} />
              <YAxis type="category" dataKey={category} width={190} interval={0} tick={{ fontSize: 12 }} />
            </>
          ) : (
            <>
              {/* Slanted names stay apart when a half-width card holds many bars. */}
              <XAxis
                dataKey={category}
                interval={0}
                tick={{ fontSize: 12 }}
                angle={data.length >= 6 ? -30 : 0}
                textAnchor={data.length >= 6 ? 'end' : 'middle'}
                height={data.length >= 6 ? 70 : 30}
              />
              <YAxis {...valueAxis} />
            </>
          )}
          <Tooltip formatter={percent ? (v) => pct(v) : undefined} />
          {series.length > 1 && <Legend itemSorter={null} />}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              stackId={s.stack}
              isAnimationActive={false}
              cursor={onSelect ? 'pointer' : undefined}
              onClick={
                onSelect ? (entry: { payload?: ChartRow }) => entry.payload && onSelect(entry.payload) : undefined
              }
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
