/** Stands in for the overlay UI when `npm run size` measures the content script's core. */
export async function mountOverlay(): Promise<void> {}
