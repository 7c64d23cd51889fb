import * as Y from 'yjs';
import { describeFieldErrors, fieldErrorsFrom } from '../api/validation';
import { CommandError } from './command-error';
import { newId } from './ids';
import type { RecordInput, RecordOf } from './records';
import { baseFieldNames, collections, collectionNames, type CollectionName, type RecordBase } from './schemas';
import { appendHistory, historyArray, readHistory, type FieldChange, type FieldChangeView } from './history';
import { isCarriedOver, parseKeepingCarriedOver } from './stored-values';
import { collectionMap, LOCAL_ORIGIN, readAll, readRecord, sameJson, SYSTEM_ORIGIN, writeFields } from './ydoc';

export interface StoreOptions {
  /** The teammate making the changes, stamped on new records and in each record's history. */
  actorId?: string | null;
  actorName?: string | null;
  now?: () => Date;
}

export interface CreateOptions {
  id?: string;
  position?: number;
  /** Demo data and imports of records that already exist elsewhere are not the user's edits to undo. */
  origin?: typeof LOCAL_ORIGIN | typeof SYSTEM_ORIGIN;
}

/** One step of `applyAll`. */
export type StoreOperation =
  | { kind: 'create'; collection: CollectionName; id: string; input: Record<string, unknown>; label?: string }
  | { kind: 'update'; collection: CollectionName; id: string; patch: Record<string, unknown>; label?: string }
  | { kind: 'soft-delete'; collection: CollectionName; id: string }
  /** Lines for a record's history that are not edits of its own fields (e.g. values a merge did not keep). */
  | { kind: 'history'; collection: CollectionName; id: string; lines: Pick<FieldChange, 'field' | 'value' | 'previous' | 'note'>[] };

export interface UpdateOptions {
  /** The app's own bookkeeping (a workspace rename) is not an edit for Ctrl+Z to take back. */
  origin?: typeof LOCAL_ORIGIN | typeof SYSTEM_ORIGIN;
}

/**
 * The domain commands: the one write path. Every change goes into the Y.Doc
 * through here, validated first; the projection follows the Y.Doc.
 */
export class WorkspaceStore {
  readonly doc: Y.Doc;
  private undoManager: Y.UndoManager | null = null;
  private readonly actorId: string | null;
  private actorName: string | null;
  private readonly now: () => Date;
  private readonly lastPosition = new Map<CollectionName, number>();
  /** History lists touched before the undo manager exists join its scope when it is made. */
  private readonly pendingScope: Y.Array<FieldChange>[] = [];

  constructor(doc: Y.Doc, options: StoreOptions = {}) {
    this.doc = doc;
    this.actorId = options.actorId ?? null;
    this.actorName = options.actorName ?? null;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Created on the first local edit, not before: an UndoManager watching the
   * doc makes loading a big workspace a third slower, and there is nothing
   * to undo until the user changes something.
   */
  private transactAs(origin: string, fn: () => void): void {
    if (origin !== LOCAL_ORIGIN) {
      this.doc.transact(fn, origin);
      return;
    }
    this.undoManager ??= new Y.UndoManager(
      [...collectionNames.map((c) => collectionMap(this.doc, c)), ...this.pendingScope],
      // One command is one user action, so one undo step: merging steps by time also grows quadratically.
      { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 },
    );
    this.doc.transact(fn, LOCAL_ORIGIN);
  }

  /** People rename themselves; later history lines carry the new name. */
  setActorName(name: string | null): void {
    this.actorName = name;
  }

  /** Undo takes back a history line with the edit it records. */
  private undoScope(type: Y.Array<FieldChange>): void {
    this.pendingScope.push(type);
    this.undoManager?.addToScope(type);
  }

  /** The record's field history, newest first (see history.ts). */
  history(collection: CollectionName, id: string): FieldChangeView[] {
    return readHistory(this.doc, collection, id, readRecord(this.doc, collection, id));
  }

  get<C extends CollectionName>(collection: C, id: string): RecordOf<C> | null {
    return readRecord(this.doc, collection, id) as RecordOf<C> | null;
  }

  list<C extends CollectionName>(collection: C, { includeDeleted = false } = {}): RecordOf<C>[] {
    const all = readAll(this.doc, collection) as RecordOf<C>[];
    return includeDeleted ? all : all.filter((r) => !r.deletedAt);
  }

  create<C extends CollectionName>(collection: C, input: RecordInput<C>, options: CreateOptions = {}): RecordOf<C> {
    return this.createMany(collection, [input], options.id ? [options] : [options])[0];
  }

  /** Validates every input first, then writes all of them in one transaction: all or nothing. */
  createMany<C extends CollectionName>(collection: C, inputs: RecordInput<C>[], options: CreateOptions[] = []): RecordOf<C>[] {
    const stamp = this.now().toISOString();
    const records = inputs.map((input, index) => {
      const opts = options[index] ?? options[0] ?? {};
      return this.prepareCreate(collection, input as Record<string, unknown>, { id: opts.id, position: opts.position, stamp, label: inputs.length > 1 ? `item ${index + 1}` : undefined });
    });
    const write = () => {
      for (const record of records) writeFields(this.doc, collection, record.id, record);
    };
    this.transactAs(options[0]?.origin ?? LOCAL_ORIGIN, write);
    return records as RecordOf<C>[];
  }

  /**
   * Validates one new record and stamps it. `label` says which one failed
   * ("item 3", "row 12") when several are written together.
   */
  private prepareCreate(collection: CollectionName, input: Record<string, unknown>, at: { id?: string; position?: number; stamp: string; label?: string }): RecordBase & Record<string, unknown> {
    const def = collections[collection];
    const result = def.fields.safeParse(input);
    if (!result.success) {
      const fields = fieldErrorsFrom(result.error);
      const where = at.label ? ` (${at.label})` : '';
      throw new CommandError('invalid', `This ${def.noun} cannot be saved${where}: ${describeFieldErrors(fields)}`, fields);
    }
    const id = at.id ?? newId();
    if (collectionMap(this.doc, collection).has(id)) {
      throw new CommandError('exists', `A ${def.noun} with this id already exists.`, { id: 'Already used' });
    }
    let position = at.position;
    if (position === undefined) {
      position = this.nextPosition(collection);
      this.lastPosition.set(collection, position);
    } else if (position > (this.lastPosition.get(collection) ?? -Infinity)) {
      this.lastPosition.set(collection, position);
    }
    return {
      ...(result.data as Record<string, unknown>),
      id,
      schemaVersion: def.version,
      position,
      createdAt: at.stamp,
      updatedAt: at.stamp,
      createdBy: this.actorId,
      deletedAt: null,
    };
  }

  update<C extends CollectionName>(collection: C, id: string, patch: Partial<RecordInput<C>>, options: UpdateOptions = {}): RecordOf<C> {
    const origin = options.origin ?? LOCAL_ORIGIN;
    const write = this.prepareUpdate(collection, id, patch as Record<string, unknown>, origin);
    this.transactAs(origin, write);
    return this.get(collection, id)!;
  }

  /**
   * Several changes as one action: every one is checked before any is
   * written, they land in one transaction, and one Ctrl+Z takes them all back.
   */
  applyAll(operations: StoreOperation[]): void {
    const at = this.now().toISOString();
    const creating = new Set<string>();
    const writes = operations.map((op) => {
      if (op.kind === 'create') {
        // Two creates of one id in one batch would silently become one record.
        if (creating.has(op.id)) throw new CommandError('invalid', `Two new ${collections[op.collection].noun}s share the id ${op.id}.`, { id: 'Already used' });
        creating.add(op.id);
        const record = this.prepareCreate(op.collection, op.input, { id: op.id, stamp: at, label: op.label });
        return () => writeFields(this.doc, op.collection, op.id, record);
      }
      if (op.kind === 'update') return this.prepareUpdate(op.collection, op.id, op.patch, LOCAL_ORIGIN, op.label);
      if (op.kind === 'history') {
        this.requireRecord(op.collection, op.id);
        this.undoScope(historyArray(this.doc, op.collection, op.id));
        const lines = op.lines.map((line) => ({ ...line, by: this.actorId, byName: this.actorName, at }));
        return () => appendHistory(this.doc, op.collection, op.id, lines);
      }
      this.requireRecord(op.collection, op.id);
      return () => writeFields(this.doc, op.collection, op.id, { deletedAt: at, updatedAt: at });
    });
    this.transactAs(LOCAL_ORIGIN, () => writes.forEach((write) => write()));
  }

  /** Validates a patch against the whole record and returns the write, with its history lines. */
  private prepareUpdate(collection: CollectionName, id: string, patch: Record<string, unknown>, origin: string, label?: string): () => void {
    const def = collections[collection];
    const existing = this.requireRecord(collection, id);
    const editable: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(existing)) if (!(baseFieldNames as readonly string[]).includes(key)) editable[key] = value;
    const next = { ...editable, ...patch };
    const result = def.fields.safeParse(next);
    let parsed: Record<string, unknown>;
    if (result.success) parsed = result.data as Record<string, unknown>;
    else {
      const fresh = result.error.issues.filter((issue) => !isCarriedOver(issue.path, next, existing));
      if (fresh.length > 0) {
        const fields = fieldErrorsFrom({ issues: fresh });
        const where = label ? ` (${label})` : '';
        throw new CommandError('invalid', `This ${def.noun} cannot be saved${where}: ${describeFieldErrors(fields)}`, fields);
      }
      parsed = parseKeepingCarriedOver(def.fields, next, result.error.issues, patch);
    }
    const changes: Record<string, unknown> = {};
    for (const key of Object.keys(patch)) if (key in parsed && !sameJson(existing[key], parsed[key])) changes[key] = parsed[key];
    // Saving what is already there is not a change: no new time stamp, no empty undo step.
    if (Object.keys(changes).length === 0) return () => undefined;
    const at = this.now().toISOString();
    changes.updatedAt = at;
    // A person's edits are history; the app's own bookkeeping (summaries, links) is not.
    const logged = origin !== LOCAL_ORIGIN ? [] : Object.keys(changes)
      .filter((field) => field !== 'updatedAt')
      .map((field) => ({ field, value: changes[field], previous: existing[field] ?? null, by: this.actorId, byName: this.actorName, at }));
    if (logged.length > 0) this.undoScope(historyArray(this.doc, collection, id));
    return () => {
      writeFields(this.doc, collection, id, changes);
      appendHistory(this.doc, collection, id, logged);
    };
  }

  /** Reordering writes one number: the midpoint between the new neighbours. */
  move<C extends CollectionName>(collection: C, id: string, between: { before?: number | null; after?: number | null }): void {
    this.requireRecord(collection, id);
    const { before, after } = between;
    const position = before != null && after != null ? (before + after) / 2
      : before != null ? before - 1 : after != null ? after + 1 : 0;
    this.transactAs(LOCAL_ORIGIN, () => writeFields(this.doc, collection, id, { position, updatedAt: this.now().toISOString() }));
  }

  softDelete(collection: CollectionName, ids: string[]): void {
    this.setDeleted(collection, ids, this.now().toISOString());
  }

  restore(collection: CollectionName, ids: string[]): void {
    this.setDeleted(collection, ids, null);
  }

  undo(): boolean {
    return (this.undoManager?.undo() ?? null) !== null;
  }

  redo(): boolean {
    return (this.undoManager?.redo() ?? null) !== null;
  }

  /** Separate the next edit from the previous one in the undo history (e.g. after a form is submitted). */
  stopCapturing(): void {
    this.undoManager?.stopCapturing();
  }

  destroy(): void {
    this.undoManager?.destroy();
  }

  private setDeleted(collection: CollectionName, ids: string[], deletedAt: string | null): void {
    for (const id of ids) this.requireRecord(collection, id);
    const updatedAt = this.now().toISOString();
    this.transactAs(LOCAL_ORIGIN, () => {
      for (const id of ids) writeFields(this.doc, collection, id, { deletedAt, updatedAt });
    });
  }

  private requireRecord(collection: CollectionName, id: string): Record<string, unknown> {
    const record = readRecord(this.doc, collection, id);
    if (!record) throw new CommandError('not-found', `This ${collections[collection].noun} no longer exists.`);
    return record;
  }

  /**
   * New records go to the end. The scan happens once per collection; after
   * that a counter is enough, and a tie with a teammate's record only means
   * the two sort by id.
   */
  private nextPosition(collection: CollectionName): number {
    let max = this.lastPosition.get(collection);
    if (max === undefined) {
      max = 0;
      collectionMap(this.doc, collection).forEach((map) => {
        const p = map.get('position');
        if (typeof p === 'number' && p > max!) max = p;
      });
    }
    return max + 1;
  }
}
