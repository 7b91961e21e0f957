/**
 * Log files on disk (a temporary folder): whole lines appended, a file that would pass its
 * cap renamed to NAME.1 and older ones shifted, at most `keep` old files, and a child's
 * output that arrives in pieces never split across two files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLogFile } from './log-file';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-log-file-'));
  file = path.join(dir, 'logs', 'hub.log');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (f: string): string => fs.readFileSync(f, 'utf8');
/** Line n, 40 bytes with its newline (n below 10). */
const line = (n: number): string => `${JSON.stringify({ n, msg: 'x'.repeat(23) })}\n`;
const files = (): string[] => fs.readdirSync(path.dirname(file)).sort();

describe('openLogFile', () => {
  it('appends to the existing file, creating its folder', () => {
    const first = openLogFile(file, { maxBytes: 10_000, keep: 2 });
    first.write(line(1));
    first.close();
    const second = openLogFile(file, { maxBytes: 10_000, keep: 2 });
    second.write(line(2));
    second.close();
    expect(read(file)).toBe(line(1) + line(2));
  });

  it('starts a new file when the next line would pass the cap, keeping the old as .1', () => {
    expect(line(1)).toHaveLength(40);
    const logFile = openLogFile(file, { maxBytes: 100, keep: 2 });
    for (let n = 1; n <= 3; n += 1) logFile.write(line(n));
    logFile.close();
    expect(files()).toEqual(['hub.log', 'hub.log.1']);
    expect(read(`${file}.1`)).toBe(line(1) + line(2));
    expect(read(file)).toBe(line(3));
  });

  it('keeps only `keep` old files, newest first, and drops the oldest lines', () => {
    const logFile = openLogFile(file, { maxBytes: 80, keep: 2 });
    for (let n = 1; n <= 8; n += 1) logFile.write(line(n));
    logFile.close();
    expect(files()).toEqual(['hub.log', 'hub.log.1', 'hub.log.2']);
    expect(read(file)).toBe(line(7) + line(8));
    expect(read(`${file}.1`)).toBe(line(5) + line(6));
    expect(read(`${file}.2`)).toBe(line(3) + line(4));
    for (const f of files()) expect(fs.statSync(path.join(path.dirname(file), f)).size).toBe(80);
  });

  it('counts what a file already holds when it is reopened', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, line(1) + line(2));
    const logFile = openLogFile(file, { maxBytes: 100, keep: 1 });
    logFile.write(line(3));
    logFile.close();
    expect(read(`${file}.1`)).toBe(line(1) + line(2));
    expect(read(file)).toBe(line(3));
  });

  it('never splits a line that arrives in pieces across two files', () => {
    const logFile = openLogFile(file, { maxBytes: 100, keep: 3 });
    const stream = line(1) + line(2) + line(3) + line(4);
    // stderr chunks cut anywhere, even inside a multi-byte character
    const bytes = Buffer.from(stream.replace(/x{23}/g, 'ééééééééééé'));
    for (let i = 0; i < bytes.length; i += 7) logFile.write(bytes.subarray(i, i + 7));
    logFile.close();
    const all = files().map((f) => read(path.join(path.dirname(file), f)));
    expect(all.length).toBeGreaterThan(1);
    for (const content of all) {
      expect(content.endsWith('\n')).toBe(true);
      for (const l of content.trimEnd().split('\n')) expect(() => JSON.parse(l)).not.toThrow();
    }
    expect(all.join('').split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('writes an unfinished last line when closed, and nothing after', () => {
    const logFile = openLogFile(file, { maxBytes: 1000, keep: 1 });
    logFile.write('{"msg":"half');
    expect(read(file)).toBe('');
    logFile.close();
    logFile.write(line(9));
    expect(read(file)).toBe('{"msg":"half');
  });

  it('writes a line longer than the cap whole, in a file of its own', () => {
    const logFile = openLogFile(file, { maxBytes: 50, keep: 2 });
    const long = `${JSON.stringify({ msg: 'y'.repeat(120) })}\n`;
    logFile.write(line(1));
    logFile.write(long);
    logFile.write(line(2));
    logFile.close();
    expect(read(`${file}.2`)).toBe(line(1));
    expect(read(`${file}.1`)).toBe(long);
    expect(read(file)).toBe(line(2));
  });

  it('reports a failed write once and keeps the caller running', () => {
    const errors: Error[] = [];
    const logFile = openLogFile(file, { maxBytes: 60, keep: 1 }, (e) => errors.push(e));
    logFile.write(line(1));
    // The folder disappears: rotating and reopening both fail.
    fs.rmSync(path.dirname(file), { recursive: true });
    expect(() => {
      logFile.write(line(2));
      logFile.write(line(3));
    }).not.toThrow();
    expect(errors).toHaveLength(1);
    fs.mkdirSync(path.dirname(file));
    logFile.write(line(4));
    logFile.close();
    expect(read(file)).toBe(line(4));
  });

  it('refuses a cap or a count that would keep nothing', () => {
    expect(() => openLogFile(file, { maxBytes: 0, keep: 1 })).toThrow(/maxBytes/);
    expect(() => openLogFile(file, { maxBytes: 100, keep: 0 })).toThrow(/keep/);
  });
});
