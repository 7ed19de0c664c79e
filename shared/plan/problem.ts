// A located problem in an imported file. Its own module so that the locator and the validator
// can both name it without importing each other.

/** One problem found in a file: its JSON path and, where the text is known, its line and column. */
export type Problem = { path: string; message: string; line?: number; column?: number };
