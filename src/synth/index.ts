/** Deterministic sample and synthetic datasets (see scripts/synth.ts). */
export { DEFAULT_SEED, dataPackage, generate, generateDataset, type Counts, type SynthOptions } from './generate.ts';
export { CsvDirectorySink, toCsv, writeDataPackage } from './write-csv.ts';
export { isValidUscc, usccCheckChar } from '../validate/identifiers.ts';
export { PINGHU_TARGETS } from './plan.ts';
export { NATIONAL_COUNT } from './places.ts';
