import { describe, expect, it } from 'vitest';
import { HostError } from '../../src/shared/api/errors';
import { dispatch } from '../../src/shared/api/dispatch';
import { createHostHandlers, createInProcessHost } from '../../src/main/handlers';
import type { HandlerContext } from '../../src/shared/api/contract';

const host = createInProcessHost();

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

describe('host handlers, in process', () => {
  it('reports app info with the transport it was called on', async () => {
    const info = await host['app-info']({});
    expect(info).toMatchObject({ name: 'Fanfare', transport: 'in-process', platform: process.platform, electron: null });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.node).toBe(process.versions.node);
  });

  it('refuses invalid input with a readable message per field', async () => {
    const error = await failure(host['documents-store-file']({ fileName: ' ', base64: 'AAAA' }));
    expect(error.code).toBe('invalid-input');
    expect(error.fields).toEqual({ fileName: 'The file needs a name' });
    expect(error.message).toContain('The file needs a name');
  });

  it('refuses unexpected fields', async () => {
    const error = await failure(host['app-info']({ admin: true } as never));
    expect(error.code).toBe('invalid-input');
  });

  it('refuses a method the contract does not have', async () => {
    const ctx: HandlerContext = { transport: 'in-process', progress: () => undefined, signal: new AbortController().signal };
    const error = await failure(dispatch(createHostHandlers(), 'delete-everything', {}, ctx));
    expect(error.code).toBe('unknown-method');
    expect(error.message).toContain('delete-everything');
  });

  it('passes progress through to the caller', async () => {
    const messages: string[] = [];
    const report = await host['media-tools-check']({}, { onProgress: (p) => messages.push(p.message) });
    expect(report.tools.map((t) => t.name)).toEqual(['ffmpeg', 'ffprobe']);
    expect(messages).toEqual(expect.arrayContaining(['Checking ffmpeg…', 'Checking ffprobe…']));
  });
});
