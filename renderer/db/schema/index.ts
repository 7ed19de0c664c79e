import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';
import { v6 } from './v6';
import { v9 } from './v9';
import { v10 } from './v10';
import { v11 } from './v11';
import { v13 } from './v13';
import type { Transaction } from 'dexie';

/** A version's tables and indexes, and (rarely) a data upgrade run once when a store reaches it. */
export type SchemaVersion = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
};

/** Every schema version ever shipped, oldest first. Append only. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [v1, v2, v3, v4, v5, v6, v9, v10, v11, v13];
