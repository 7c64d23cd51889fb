import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { signedCopyMessage, signedCopyWrites } from '../../../src/shared/documents/attach-signed-copy';
import type { SignedCopyCheck } from '../../../src/shared/documents/signed-copy';

const sha = (c: string) => c.repeat(64);
const file = (c: string, name: string) => ({ sha256: sha(c), fileName: name, mimeType: 'application/pdf', sizeBytes: 1234 });
const ok = (by: string, on: string): SignedCopyCheck => ({ verdict: 'ok', reasons: [], signedBy: by, signedOn: on });

function setup() {
  const store = new WorkspaceStore(new Y.Doc());
  const contract = store.create('documents', {
    kind: 'contract', title: 'Creator agreement – Maya Johnson', status: 'sent', creatorId: 'cr-maya', campaignId: 'k1',
    mergeValues: { 'creator.name': 'Maya Johnson', clauses: 'parties,fee' },
  });
  const attach = (name: string, check: SignedCopyCheck, assetId: string, c = 'a') => {
    const current = store.get('documents', contract.id)!;
    store.applyAll(signedCopyWrites(current, file(c, name), check, assetId));
  };
  return { store, contract, attach };
}

const fieldsOf = (r: { status: string; signedAssetId: string | null; mergeValues: Record<string, string> } | null) => r && { status: r.status, signedAssetId: r.signedAssetId, mergeValues: r.mergeValues };

describe('attaching a signed copy', () => {
  it('stores the file and marks the contract signed, with who and when', () => {
    const { store, contract, attach } = setup();
    attach('signed.pdf', ok('MAYA JOHNSON', '2026-05-22'), 'as-1');
    expect(fieldsOf(store.get('documents', contract.id))).toEqual({
      status: 'signed', signedAssetId: 'as-1', mergeValues: { 'creator.name': 'Maya Johnson', clauses: 'parties,fee', 'signed.by': 'MAYA JOHNSON', 'signed.on': '2026-05-22' },
    });
    expect(store.get('assets', 'as-1')).toMatchObject({ fileName: 'signed.pdf', kind: 'document', creatorId: 'cr-maya', campaignId: 'k1', tags: ['signed contract'] });
  });

  it('is one undo step: undo takes back the file, the status, the signer and the date', () => {
    const { store, contract, attach } = setup();
    const before = fieldsOf(store.get('documents', contract.id));
    attach('signed.pdf', ok('MAYA JOHNSON', '2026-05-22'), 'as-1');
    expect(store.undo()).toBe(true);
    expect(fieldsOf(store.get('documents', contract.id))).toEqual(before);
    expect(store.get('assets', 'as-1')).toBeNull();
  });

  it('undoing a replacement brings back the first copy with its signer and date', () => {
    const { store, contract, attach } = setup();
    attach('signed.pdf', ok('MAYA JOHNSON', '2026-05-22'), 'as-1');
    const first = fieldsOf(store.get('documents', contract.id));
    attach('plan.pdf', { verdict: 'confirm', reasons: ['This is not the contract for Maya Johnson: it is a campaign plan.'], signedBy: '', signedOn: '' }, 'as-2', 'b');
    expect(store.get('documents', contract.id)!.mergeValues).toMatchObject({ 'signed.by': '', 'signed.unchecked': 'This is not the contract for Maya Johnson: it is a campaign plan.' });
    expect(store.undo()).toBe(true);
    expect(fieldsOf(store.get('documents', contract.id))).toEqual(first);
    expect(store.get('assets', 'as-1')).not.toBeNull();
    expect(store.get('assets', 'as-2')).toBeNull();
  });

  it('keeps a countersigned contract countersigned, and drops an old "attached anyway" note when a checked copy replaces it', () => {
    const { store, contract, attach } = setup();
    store.update('documents', contract.id, { status: 'countersigned', mergeValues: { 'creator.name': 'Maya Johnson', 'signed.unchecked': 'The signature field is empty.' } });
    attach('signed.pdf', ok('MAYA JOHNSON', '2026-05-22'), 'as-1');
    const after = store.get('documents', contract.id)!;
    expect(after.status).toBe('countersigned');
    expect(after.mergeValues).not.toHaveProperty('signed.unchecked');
  });

  it('never writes a refused file', () => {
    const { contract } = setup();
    expect(() => signedCopyWrites({ ...contract, creatorId: 'cr-maya' }, file('a', 'x.pdf'), { verdict: 'refuse', reasons: ['This file is not a PDF.'], signedBy: '', signedOn: '' }, 'as-1'))
      .toThrow('This file is not a PDF.');
  });

  it('says what was attached', () => {
    expect(signedCopyMessage('C', ok('MAYA JOHNSON', '2026-05-22'))).toBe('Signed copy attached: signed by MAYA JOHNSON on 2026-05-22');
    expect(signedCopyMessage('C', { verdict: 'confirm', reasons: ['x'], signedBy: '', signedOn: '' })).toBe('Signed copy of “C” attached without the check passing.');
  });
});
