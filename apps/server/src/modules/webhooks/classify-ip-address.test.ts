import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyIpAddress } from './classify-ip-address';

describe('classifyIpAddress', () => {
  it('blocks the IPv4 ranges that reach the server or its network', () => {
    const cases: [string, string][] = [
      ['127.0.0.1', 'loopback'],
      ['127.255.0.9', 'loopback'],
      ['0.0.0.0', 'unspecified'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'link-local'],
      ['100.64.0.1', 'shared (CGNAT)'],
      ['100.127.255.254', 'shared (CGNAT)'],
      ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'reserved'],
    ];
    for (const [address, kind] of cases) assert.equal(classifyIpAddress(address), kind, address);
  });

  it('lets public IPv4 addresses through, including the neighbours of blocked ranges', () => {
    for (const address of [
      '8.8.8.8',
      '172.15.255.255',
      '172.32.0.0',
      '100.63.255.255',
      '100.128.0.0',
      '11.0.0.1',
      '169.253.0.1',
      '223.255.255.255',
    ]) {
      assert.equal(classifyIpAddress(address), null, address);
    }
  });

  it('blocks IPv6 loopback, unspecified, link-local, unique-local and multicast', () => {
    const cases: [string, string][] = [
      ['::1', 'loopback'],
      ['[::1]', 'loopback'],
      ['::', 'unspecified'],
      ['fe80::1', 'link-local'],
      ['fe80::1%eth0', 'link-local'],
      ['fd12:3456:789a::1', 'unique-local'],
      ['fc00::1', 'unique-local'],
      ['ff02::1', 'multicast'],
    ];
    for (const [address, kind] of cases) assert.equal(classifyIpAddress(address), kind, address);
  });

  it('judges IPv4-mapped and NAT64 IPv6 addresses by the IPv4 address inside', () => {
    assert.equal(classifyIpAddress('::ffff:127.0.0.1'), 'loopback');
    assert.equal(classifyIpAddress('::ffff:7f00:1'), 'loopback');
    assert.equal(classifyIpAddress('::ffff:10.0.0.5'), 'private');
    assert.equal(classifyIpAddress('::ffff:a9fe:a9fe'), 'link-local');
    assert.equal(classifyIpAddress('64:ff9b::192.168.0.1'), 'private');
    assert.equal(classifyIpAddress('::ffff:8.8.8.8'), null);
  });

  it('lets public IPv6 addresses through and refuses what is not an address', () => {
    assert.equal(classifyIpAddress('2001:4860:4860::8888'), null);
    assert.equal(classifyIpAddress('2606:4700::1111'), null);
    assert.equal(classifyIpAddress('example.com'), 'reserved');
  });
});
