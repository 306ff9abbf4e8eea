import { assert, describe, expect, it } from 'vitest';
import { courtKind, normaliseCourtId } from '../../src/courts/courts.ts';
import { parseTypedDocketNumber, sameDocket } from '../../src/courts/docketNumber.ts';
import { classifyEntry } from '../../src/courts/entryTypes.ts';

describe('docket numbers', () => {
  it('splits a district number into office, year, type, serial and judges', () => {
    expect(parseTypedDocketNumber('1:24-cr-00542-AS', 'district')).toEqual({
      number: '1:24-cr-00542',
      office: '1',
      year: '24',
      type: 'cr',
      serial: '00542',
      judgeAssigned: 'AS',
      judgeReferred: null,
      defendant: null,
    });
    const withDefendant = parseTypedDocketNumber('3:20-cr-00070-TKW-MAL-1', 'district');
    expect(withDefendant).toMatchObject({ judgeAssigned: 'TKW', judgeReferred: 'MAL', defendant: '1' });
  });

  it('treats padding, judges and defendant numbers as the same docket', () => {
    const parsed = (n: string) => {
      const docket = parseTypedDocketNumber(n, 'district');
      assert.exists(docket, n);
      return docket;
    };
    const linked = parsed('1:24-cr-542');
    expect(linked.number).toBe('1:24-cr-00542');
    for (const other of ['1:24-cr-00542-AS', '24-cr-00542', '1:24-CR-00542-AS-2']) {
      expect(sameDocket(linked, parsed(other)), other).toBe(true);
    }
    for (const other of ['1:24-cv-00542', '2:24-cr-00542', '1:23-cr-00542', '1:24-cr-00543']) {
      expect(sameDocket(linked, parsed(other)), other).toBe(false);
    }
  });

  it('reads bankruptcy and appellate numbers', () => {
    expect(parseTypedDocketNumber('16-10992-smb', 'bankruptcy')).toMatchObject({
      number: '16-10992',
      judgeAssigned: 'smb',
    });
    expect(parseTypedDocketNumber('22-3054', 'appellate')).toMatchObject({
      number: '22-3054',
      serial: '3054',
    });
    expect(parseTypedDocketNumber('not a docket', 'district')).toBeUndefined();
  });

  it('knows court ids however they are written', () => {
    expect(normaliseCourtId('S.D.N.Y.')).toBe('nysd');
    expect(normaliseCourtId('EDNY')).toBe('nyed');
    expect(normaliseCourtId('nysb')).toBe('nysb');
    expect(normaliseCourtId('wvsd')).toBe('wvsd');
    expect([courtKind('ca2'), courtKind('cadc'), courtKind('nysb'), courtKind('nysd')]).toEqual([
      'appellate',
      'appellate',
      'bankruptcy',
      'district',
    ]);
  });
});

describe('entry types', () => {
  const kind = (text: string, type = 'cr') => classifyEntry(text, type);
  it('types the filings people follow', () => {
    expect(kind('MOTION to Dismiss')).toEqual({ type: 'motion', followed: true });
    expect(kind('ORDER denying Motion to Dismiss').type).toBe('ruling');
    expect(kind('NOTICE OF APPEAL').type).toBe('appeal');
    expect(kind('JUDGMENT as to John Smith').type).toBe('sentence');
    expect(kind('Judgment', 'cv').type).toBe('verdict');
    expect(kind('JURY VERDICT').type).toBe('verdict');
    expect(kind('Minute Entry for Change of Plea Hearing').type).toBe('plea');
    expect(kind('Minute Entry for Status Conference').type).toBe('hearing');
    expect(kind('SUPERSEDING INDICTMENT').type).toBe('charge');
    expect(kind('Order Dismissing Case', 'cv').type).toBe('dismissal');
    expect(kind('Complaint', 'cv').type).toBe('lawsuit');
    expect(kind('LETTER MOTION to Adjourn Conference').type).toBe('motion');
    expect(kind('Order on Motion to Continue Sentencing').type).toBe('ruling');
    expect(kind('Minute Entry for Sentencing held on 6/10/2024').type).toBe('sentence');
  });

  it('keeps routine paperwork and unknown entries as filings nobody is alerted to', () => {
    for (const text of [
      'Notice of Appearance',
      'Civil Cover Sheet',
      'MOTION for Leave to Appear Pro Hac Vice',
      'Letter',
      '~Util - Set Deadlines',
      'Objection',
    ]) {
      expect(kind(text, 'cv'), text).toEqual({ type: 'filing', followed: false });
    }
  });
});
