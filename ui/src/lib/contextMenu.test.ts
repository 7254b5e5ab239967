import { describe, expect, it } from 'vitest';
import { keepsContextMenu } from './contextMenu';

describe('keepsContextMenu', () => {
  it('text boxes keep cut, copy and paste', () => {
    expect(keepsContextMenu({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(keepsContextMenu({ tagName: 'input', type: 'search' })).toBe(true);
    expect(keepsContextMenu({ tagName: 'TEXTAREA' })).toBe(true);
    expect(keepsContextMenu({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });
  it('everything else gets no browser menu', () => {
    expect(keepsContextMenu({ tagName: 'TD' })).toBe(false);
    expect(keepsContextMenu({ tagName: 'BUTTON' })).toBe(false);
    expect(keepsContextMenu({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(keepsContextMenu({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(keepsContextMenu(null)).toBe(false);
  });
});
