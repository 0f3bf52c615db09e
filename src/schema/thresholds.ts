/** Numbers the data standard's rules name (§4 warnings), used by validation and by the pages. */

/** A survey with fewer respondents is too small to read as a rate (§4: survey-small-sample). */
export const MIN_RESPONDENTS = 30;

/** Registered population above this multiple of the resident population is flagged (§4: population-ratio). */
export const POPULATION_RATIO = 1.5;
