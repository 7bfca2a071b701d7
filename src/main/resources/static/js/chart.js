// A small SVG line chart of ranking positions over time: one line for the user, one per competitor. Position 1 is
// at the top. Reads ranking snapshots defensively, since only their broad shape is relied on: a time
// (at | time | takenAt | createdAt), the user's own position (position | ownPosition | rank) and competitors
// ([{name | competitor | domain, position | rank}]).

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 260;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };
const COLOURS = ['#2458d6', '#d6792a', '#1d7a46', '#8e3ab8', '#b3261e', '#3a8ea8', '#7a7a7a'];

function number(...values) {
  const found = values.find(value => typeof value === 'number' && Number.isFinite(value));
  return found === undefined ? null : found;
}

/** Snapshots oldest first as {time, series: Map(name -> position)}. */
export function normalizeSnapshots(snapshots) {
  return (snapshots || [])
    .map(snapshot => {
      const time = new Date(snapshot.at || snapshot.time || snapshot.takenAt || snapshot.createdAt || 0).getTime();
      const series = new Map();
      const own = number(snapshot.position, snapshot.ownPosition, snapshot.rank, snapshot.own?.position);
      if (own !== null) {
        series.set('You', own);
      }
      const competitors = Array.isArray(snapshot.competitors) ? snapshot.competitors : [];
      for (const competitor of competitors) {
        const name = competitor.name || competitor.competitor || competitor.domain;
        const position = number(competitor.position, competitor.rank);
        if (name && position !== null) {
          series.set(name, position);
        }
      }
      return { time, series };
    })
    .filter(snapshot => snapshot.series.size > 0)
    .sort((a, b) => a.time - b.time);
}

function element(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Draws the snapshots into container (replacing what was there); answers the number of points drawn. */
export function drawRankingChart(container, snapshots, title) {
  const points = normalizeSnapshots(snapshots);
  container.replaceChildren();
  container.dataset.points = String(points.length);
  if (points.length === 0) {
    container.textContent = 'No rankings yet.';
    return 0;
  }
  const names = [...new Set(points.flatMap(point => [...point.series.keys()]))];
  const worst = Math.max(...points.flatMap(point => [...point.series.values()]), 2);
  const first = points[0].time;
  const span = Math.max(points[points.length - 1].time - first, 1);
  const x = time => PAD.left + (points.length === 1 ? 0.5 : (time - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = position => PAD.top + ((position - 1) / (worst - 1)) * (HEIGHT - PAD.top - PAD.bottom);

  const svg = element('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title });
  svg.append(element('title', {}, title));
  for (const position of [1, Math.ceil(worst / 2), worst]) {
    svg.append(element('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(position), y2: y(position),
      stroke: '#e3e7ee' }));
    svg.append(element('text', { x: 4, y: y(position) + 4, 'font-size': 11, fill: '#5b6575' }, `#${position}`));
  }
  svg.append(element('text', { x: PAD.left, y: HEIGHT - 8, 'font-size': 11, fill: '#5b6575' },
    new Date(first).toLocaleString()));
  names.forEach((name, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const line = points.filter(point => point.series.has(name))
      .map(point => `${x(point.time).toFixed(1)},${y(point.series.get(name)).toFixed(1)}`);
    svg.append(element('polyline', { points: line.join(' '), fill: 'none', stroke: colour,
      'stroke-width': name === 'You' ? 3 : 1.5, 'data-series': name }));
    const last = points[points.length - 1];
    if (last.series.has(name)) {
      svg.append(element('circle', { cx: x(last.time), cy: y(last.series.get(name)), r: 3.5, fill: colour }));
    }
  });
  const legend = document.createElement('ul');
  legend.className = 'legend';
  names.forEach((name, index) => {
    const item = document.createElement('li');
    item.style.color = COLOURS[index % COLOURS.length];
    const latest = points[points.length - 1].series.get(name);
    item.textContent = `${name}${latest === undefined ? '' : `: #${latest}`}`;
    legend.append(item);
  });
  container.append(svg, legend);
  return points.length;
}
