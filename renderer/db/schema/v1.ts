// Schema version 1 (foundation): only the app's own facts. Shipped: never edit, add a version.
export const v1 = {
  version: 1,
  stores: {
    meta: 'key',
  },
} as const;
