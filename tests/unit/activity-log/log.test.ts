import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeAll, describe, expect, test } from 'vitest';
import { appendLog, LOG_KEY, MAX_ENTRIES, parseLog, readLog, toCsv } from '../../../src/activity-log/log';
import { setPin } from '../../../src/pin/store';

describe('activity log', () => {
  beforeAll(async () => {
    fakeBrowser.reset();
    await setPin('8642');
  });

  test('entries are kept in storage.local and read back newest first, only with the PIN', async () => {
    await appendLog({ at: '2026-11-29T10:00:00.000Z', site: 'scam.example', verdict: 'danger', action: 'covered' });
    await appendLog({ at: '2026-11-29T10:00:05.000Z', site: 'scam.example', verdict: 'danger', action: 'went-back' });
    expect(await readLog('0000', true)).toMatchObject({ ok: false, reason: 'wrong' });
    const stored = (await fakeBrowser.storage.local.get(LOG_KEY))[LOG_KEY];
    expect(stored).toHaveLength(2);
  });

  test('with the right PIN (after the back-off) the log reads newest first', async () => {
    // The wrong PIN above was the free attempt; the right one goes straight through.
    const r = await readLog('8642', true);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.entries.map((e) => e.action)).toEqual(['went-back', 'covered']);
  });

  test('the log is capped; the oldest entries go first', async () => {
    await fakeBrowser.storage.local.set({ [LOG_KEY]: Array.from({ length: MAX_ENTRIES }, (_, i) => ({ at: String(i), site: 's.example', verdict: 'danger', action: 'covered' })) });
    await appendLog({ at: 'last', site: 's.example', verdict: 'danger', action: 'continued' });
    const list = parseLog((await fakeBrowser.storage.local.get(LOG_KEY))[LOG_KEY]);
    expect(list).toHaveLength(MAX_ENTRIES);
    expect(list[0]?.at).toBe('1');
    expect(list.at(-1)?.at).toBe('last');
  });

  test('a corrupted log reads as the entries that still parse', () => {
    expect(parseLog('nope')).toEqual([]);
    expect(parseLog([{ at: 'x', site: 'a.example', verdict: 'danger', action: 'covered' }, { evil: true }, null])).toHaveLength(1);
  });
});

describe('CSV export', () => {
  test('RFC 4180 quoting, CRLF rows and a header', () => {
    const csv = toCsv([{ at: '2026-11-29T10:00:00.000Z', site: 'a,"b".example', verdict: 'danger', action: 'covered' }]);
    expect(csv).toBe('date,site,verdict,action\r\n2026-11-29T10:00:00.000Z,"a,""b"".example",danger,covered\r\n');
  });

  test('a cell that a spreadsheet would run as a formula is defused', () => {
    const csv = toCsv([{ at: '=HYPERLINK("http://x")', site: '+1', verdict: '-2', action: 'covered' }]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",'+1,'-2,covered`);
  });
});
