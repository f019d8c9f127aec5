import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '../../../lib/page/hover-intent';

describe('HoverIntent', () => {
  let events: string[];
  let intent: HoverIntent<string>;
  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    intent = new HoverIntent(() => ({ openMs: 500, closeMs: 300 }), {
      open: (t, pinned) => events.push(`open ${t}${pinned ? ' pinned' : ''}`),
      close: () => events.push('close'),
    });
  });

  it('opens after the dwell time, not before', () => {
    intent.overTarget('a');
    vi.advanceTimersByTime(499);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a']);
  });

  it('does not open when the pointer passes over quickly', () => {
    intent.overTarget('a');
    vi.advanceTimersByTime(200);
    intent.overTarget(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('closes a little after the pointer leaves, unless it reaches the card', () => {
    intent.overTarget('a');
    vi.advanceTimersByTime(500);
    intent.overTarget(null);
    vi.advanceTimersByTime(200);
    intent.overCard(true);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open a']);
    intent.overCard(false);
    vi.advanceTimersByTime(299);
    expect(events).toEqual(['open a']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a', 'close']);
  });

  it('a pinned card stays until closed, and ignores other names', () => {
    intent.pin('a');
    intent.overTarget(null);
    intent.overTarget('b');
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a pinned']);
    intent.close();
    expect(events).toEqual(['open a pinned', 'close']);
  });

  it('moving to another name switches cards after the dwell', () => {
    intent.overTarget('a');
    vi.advanceTimersByTime(500);
    intent.overTarget('b');
    vi.advanceTimersByTime(500);
    expect(events).toEqual(['open a', 'open b']);
  });

  it('stays open when the card moves away from under a pointer resting on the name', () => {
    intent.overTarget('a');
    vi.advanceTimersByTime(500);
    // Drawn under the pointer, then placed beside the name: entered and left without a move.
    intent.overCard(true);
    intent.overCard(false, true);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a']);
  });
});
