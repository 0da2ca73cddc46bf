// The particles of the last frame drawn (x, y, radius, colour), for exporting the view.
export const lastFrame: { dots: [number, number, number, string][] } = { dots: [] };
