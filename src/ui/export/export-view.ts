// Export the current view for slides: the cluster as a standalone SVG (styles inlined, controls
// removed, message particles drawn in), or as a PNG rendered from that SVG.
import { lastFrame } from '../messages/particle-frame';

const STYLE_PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-weight',
  'font-family',
  'text-anchor',
];

export function downloadText(name: string, text: string, type: string): void {
  download(name, new Blob([text], { type }));
}

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The stage SVG with computed styles inlined, buttons removed, particles added, on a background. */
export function standaloneSvg(): string | null {
  const svg = document.querySelector<SVGSVGElement>('.stage-svg');
  if (!svg) return null;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = svg.querySelectorAll('*');
  copy.querySelectorAll('*').forEach((el, i) => {
    const cs = getComputedStyle(originals[i]!);
    const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    el.setAttribute('style', style);
  });
  copy.querySelectorAll('foreignObject').forEach((f) => f.remove());
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const bg =
    getComputedStyle(document.querySelector('.app')!).getPropertyValue('--bg') || '#ffffff';
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', bg.trim());
  copy.insertBefore(rect, copy.firstChild);
  for (const dot of particleDots()) copy.append(dot);
  return new XMLSerializer().serializeToString(copy);
}

/** The message particles of the last frame, as SVG circles. */
function particleDots(): SVGElement[] {
  return lastFrame.dots.map(([x, y, r, color]) => {
    const c = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    c.setAttribute('cx', String(x));
    c.setAttribute('cy', String(y));
    c.setAttribute('r', String(r));
    c.setAttribute('fill', color);
    return c;
  });
}

export async function pngFromSvg(svgText: string, width: number, height: number): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be rendered'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
