/**
 * A grouped horizontal bar chart as SVG text, drawn here so the harness needs no charting
 * library: one group per scenario, one bar per server, its length the median req/s, its label
 * the value and the ratio to fastify.
 */
export interface Bar {
  server: string;
  value: number;
  label: string;
}

const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'];

export function barChart(title: string, groups: Array<{ name: string; bars: Bar[] }>, servers: string[]): string {
  const width = 900;
  const left = 150;
  const right = 190;
  const barHeight = 16;
  const gap = 4;
  const groupGap = 22;
  const top = 40;
  const max = Math.max(1, ...groups.flatMap((group) => group.bars.map((bar) => bar.value)));
  const scale = (width - left - right) / max;
  const parts: string[] = [];
  let y = top;
  for (const group of groups) {
    parts.push(`<text x="10" y="${y + 12}" font-weight="bold">${escapeXml(group.name)}</text>`);
    y += 18;
    for (const bar of group.bars) {
      const color = palette[servers.indexOf(bar.server) % palette.length];
      const length = Math.max(1, bar.value * scale);
      parts.push(
        `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${escapeXml(bar.server)}</text>`,
        `<rect x="${left}" y="${y}" width="${length.toFixed(1)}" height="${barHeight}" fill="${color}"/>`,
        `<text x="${(left + length + 6).toFixed(1)}" y="${y + 12}">${escapeXml(bar.label)}</text>`,
      );
      y += barHeight + gap;
    }
    y += groupGap;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="title">`,
    `<title id="title">${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
