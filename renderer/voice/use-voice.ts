import { useLiveQuery } from 'dexie-react-hooks';
import type { VoiceRecord } from '../../shared/voice/schema';
import { useServices } from '../app/context';
import { voiceRecordsOf } from './voice-repository';

/** A plan's families' voice records, newest first. */
export function useVoiceRecords(planId: string | undefined): VoiceRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (planId ? voiceRecordsOf(db, planId) : []), [db, planId]);
}
