import { describe, expect, it } from 'vitest';
import { parseCli } from '../../sync-server/cli-args';

const MB = 1024 * 1024;

describe('sync-server command line: in-flight limits', () => {
  it('leaves them to the server by default, and takes them in megabytes', () => {
    expect(parseCli([]).options.maxInflightBytesPerToken).toBeUndefined();
    const { options } = parseCli(['--max-inflight-mb-per-token', '200', '--max-inflight-mb-per-workspace', '500']);
    expect(options.maxInflightBytesPerToken).toBe(200 * MB);
    expect(options.maxInflightBytesPerWorkspace).toBe(500 * MB);
  });

  it('refuses a limit below the message size, in one sentence', () => {
    expect(() => parseCli(['--max-message-mb', '100', '--max-inflight-mb-per-token', '64'])).toThrow(
      '--max-inflight-mb-per-token must be at least --max-message-mb (100 MB), or the largest change could never be received.',
    );
    expect(() => parseCli(['--max-inflight-mb-per-workspace', 'lots'])).toThrow('--max-inflight-mb-per-workspace must be a positive number of megabytes.');
  });
});
