// What the last frame drew: the particles (x, y, radius, colour) for exporting the view, and how
// many labels it showed.
export const lastFrame: { dots: [number, number, number, string][]; labels: number } = {
  dots: [],
  labels: 0,
};
