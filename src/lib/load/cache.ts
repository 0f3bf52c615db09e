/**
 * The one cache of the build: a loader that runs at most once per build process (a figure over
 * all pages, such as the medians every community page compares with). Per-page data is never
 * cached: each page reads its own rows and lets them go.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () =>
    (cached ??= load().catch((error: unknown) => {
      cached = undefined;
      throw error;
    }));
}
