import { describe, expect, it } from 'vitest';
import { formCommand, nextField, type KeyPress } from './keys';

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
});
