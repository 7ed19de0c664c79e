import { searchDocumentId, snippetOf, type SearchDocument } from '../../shared/plan-review/search-documents';
import { isPlanAnnotation, type AnnotationRecord, type PlanAnnotationRecord } from '../../shared/annotations/types';

// Annotations in the search index: one document per live (not deleted) annotation, under the
// plan it is about, opening the entity it annotates.

const KIND_WORDS: Record<AnnotationRecord['kind'], string> = {
  note: 'Note',
  question: 'Question',
  concern: 'Concern',
  praise: 'Praise',
  assurance: 'Assurance view',
};

/** The search document id of an annotation. */
export function annotationDocumentId(record: Pick<PlanAnnotationRecord, 'id' | 'target'>): string {
  return searchDocumentId(record.target.planId, 'annotation', record.id);
}

/** The search document of a live annotation. */
export function annotationSearchDocument(record: PlanAnnotationRecord): SearchDocument {
  const text = [record.text, record.answer?.text ?? '', ...record.tags].filter((part) => part !== '').join(' ');
  return {
    id: annotationDocumentId(record),
    planId: record.target.planId,
    kind: 'annotation',
    targetKind: record.target.kind,
    targetId: record.target.id,
    label: `${KIND_WORDS[record.kind]} by ${record.authorName}`,
    text,
    snippet: snippetOf(record.text),
  };
}

/** What saving these annotation records means for the index: deleted ones removed, live ones added or replaced. */
export function annotationSearchChanges(records: readonly AnnotationRecord[]): { upsert: SearchDocument[]; remove: string[] } {
  const upsert: SearchDocument[] = [];
  const remove: string[] = [];
  for (const record of records) {
    // Highlights on board papers belong to no plan: the papers feature (renderer/papers/) shows them.
    if (!isPlanAnnotation(record)) continue;
    if (record.deleted) remove.push(annotationDocumentId(record));
    else upsert.push(annotationSearchDocument(record));
  }
  return { upsert, remove };
}
