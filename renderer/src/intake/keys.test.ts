import { describe, expect, it } from 'vitest';
import {
  CALLBACK_KEYS,
  DISPOSITION_KEYS,
  dispositionOf,
  formCommand,
  GLOBAL_KEYS,
  keyLabel,
  nextField,
  TICK_KEYS,
  type KeyPress,
} from './keys';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  targetTag: 'INPUT',
  ...over,
});

describe('the intake keyboard map', () => {
  it('saves on Ctrl+Enter and saves and sends on Alt+K', () => {
    expect(formCommand(press('Enter', { ctrlKey: true }))).toBe('save');
    expect(formCommand(press('k', { altKey: true }))).toBe('saveAndDispatch');
    expect(formCommand(press('K', { altKey: true, shiftKey: true }))).toBe('saveAndDispatch');
  });

  it('walks the fields on Enter, but leaves Shift+Enter (a new line) and buttons alone', () => {
    expect(formCommand(press('Enter'))).toBe('nextField');
    expect(formCommand(press('Enter', { targetTag: 'TEXTAREA' }))).toBe('nextField');
    expect(formCommand(press('Enter', { shiftKey: true, targetTag: 'TEXTAREA' }))).toBe('other');
    expect(formCommand(press('Enter', { targetTag: 'BUTTON' }))).toBe('other');
  });

  it('hands Escape to the abandon rule and everything else back', () => {
    expect(formCommand(press('Escape'))).toBe('escape');
    expect(formCommand(press('a'))).toBe('other');
    expect(formCommand(press('k'))).toBe('other');
  });

  it('finds the next field, and none after the last or for a stranger', () => {
    expect(nextField(['a', 'b', 'c'], 'a')).toBe('b');
    expect(nextField(['a', 'b', 'c'], 'c')).toBeUndefined();
    expect(nextField(['a', 'b'], 'z')).toBeUndefined();
  });

  it('ends a call with one Alt key per disposition, and never with Enter', () => {
    expect(dispositionOf(press('i', { altKey: true }))).toBe('prank');
    expect(dispositionOf(press('O', { altKey: true }))).toBe('silent');
    expect(dispositionOf(press('m', { altKey: true }))).toBe('misdial');
    expect(dispositionOf(press('x', { altKey: true }))).toBe('abusive');
    expect(dispositionOf(press('j', { altKey: true }))).toBe('info');
    expect(dispositionOf(press('u', { altKey: true }))).toBe('test');
    // The letter alone is typing, not a disposition; Enter is never one.
    expect(dispositionOf(press('i'))).toBeNull();
    expect(dispositionOf(press('i', { altKey: true, ctrlKey: true }))).toBeNull();
    for (const over of [{}, { altKey: true }, { ctrlKey: true }, { targetTag: 'BUTTON' }]) {
      expect(dispositionOf(press('Enter', over))).toBeNull();
      expect(formCommand(press('Enter', over))).not.toBe('dispose');
    }
  });

  it('gives every screening key its own combination, apart from the desk’s other keys', () => {
    const taken = ['a', 'e', 'k', 'l', 'n', 'r', 's', 't', 'w', 'g', 'b'];
    // Keys the browser keeps for itself on Linux.
    const reserved = ['d', 'f', ...'12345678'];
    const mine = [DISPOSITION_KEYS, TICK_KEYS, CALLBACK_KEYS].flatMap((m) =>
      Object.values(m).map((k) => k.key),
    );
    expect(new Set(mine).size).toBe(mine.length);
    for (const k of mine) {
      expect(taken, k).not.toContain(k);
      expect(reserved, k).not.toContain(k);
    }
    expect(keyLabel(DISPOSITION_KEYS.prank)).toBe('Alt+I');
    expect(keyLabel(TICK_KEYS.no_voice)).toBe('Alt+Q');
    expect(keyLabel(GLOBAL_KEYS.newCall)).toBe('F2');
  });
});
