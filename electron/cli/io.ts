// Where the CLI writes. Its own module so that the commands (pack.ts, …) can take it without
// importing cli.ts, which imports them.

export type CliIo = { out: (text: string) => void; err: (text: string) => void };
