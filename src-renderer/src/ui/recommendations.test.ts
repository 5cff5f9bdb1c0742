import { describe, expect, it } from 'vitest';
import { groupRecommendations } from './recommendations';

describe('groupRecommendations', () => {
  it('groups by timescale in the letters’ order and drops empty groups', () => {
    const groups = groupRecommendations([
      { timescale: 'longer-term', text: 'C', items: [] },
      { timescale: 'immediate', text: 'A', items: ['a1', 'a2'] },
      { timescale: 'longer-term', text: 'D', items: [] },
    ]);
    expect(groups.map((g) => g.label)).toEqual(['For immediate action', 'In the longer term']);
    expect(groups[1]?.items.map((i) => [i.index, i.recommendation.text])).toEqual([
      [0, 'C'],
      [2, 'D'],
    ]);
  });
});
