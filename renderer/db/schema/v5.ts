// Schema version 5 (member annotations). Shipped: never edit, add a version.
// One index, on the annotated target, for "the annotations on this action": merging another
// member's file must stay close to the cost of a bare write, and every index costs every put.
export const v5 = {
  version: 5,
  stores: {
    annotations: 'id, targetKey',
  },
} as const;
