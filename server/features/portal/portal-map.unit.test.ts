import { describe, expect, it } from 'vitest';
import { classOf, mapClasses, renderMapSvg } from './portal-map.ts';

describe('the choropleth', () => {
  it('puts counts into classes: none, one, two, three or more', () => {
    expect([0, 1, 2, 3, 9].map(classOf)).toEqual([0, 1, 2, 3, 3]);
  });

  it('fills a country by its class and escapes the title', () => {
    const svg = renderMapSvg({
      counts: new Map([
        ['GH', 1],
        ['PE', 3],
      ]),
      title: 'Actions <&> "map"',
    });
    expect(svg).toContain('<title>Actions &#60;&#38;&#62; &#34;map&#34;</title>');
    // Three groups hold shapes: the grey one, the class of 1 (Ghana) and the class of 3 (Peru).
    const group = (fill: string) => new RegExp(`<g fill="${fill}">(.*?)</g>`).exec(svg)?.[1] ?? '';
    expect(group(mapClasses[1].fill).match(/<path /g)).toHaveLength(1);
    expect(group(mapClasses[3].fill).match(/<path /g)).toHaveLength(1);
    expect(group(mapClasses[2].fill)).toBe('');
  });

  it('marks countries too small for the shapes with a dot, only when they have an Action', () => {
    expect(renderMapSvg({ counts: new Map(), title: 'x' })).not.toContain('<circle');
    expect(renderMapSvg({ counts: new Map([['AD', 1]]), title: 'x' })).toContain('<circle');
  });

  it('frames a region on its countries', () => {
    const frame = { key: 'test-east', countries: new Set(['AM', 'AZ', 'GE', 'MD', 'UA', 'BY']) };
    const region = renderMapSvg({ counts: new Map([['GE', 1]]), title: 'x', frame });
    const world = renderMapSvg({ counts: new Map([['GE', 1]]), title: 'x' });
    expect(region).toContain('viewBox="0 0 960 560"');
    expect((region.match(/<path /g) ?? []).length).toBeLessThan((world.match(/<path /g) ?? []).length / 2);
  });
});
