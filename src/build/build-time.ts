/**
 * When the build says it was made: now, or SOURCE_DATE_EPOCH (seconds) when set, the convention of
 * reproducible builds, so that two builds of the same release (or the shards of one) give the
 * same files.
 */
export function buildTime(epoch = process.env['SOURCE_DATE_EPOCH']): Date {
  if (epoch === undefined || epoch.trim() === '') return new Date();
  const seconds = Number(epoch);
  if (!Number.isInteger(seconds) || seconds < 0)
    throw new Error(`SOURCE_DATE_EPOCH must be whole seconds, not "${epoch}"`);
  return new Date(seconds * 1000);
}
