import { v1 } from './v1';
import { v2 } from './v2';
import { v5 } from './v5';

export type SchemaVersion = { version: number; stores: Record<string, string | null> };

/** Every schema version ever shipped, oldest first. Append only. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [v1, v2, v5];
