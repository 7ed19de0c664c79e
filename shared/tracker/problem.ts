// Tracker problems share the plan validator's shape, so the import dialog lists both alike.
// For a tracker, `path` names the cell as a spreadsheet does (`Sheet1!D14`), `line` is the
// row number and `column` the 1-based column number.
export type { Problem } from '../plan/validate';
