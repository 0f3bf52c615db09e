/** The time frame of the sample: 2021-01-01 … 2025-06-30, as of 2025-06-30. */
import { dayOf } from './dates.ts';

export const PERIOD_START = dayOf(2021, 1, 1);
export const AS_OF = dayOf(2025, 6, 30);
export const AS_OF_ISO = '2025-06-30';
export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
/** Share of each year inside the period (2025 ends on 30 June). */
export const YEAR_SHARE: Readonly<Record<number, number>> = { 2021: 1, 2022: 1, 2023: 1, 2024: 1, 2025: 0.5 };
/** Quarters covered: 2021-Q1 … 2025-Q2. */
export const QUARTERS: readonly { year: number; quarter: number }[] = YEARS.flatMap((year) =>
  [1, 2, 3, 4].filter((q) => year < 2025 || q <= 2).map((quarter) => ({ year, quarter })),
);
