// What the last frame drew: the particles (x, y, radius, colour) for exporting the view, and how
// many labels and waiting clocks it showed (tests read them).
export const lastFrame: {
  dots: [number, number, number, string][];
  labels: number;
  waiting: number;
} = { dots: [], labels: 0, waiting: 0 };
