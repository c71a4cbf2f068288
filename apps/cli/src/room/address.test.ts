import { hostname } from 'node:os';
import { describe, expect, test } from 'vitest';
import { reachableAt } from './address.ts';

describe('reachableAt', () => {
  test('a server on every address is reached by the machine\'s name', () => {
    expect(reachableAt({ host: '0.0.0.0', port: 9000 })).toEqual({ url: `http://${hostname()}:9000/`, thisMachineOnly: false });
    expect(reachableAt({ host: '::', port: 80 })).toEqual({ url: `http://${hostname()}:80/`, thisMachineOnly: false });
  });

  test('a loopback address is reached from this machine only', () => {
    expect(reachableAt({ host: '127.0.0.1', port: 8080 })).toEqual({ url: 'http://127.0.0.1:8080/', thisMachineOnly: true });
    expect(reachableAt({ host: 'localhost', port: 8080 })).toEqual({ url: 'http://localhost:8080/', thisMachineOnly: true });
    expect(reachableAt({ host: '::1', port: 8080 })).toEqual({ url: 'http://[::1]:8080/', thisMachineOnly: true });
  });

  test('any other address is the link\'s own, an IPv6 one in brackets', () => {
    expect(reachableAt({ host: '192.168.1.20', port: 8080 })).toEqual({ url: 'http://192.168.1.20:8080/', thisMachineOnly: false });
    expect(reachableAt({ host: 'fd00::20', port: 8080 })).toEqual({ url: 'http://[fd00::20]:8080/', thisMachineOnly: false });
  });
});
