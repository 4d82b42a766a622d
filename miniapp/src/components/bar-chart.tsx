import { Text, View } from '@tarojs/components';
import './bar-chart.css';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value as shown (e.g. "¥1.2 万"); the number itself when left out. */
  display?: string;
}

export interface BarChartProps {
  bars: Bar[];
  /** What the bars measure, read out before them (e.g. "各街道服务人次"). */
  title: string;
  className?: string;
}

/**
 * Horizontal bars made of plain views and CSS widths: the same in WeChat and H5, no canvas, no
 * chart library (nothing added to the mini-program's package). Bars are relative to the largest.
 */
export function BarChart({ bars, title, className = '' }: BarChartProps) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <View className={`bar-chart ${className}`} ariaRole='list' ariaLabel={title}>
      {bars.map((b) => (
        <View key={b.key} className='bar-chart__row' ariaRole='listitem' ariaLabel={`${b.label} ${b.display ?? b.value}`} data-key={b.key} data-value={b.value}>
          <Text className='bar-chart__label'>{b.label}</Text>
          <View className='bar-chart__track'>
            <View className='bar-chart__bar' style={{ width: `${(b.value / max) * 100}%` }} />
          </View>
          <Text className='bar-chart__value'>{b.display ?? String(b.value)}</Text>
        </View>
      ))}
    </View>
  );
}
