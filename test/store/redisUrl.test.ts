import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';

describe('STORE_URL=redis://…/N with a database Redis does not have', () => {
  it('says what Redis answered at once, not "cannot reach Redis" after a timeout', async () => {
    const started = Date.now();
    await expect(openStore('redis://127.0.0.1:6379/99')).rejects.toThrow(
      'Redis at 127.0.0.1:6379 refused the connection: ERR DB index is out of range (check STORE_URL)',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
