import { describe, expect, it } from 'vitest';
import { COVENTRY_2007, parseSample } from '../summaries/test-support/parsed-samples';
import { ticksByPoint } from './ticks';
import { trackPoints } from './track-points';

const letter = await parseSample(COVENTRY_2007);
const points = trackPoints([letter]).flatMap((g) => g.points);

describe('ticksByPoint', () => {
  it("gives each tick to its point, and keeps other points unticked", () => {
    const [first, second] = points;
    const tick = { pointId: first!.pointId, letterId: letter.id, text: first!.text, note: 'In the plan', doneOn: '2009-01-01' };
    const found = ticksByPoint(points, [tick]);
    expect(found.get(first!.pointId)).toBe(tick);
    expect(found.has(second!.pointId)).toBe(false);
  });

  it('follows a point a newer reading words a little differently, in the same letter only', () => {
    const point = points.find((p) => p.text.split(' ').length > 8)!;
    const reworded = { ...letter, sections: letter.sections.map((s) => ({ ...s, areasForDevelopment: s.areasForDevelopment.map((a) => (a === point.text ? `${a.replace(/\.$/, '')}, promptly.` : a)), recommendations: s.recommendations.map((r) => (r.text === point.text ? { ...r, text: `${r.text.replace(/\.$/, '')}, promptly.` } : r)) })) };
    const newPoints = trackPoints([reworded]).flatMap((g) => g.points);
    const moved = newPoints.find((p) => p.text.includes('promptly'))!;
    expect(moved.pointId).not.toBe(point.pointId);
    const tick = { pointId: point.pointId, letterId: letter.id, text: point.text, note: '', doneOn: '2009-01-01' };
    expect(ticksByPoint(newPoints, [tick]).get(moved.pointId)).toBe(tick);
    expect(ticksByPoint(newPoints, [{ ...tick, letterId: 'another letter' }]).size).toBe(0);
  });

  it('leaves out a tick whose point has gone', () => {
    expect(ticksByPoint(points, [{ pointId: 'gone', letterId: letter.id, text: 'Something no letter says about ferries', note: '', doneOn: '2009-01-01' }]).size).toBe(0);
  });
});
