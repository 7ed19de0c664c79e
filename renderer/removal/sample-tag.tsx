import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/context';
import { findSample, type SampleHoldings } from './sample';
import './removal.css';

/** What of the first-run sample this laptop holds (undefined while loading). */
export function useSample(): SampleHoldings | undefined {
  const { db } = useServices();
  return useLiveQuery(() => findSample(db), [db]);
}

/** The "Sample" label, shown beside the sample's plan, board, meeting and pack (one component, in the kit). */
export { SampleTag } from '../components/sample-tag';
