import { describe, expect, it } from 'vitest';
import { fromBase64Url, importPushSealKey, openFromDevice, sealForServer, toBase64Url, type SealedIdentity } from './pushSeal';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const id: SealedIdentity = { deviceId: 'device-van-0001', mutationId: 'm-1', kind: 'note', entityId: 'note-1', op: 'update' };
const content = { patientId: 'pat-1', values: { text: 'Daughter drives her on Tuesdays' }, at: '2026-12-07T10:00:00.000Z' };

async function serverPair() {
  const pair = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
  const publicText = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const publicKey = await importPushSealKey(publicText);
  if (!publicKey) throw new Error('the public key did not import');
  return { publicText, publicKey, privateKey: pair.privateKey };
}

describe('sealed pushes', () => {
  it('the server opens what the device sealed to its key, for the same change', async () => {
    const server = await serverPair();
    const sealed = await sealForServer(server.publicKey, id, content);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('Tuesdays');
    await expect(openFromDevice(server.privateKey, id, sealed)).resolves.toEqual(content);
  });

  it('each seal is fresh: the same change sealed twice differs', async () => {
    const server = await serverPair();
    expect(await sealForServer(server.publicKey, id, content)).not.toBe(await sealForServer(server.publicKey, id, content));
  });

  it.each([
    ['another device', { deviceId: 'device-other-0001' }],
    ['another mutation', { mutationId: 'm-2' }],
    ['another record', { entityId: 'note-2' }],
    ['another kind', { kind: 'task' }],
    ['another op', { op: 'create' }],
  ])('does not open as %s', async (_what, other) => {
    const server = await serverPair();
    const sealed = await sealForServer(server.publicKey, id, content);
    await expect(openFromDevice(server.privateKey, { ...id, ...other }, sealed)).resolves.toBeNull();
  });

  it('does not open with another key, altered, cut short or not base64url', async () => {
    const server = await serverPair();
    const other = await serverPair();
    const sealed = await sealForServer(server.publicKey, id, content);
    await expect(openFromDevice(other.privateKey, id, sealed)).resolves.toBeNull();
    const bytes = fromBase64Url(sealed);
    if (!bytes) throw new Error('not base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    await expect(openFromDevice(server.privateKey, id, toBase64Url(bytes))).resolves.toBeNull();
    await expect(openFromDevice(server.privateKey, id, sealed.slice(0, 100))).resolves.toBeNull();
    await expect(openFromDevice(server.privateKey, id, 'not base64url!')).resolves.toBeNull();
  });

  it('a public key that is not a P-256 point is refused', async () => {
    await expect(importPushSealKey('A'.repeat(87))).resolves.toBeNull();
    await expect(importPushSealKey('short')).resolves.toBeNull();
  });
});
