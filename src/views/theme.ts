/**
 * Colours of the charts and the diagram, matching JupyterLab's light and dark themes. The
 * data palette is Okabe & Ito's (2008) colour-blind safe set, ordered per theme so the first
 * colours keep contrast against the background (black dropped: it vanishes on dark).
 */
export type ThemeName = 'light' | 'dark';

export interface Theme {
  name: ThemeName;
  background: string;
  /** Titles and main text. */
  text: string;
  /** Axis labels, secondary text. */
  muted: string;
  grid: string;
  /** Box outlines in the diagram, axis domains. */
  line: string;
  /** Box fills in the diagram (frames, blocks, statics). */
  panel: string;
  /** Dangling pointers, overflow notes. */
  danger: string;
  /** Categorical data colours, colour-blind safe. */
  palette: string[];
  /** Arrow colours of the diagram, one per pointer in turn (distinct where arrows cross). */
  arrows: string[];
  /** What changed since the previous step: outline and badge colour, and the fill of a changed cell. */
  accent: string;
  changed: string;
}

export const THEMES: Record<ThemeName, Theme> = {
  light: {
    name: 'light',
    background: '#ffffff',
    text: '#212121',
    muted: '#616161',
    grid: '#e0e0e0',
    line: '#9e9e9e',
    panel: '#f5f5f5',
    danger: '#c0392b',
    palette: ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442'],
    arrows: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'],
    accent: '#B26B00',
    changed: '#FFF1C2',
  },
  dark: {
    name: 'dark',
    background: '#111111',
    text: '#e0e0e0',
    muted: '#bdbdbd',
    grid: '#424242',
    line: '#757575',
    panel: '#212121',
    danger: '#ff6e6e',
    palette: ['#56B4E9', '#E69F00', '#009E73', '#F0E442', '#CC79A7', '#D55E00', '#0072B2'],
    arrows: ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00'],
    accent: '#F0C040',
    changed: '#4A3B00',
  },
};

/**
 * One colour per region and metric, the same in every chart and in both themes (a reader who
 * learnt "blue is the heap" keeps it): Okabe & Ito hues that hold contrast on white and on
 * JupyterLab's dark background.
 */
export const REGION_COLOURS = {
  static: '#CC79A7',
  stack: '#009E73',
  heapLive: '#0072B2',
  footprint: '#E69F00',
  allocWork: '#D55E00',
} as const;

export function themeOf(name: ThemeName | undefined): Theme {
  const theme = THEMES[name ?? 'light'];
  if (!theme) throw new RangeError(`theme must be 'light' or 'dark', got ${JSON.stringify(name)}`);
  return theme;
}

/** A vega-lite `config` applying the theme to every part of a chart. */
export function vegaConfig(theme: Theme): Record<string, unknown> {
  const axis = { labelColor: theme.muted, titleColor: theme.text, gridColor: theme.grid, domainColor: theme.line, tickColor: theme.line };
  return {
    background: theme.background,
    view: { stroke: theme.grid },
    font: 'sans-serif',
    axis,
    legend: { labelColor: theme.muted, titleColor: theme.text },
    header: { labelColor: theme.text, titleColor: theme.text },
    title: { color: theme.text, subtitleColor: theme.muted, anchor: 'start' },
    range: { category: theme.palette },
    mark: { color: theme.palette[0] },
  };
}
