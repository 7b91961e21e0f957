/** Setup tools' output boiled down to the one line npm start prints as its reason. */
import { describe, expect, it } from 'vitest';
import { runTool, summarize } from './run-tool';

describe('tool output summary', () => {
  it('finds the network cause in what Electron, prebuild-install and node-gyp print', () => {
    expect(
      summarize(
        'RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous> (/x/got.js:970:111)\n',
      ),
    ).toBe('getaddrinfo ENOTFOUND github.com');
    expect(
      summarize(
        'prebuild-install info begin\nprebuild-install warn install getaddrinfo ENOTFOUND github.com\n',
      ),
    ).toBe('getaddrinfo ENOTFOUND github.com');
    expect(
      summarize(
        'gyp info it worked if it ends with ok\ngyp ERR! configure error\ngyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and\ngyp ERR! stack is related to network connectivity. In most cases you are behind a proxy\ngyp ERR! not ok\n',
      ),
    ).toBe('network connectivity');
  });

  it('falls back to the first error line, then the last line', () => {
    expect(summarize('ok so far\nError: cannot find module x\nbye\n')).toBe('cannot find module x');
    expect(summarize('one\ntwo\n')).toBe('two');
    expect(summarize('')).toBe('no output');
  });

  it('runs a command with a time limit', async () => {
    const done = await runTool(process.execPath, ['-e', 'console.log("fine")'], {
      timeoutMs: 10_000,
    });
    expect(done).toMatchObject({ ok: true, reason: '' });
    const failed = await runTool(
      process.execPath,
      ['-e', 'console.error("Error: nope"); process.exit(3)'],
      {
        timeoutMs: 10_000,
      },
    );
    expect(failed).toMatchObject({ ok: false, reason: 'nope (exit 3)' });
    const slow = await runTool(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      timeoutMs: 300,
    });
    expect(slow).toMatchObject({ ok: false, reason: 'no answer within 1 s' });
    const missing = await runTool('/no/such/tool', [], { timeoutMs: 1000 });
    expect(missing.ok).toBe(false);
  });
});
