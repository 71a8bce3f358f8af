import { createRequire } from 'node:module';
import { type GeoPermissibleObjects, geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import countryCodes from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The portal's choropleth, drawn on the server with d3-geo from Natural Earth's TopoJSON (the
 * `world-atlas` package): no tile server and no request to another site, and no map code in the
 * browser. The shapes come from the 1:110m file; countries too small for it (Andorra, Cabo Verde...)
 * are drawn as dots at their centre, taken from the 1:50m file.
 */
const require = createRequire(import.meta.url);
const WIDTH = 960;
const WORLD_HEIGHT = 470;
const REGION_HEIGHT = 560;

/** Fill per class of ongoing Actions: none, 1, 2, 3 or more (a sequential blue scale). */
export const mapClasses = [
  { min: 0, fill: '#e9ecef' },
  { min: 1, fill: '#a5d8ff' },
  { min: 2, fill: '#4dabf7' },
  { min: 3, fill: '#1864ab' },
] as const;

export function classOf(count: number): number {
  let found = 0;
  for (const [index, c] of mapClasses.entries()) if (count >= c.min) found = index;
  return found;
}

type CountryShape = { code: string; feature: Feature<Geometry> };
type World = { shapes: CountryShape[]; dots: CountryShape[] };

function alpha2(id: string | number | undefined, name: string | undefined): string | undefined {
  if (id === undefined) return name === 'Kosovo' ? 'XK' : undefined;
  return countryCodes.numericToAlpha2(String(id));
}

function countriesOf(file: string): CountryShape[] {
  const topology = require(`world-atlas/${file}`) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<
    Geometry,
    { name: string }
  >;
  return collection.features.flatMap((f) => {
    const code = alpha2(f.id, f.properties?.name);
    // Antarctica takes a sixth of the picture and never hosts an Action.
    return code && code !== 'AQ' ? [{ code, feature: f }] : [];
  });
}

let world: World | undefined;
function loadWorld(): World {
  if (world) return world;
  const shapes = countriesOf('countries-110m.json');
  const drawn = new Set(shapes.map((s) => s.code));
  const dots = countriesOf('countries-50m.json').filter((s) => !drawn.has(s.code));
  world = { shapes, dots };
  return world;
}

type Projected = { viewBox: string; paths: Map<string, string>; dots: Map<string, [number, number]> };
const projected = new Map<string, Projected>();

/** Projects the world once per frame (the whole world, or a region's countries) and keeps it. */
function projectFor(frame: { key: string; countries?: ReadonlySet<string> }): Projected {
  const hit = projected.get(frame.key);
  if (hit) return hit;
  const { shapes, dots } = loadWorld();
  const height = frame.countries ? REGION_HEIGHT : WORLD_HEIGHT;
  const focus = frame.countries ? [...shapes, ...dots].filter((s) => frame.countries?.has(s.code)) : shapes;
  const projection = geoEqualEarth().fitExtent(
    [
      [12, 12],
      [WIDTH - 12, height - 12],
    ],
    { type: 'FeatureCollection', features: focus.map((s) => s.feature) } as GeoPermissibleObjects,
  );
  const path = geoPath(projection).digits(0);
  const paths = new Map<string, string>();
  for (const shape of shapes) {
    const [[x0, y0], [x1, y1]] = path.bounds(shape.feature);
    // Shapes wholly outside the frame are left out: a region's map does not carry the world.
    if (x1 < 0 || y1 < 0 || x0 > WIDTH || y0 > height) continue;
    const d = path(shape.feature);
    if (d) paths.set(shape.code, d);
  }
  const points = new Map<string, [number, number]>();
  for (const dot of dots) {
    const point = projection(geoCentroid(dot.feature));
    if (point && point[0] >= 0 && point[0] <= WIDTH && point[1] >= 0 && point[1] <= height) {
      points.set(dot.code, [Math.round(point[0]), Math.round(point[1])]);
    }
  }
  const result = { viewBox: `0 0 ${WIDTH} ${height}`, paths, dots: points };
  projected.set(frame.key, result);
  return result;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The map as an SVG document: every country in the frame, filled by its number of ongoing Actions.
 * It is shown as an image; the page beside it carries the legend and the same figures as a table.
 */
export function renderMapSvg(options: {
  counts: ReadonlyMap<string, number>;
  title: string;
  frame?: { key: string; countries: ReadonlySet<string> };
}): string {
  const { viewBox, paths, dots } = projectFor(options.frame ?? { key: 'world' });
  const groups = mapClasses.map(() => [] as string[]);
  for (const [code, d] of paths) groups[classOf(options.counts.get(code) ?? 0)]?.push(`<path d="${d}"/>`);
  const markers: string[] = [];
  for (const [code, [x, y]] of dots) {
    const count = options.counts.get(code) ?? 0;
    if (count > 0) {
      markers.push(`<circle cx="${x}" cy="${y}" r="5" fill="${mapClasses[classOf(count)]?.fill}"/>`);
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" role="img" aria-label="${escapeXml(options.title)}">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<g stroke="#fff" stroke-width="0.6" stroke-linejoin="round">`,
    ...groups.map((items, index) => `<g fill="${mapClasses[index]?.fill}">${items.join('')}</g>`),
    `</g>`,
    `<g stroke="#1c3f63" stroke-width="1.2">${markers.join('')}</g>`,
    '</svg>',
  ].join('');
}
