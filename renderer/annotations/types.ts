// The annotation model lives in shared/ (the exchange format and the merge rules use it too).
export { ANNOTATION_KINDS, targetKeyOf } from '../../shared/annotations/types';
export type { AnnotationKind, AnnotationRecord, AnnotationTarget, PlanTargetKind, Profile } from '../../shared/annotations/types';
