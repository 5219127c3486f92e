/**
 * Version colours, as in rollouts-demo: a colour *is* a version. Images whose tag names one of
 * the demo's colours get the demo's exact hex; every other image gets a distinct colour from a
 * fixed palette, chosen by a hash of the image so the same image always looks the same.
 */
import { interpolateRgb } from 'd3-interpolate';

/** The rollouts-demo colours (red #FB3D3D … purple #6D3DFB). */
export const DEMO_COLOURS: Readonly<Record<string, string>> = {
  red: '#FB3D3D',
  orange: '#FB823D',
  yellow: '#C9FF0D',
  green: '#3DFB78',
  blue: '#0B9AFF',
  purple: '#6D3DFB',
};

/** Colours for images that are not demo colours (none of them close to a demo colour). */
const PALETTE = [
  '#14B8A6',
  '#EC4899',
  '#A16207',
  '#0EA5E9',
  '#84CC16',
  '#F43F5E',
  '#8B5CF6',
  '#64748B',
];

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** VersionColour is how one image is drawn. */
export interface VersionColour {
  /** Fill colour. */
  readonly fill: string;
  /** A darker shade for borders and text on light backgrounds. */
  readonly stroke: string;
  /** Black or white, whichever reads on the fill. */
  readonly ink: string;
}

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** colourOf returns the colour of an image (`argoproj/rollouts-demo:yellow` → the demo's yellow). */
export function colourOf(image: string): VersionColour {
  const tag = image.slice(image.lastIndexOf(':') + 1).toLowerCase();
  const demo = Object.keys(DEMO_COLOURS).find(
    (c) => tag === c || tag.endsWith(`-${c}`) || tag.startsWith(`${c}-`),
  );
  const fill = demo ? DEMO_COLOURS[demo] : PALETTE[hash(image) % PALETTE.length];
  return {
    fill,
    stroke: interpolateRgb(fill, '#000')(0.35),
    ink: luminance(fill) > 0.35 ? '#111827' : '#ffffff',
  };
}
