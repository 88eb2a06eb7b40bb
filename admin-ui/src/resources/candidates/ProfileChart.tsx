import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ProfileChartEntry {
  code: string;
  title: string;
  targetLevel: number;
  scale: number;
  currentLevel: number | null;
}

/**
 * Current level against target per competency. Decorative for screen readers: the table under it
 * carries the same figures, so the chart is hidden from assistive technology.
 */
export default function ProfileChart({ entries }: { entries: ProfileChartEntry[] }) {
  const data = entries.map((e) => ({ name: e.code, Current: e.currentLevel ?? 0, Target: e.targetLevel }));
  const max = Math.max(4, ...entries.map((e) => e.scale));
  return (
    <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis domain={[0, max]} allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="Current" fill="#1f5fa8" />
          <Bar dataKey="Target" fill="#9e9e9e" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
