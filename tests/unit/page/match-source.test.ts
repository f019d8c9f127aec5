/**
 * Which match data a frame uses: the bundled data it carries, the reader's own-source data from storage,
 * or — when the stored data is stale (another bundle or format) or was too big to store — the background's.
 */
import { describe, expect, it } from 'vitest';
import { AUTOMATON_FORMAT } from '../../../lib/match/codec';
import { toMatchPayload } from '../../../lib/match/payload';
import type { StoredMatch } from '../../../lib/match/stored';
import type { SourceIndex } from '../../../lib/index/schema';
import { loadMatchSource, type MatchSourceInputs } from '../../../lib/page/match-source';

const indexOf = (id: string, name: string) =>
  ({
    articles: [{ id: 'a1' }],
    entities: [
      {
        id,
        name,
        aliases: [{ text: name, caseSensitive: false, requireCapital: true }],
        mentions: [{ articleId: 'a1' }],
      },
    ],
  }) as unknown as SourceIndex;

// Carried as an object (an object literal in the content script's code), the build's form: uncompressed.
const bundled = await toMatchPayload(indexOf('bukele', 'Nayib Bukele'), 'b1', 'none');
const ownText = JSON.stringify(await toMatchPayload(indexOf('own', 'Own Person'), 'b1'));
const askedText = JSON.stringify(await toMatchPayload(indexOf('asked', 'Asked Person'), 'b2'));

/** Stored with the bundle 'b1' in this build's format. */
const current = { bundle: 'b1', format: AUTOMATON_FORMAT };

function inputs(stored: StoredMatch | undefined | 'broken') {
  const calls = { asked: 0 };
  const input: MatchSourceInputs = {
    bundled,
    readStored: async () => (stored === 'broken' ? { bundle: 5 } : stored),
    ask: async () => {
      calls.asked++;
      return askedText;
    },
  };
  return { input, calls };
}

const found = async (input: MatchSourceInputs) =>
  (await loadMatchSource(performance.now(), input)).matcher
    .findMentions('Nayib Bukele met Own Person and Asked Person.')
    .map((m) => m.entityId);

describe('loadMatchSource', () => {
  it('uses the bundled data when nothing is stored (or what is stored is not match data)', async () => {
    const { input, calls } = inputs(undefined);
    expect(await found(input)).toEqual(['bukele']);
    expect(await found(inputs('broken').input)).toEqual(['bukele']);
    expect(calls.asked).toBe(0);
  });

  it('uses the stored own-source data made with the same bundle, without asking', async () => {
    const { input, calls } = inputs({ ...current, text: ownText });
    expect(await found(input)).toEqual(['own']);
    const source = await loadMatchSource(performance.now(), input);
    expect(source.setupMs).toBeGreaterThanOrEqual(0);
    expect(calls.asked).toBe(0);
  });

  it('asks the background when the stored data is from another bundle or was too big to store', async () => {
    const stale = inputs({ ...current, bundle: 'b0', text: ownText });
    expect(await found(stale.input)).toEqual(['asked']);
    expect(stale.calls.asked).toBe(1);
    const tooBig = inputs({ ...current, text: null });
    expect(await found(tooBig.input)).toEqual(['asked']);
    expect(tooBig.calls.asked).toBe(1);
  });

  it('refuses damaged data instead of matching with it', async () => {
    const { input } = inputs({ ...current, text: ownText.replace('"data":"', '"data":"xx') });
    await expect(loadMatchSource(0, input)).rejects.toThrow(/corrupt/);
  });

  it('asks the background for stored data in another format (a code-only update keeps the bundle)', async () => {
    // Never decoded: not stored in this build's format (or stored before formats were recorded).
    for (const format of [AUTOMATON_FORMAT - 1, undefined]) {
      const older = { bundle: 'b1', format, text: ownText } as unknown as StoredMatch;
      const { input, calls } = inputs(older);
      expect(await found(input)).toEqual(['asked']);
      expect(calls.asked).toBe(1);
    }
  });
});
