// The tracking import moved to src/shared/import/; this stays until shipment-writes.ts and
// tracking-import-modal.tsx (another engineer's files just now) import it from there.
export * from '../import/tracking-import';
