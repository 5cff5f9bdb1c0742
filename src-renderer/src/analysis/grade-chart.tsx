/**
 * The overall grade across the years as a line, drawn with visx as plain SVG: black lines and
 * white markers, so it prints in black and white; the grade's number at every point, the change
 * from the year before in words under the years, and the change of scale in 2009 marked on
 * the axis. Screen readers get the numbers from its title and description (the table below it
 * is the full alternative).
 */
import { AxisBottom, AxisLeft, AxisRight } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useId } from 'react';
import { ANNUAL_RATING_LABELS, APA_LABELS, type GradeValue } from '../../../src-shared/letters/letter';
import { NEW_SCALE_YEAR, type TimelinePoint } from '../../../src-shared/analysis/timeline';

const WIDTH = 820;
const HEIGHT = 250;
const MARGIN = { top: 24, right: 142, bottom: 64, left: 104 };
const GRADES: GradeValue[] = [1, 2, 3, 4];

interface GradeChartProps {
  council: string;
  years: readonly number[];
  line: readonly TimelinePoint[];
}

/** "2007: 3, Good; up from 2 to 3". */
function pointText(point: TimelinePoint): string {
  const change = point.change && point.change.direction !== 'same' ? `; ${point.change.text}` : '';
  return `${point.year}: ${point.grade}, ${point.label}${change}`;
}

export function GradeChart({ council, years, line }: GradeChartProps) {
  const titleId = useId();
  const descId = useId();
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scalePoint<number>({ domain: [...years], range: [0, innerWidth], padding: 0.4 });
  const y = scaleLinear<number>({ domain: [1, 4], range: [innerHeight, 0] });
  const xOf = (year: number) => x(year) ?? 0;
  const step = x.step();
  const splitAt = years.includes(NEW_SCALE_YEAR) ? xOf(NEW_SCALE_YEAR) - step / 2 : null;
  const before = line.filter((p) => p.scale === 'apa');
  const after = line.filter((p) => p.scale !== 'apa');
  const bridge = before.length > 0 && after.length > 0 ? [before[before.length - 1]!, after[0]!] : [];
  const description = line.length === 0 ? 'No overall grade in any year.' : `${line.map(pointText).join('. ')}.`;

  return (
    <svg
      className="grade-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      data-points={line.map((p) => `${p.year}:${p.grade}`).join(' ')}
    >
      <title id={titleId}>{`Overall grade of ${council} by year, 4 best on both scales`}</title>
      <desc id={descId}>{description}</desc>
      <Group left={MARGIN.left} top={MARGIN.top}>
        {GRADES.map((g) => (
          <line key={g} className="grade-chart-grid" x1={0} x2={innerWidth} y1={y(g)} y2={y(g)} />
        ))}
        {splitAt !== null && (
          <g className="grade-chart-split">
            <line x1={splitAt} x2={splitAt} y1={-12} y2={innerHeight + 6} />
            <text x={splitAt - 4} y={-4} textAnchor="end">
              APA scale
            </text>
            <text x={splitAt + 4} y={-4} textAnchor="start">
              Annual rating scale
            </text>
          </g>
        )}
        <LinePath<TimelinePoint> className="grade-chart-line" data={before} x={(p) => xOf(p.year)} y={(p) => y(p.grade)} />
        <LinePath<TimelinePoint> className="grade-chart-line" data={after} x={(p) => xOf(p.year)} y={(p) => y(p.grade)} />
        <LinePath<TimelinePoint> className="grade-chart-line grade-chart-line--bridge" data={bridge} x={(p) => xOf(p.year)} y={(p) => y(p.grade)} />
        {line.map((p) => (
          <g key={p.year} className="grade-chart-point" data-year={p.year} data-grade={p.grade} data-scale={p.scale} transform={`translate(${xOf(p.year)},${y(p.grade)})`}>
            <title>{pointText(p)}</title>
            <circle r={6} />
            <text y={-11} textAnchor="middle" className="grade-chart-value">
              {p.grade}
            </text>
          </g>
        ))}
        {line
          .filter((p) => p.change && p.change.direction !== 'same')
          .map((p) => (
            <text key={p.year} className={`grade-chart-change grade-chart-change--${p.change!.direction}`} x={xOf(p.year)} y={innerHeight + 36} textAnchor="middle" aria-hidden="true">
              <tspan x={xOf(p.year)}>{`${p.change!.direction === 'up' ? '▲ up' : '▼ down'} from ${p.change!.from}`}</tspan>
              <tspan x={xOf(p.year)} dy={13}>
                {`to ${p.grade}${p.change!.acrossScales ? ' (new scale)' : ''}`}
              </tspan>
            </text>
          ))}
        <AxisLeft
          scale={y}
          tickValues={GRADES}
          tickFormat={(g) => `${String(g)} ${APA_LABELS[g as GradeValue]}`}
          axisClassName="grade-chart-axis"
          hideAxisLine
          hideTicks
          tickLabelProps={{ className: 'grade-chart-tick', textAnchor: 'end', dx: -4, dy: '0.33em' }}
        />
        <AxisRight
          scale={y}
          left={innerWidth}
          tickValues={GRADES}
          tickFormat={(g) => `${String(g)} ${ANNUAL_RATING_LABELS[g as GradeValue]}`}
          axisClassName="grade-chart-axis"
          hideAxisLine
          hideTicks
          tickLabelProps={{ className: 'grade-chart-tick', textAnchor: 'start', dx: 4, dy: '0.33em' }}
        />
        <AxisBottom
          scale={x}
          top={innerHeight}
          tickFormat={(year) => String(year)}
          axisClassName="grade-chart-axis"
          tickLabelProps={{ className: 'grade-chart-tick', textAnchor: 'middle' }}
        />
      </Group>
    </svg>
  );
}
