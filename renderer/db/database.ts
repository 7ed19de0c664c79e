import { Dexie, type EntityTable, type Table } from 'dexie';
import { SCHEMA_VERSIONS } from './schema';
import type { AnnotationRecord } from '../annotations/types';
import type { Board, Meeting, MeetingRecord } from '../../shared/meetings/schema';
import type { ActionRowChunkRecord, PlanSummaryRecord } from '../plan-review/records';
import type { PackRecord, PaperRecord, PaperTextRecord } from '../papers/types';
import type { SearchIndexRecord } from '../search/types';
import type { EntityHashesRecord } from '../../shared/plan/entity-hashes';
import type { VoiceRecord } from '../../shared/voice/schema';
import type { ChangeSetRecord, EntityRecord, ImportRecord, MetaRecord, PlanRecord } from './types';

export const DATABASE_NAME = 'oversight';

/** The one module that owns the local store. Repositories take an instance of it. */
export class OversightDatabase extends Dexie {
  meta!: EntityTable<MetaRecord, 'key'>;
  plans!: EntityTable<PlanRecord, 'id'>;
  entities!: Table<EntityRecord, [string, string, string]>;
  imports!: EntityTable<ImportRecord, 'id'>;
  changeSets!: EntityTable<ChangeSetRecord, 'importId'>;
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  board!: EntityTable<Board, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  meetingRecords!: EntityTable<MeetingRecord, 'id'>;
  planSummaries!: EntityTable<PlanSummaryRecord, 'planId'>;
  actionRowChunks!: Table<ActionRowChunkRecord, [string, number]>;
  entityHashes!: EntityTable<EntityHashesRecord, 'planId'>;
  searchIndex!: EntityTable<SearchIndexRecord, 'id'>;
  packs!: EntityTable<PackRecord, 'id'>;
  papers!: EntityTable<PaperRecord, 'id'>;
  paperTexts!: EntityTable<PaperTextRecord, 'id'>;
  voiceRecords!: EntityTable<VoiceRecord, 'id'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const schema of SCHEMA_VERSIONS) {
      const version = this.version(schema.version).stores(schema.stores);
      if (schema.upgrade) version.upgrade(schema.upgrade);
    }
  }
}

/** Opens (creating or upgrading) the store. */
export function openDatabase(name: string = DATABASE_NAME): OversightDatabase {
  return new OversightDatabase(name);
}
