import { describe, expect, test } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { deliveriesOf, deliveryOf, failedSince, lastSent, recordDelivery } from './deliveries.ts';

const key = { digestDate: '2026-12-04', channel: 'email', recipient: 'naibing.wu@uni.example.edu' };
const at = (time: string) => new Date(`2026-12-04T${time}Z`);

describe('the deliveries table', () => {
  test('a failure, then another, then a success: attempts add up, the error goes, the Message-ID stays', () => {
    const db = openDb(':memory:');
    expect(deliveryOf(db, key)).toBeUndefined();
    recordDelivery(db, key, { status: 'failed', attempts: 3, now: at('06:00:00'), messageId: '<digest-2026-12-04.naibing-wu@lab.example.org>', error: 'connection closed' });
    recordDelivery(db, key, { status: 'failed', attempts: 1, now: at('07:00:00'), error: '421 try later' });
    expect(recordDelivery(db, key, { status: 'sent', attempts: 1, now: at('08:00:00') })).toEqual({
      ...key, status: 'sent', messageId: '<digest-2026-12-04.naibing-wu@lab.example.org>', attempts: 5, lastError: null, updated: '2026-12-04T08:00:00.000Z',
    });
  });

  test('a sent row is never overwritten: not by a failure, not by a second send', () => {
    const db = openDb(':memory:');
    const sent = recordDelivery(db, key, { status: 'sent', attempts: 1, now: at('06:00:00'), messageId: '<a@x>' });
    expect(recordDelivery(db, key, { status: 'failed', attempts: 1, now: at('07:00:00'), error: 'late' })).toEqual(sent);
    expect(recordDelivery(db, key, { status: 'sent', attempts: 1, now: at('08:00:00'), messageId: '<b@x>' })).toEqual(sent);
  });

  test('the key is digest, channel and recipient', () => {
    const db = openDb(':memory:');
    recordDelivery(db, key, { status: 'sent', attempts: 1, now: at('06:00:00') });
    recordDelivery(db, { ...key, digestDate: '2026-12-05' }, { status: 'failed', attempts: 1, now: at('06:00:00'), error: 'x' });
    recordDelivery(db, { ...key, channel: 'slack', recipient: 'lab-slack' }, { status: 'sent', attempts: 1, now: at('06:00:00') });
    expect(deliveriesOf(db, '2026-12-04').map((r) => `${r.channel} ${r.recipient} ${r.status}`)).toEqual([
      'email naibing.wu@uni.example.edu sent', 'slack lab-slack sent',
    ]);
    expect(lastSent(db, 'email', key.recipient)).toEqual({ digestDate: '2026-12-04', updated: '2026-12-04T06:00:00.000Z' });
    expect(failedSince(db, 'email', key.recipient, '2026-11-28')).toEqual(['2026-12-05']);
    expect(failedSince(db, 'email', key.recipient, '2026-12-06')).toEqual([]);
    expect(lastSent(db, 'email', 'nobody@x.org')).toBeUndefined();
  });

  test('the table refuses a status other than sent or failed', () => {
    const db = openDb(':memory:');
    expect(() => db.prepare("INSERT INTO deliveries VALUES ('2026-12-04', 'email', 'a@b.c', 'queued', NULL, 0, NULL, 'now')").run())
      .toThrow('CHECK constraint failed: status IN (\'sent\', \'failed\')');
  });
});
