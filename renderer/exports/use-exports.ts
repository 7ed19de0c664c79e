import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/context';
import { questionAuthors } from './gather';

/** The members who have shared questions (undefined while loading). */
export function useQuestionAuthors(): string[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => questionAuthors(db), [db]);
}
