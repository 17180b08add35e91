/** Helpers for the sealed push (/api/sync/push-sealed) in tests: sign in for its token, seal, send. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { importPushSealKey, sealForServer } from '../../src/protocol/pushSeal';
import { PROTOCOL_VERSION, type Mutation, type SealedMutation } from '../../src/protocol/wire';
import { PASSWORD } from './fixtures';

export interface PushCredentials {
  readonly accessToken: string;
  readonly pushToken: string;
  readonly pushSealKey: string;
}

/** Signs in over HTTP; returns the access token and what a sealed push needs. */
export async function signInForPush(app: FastifyInstance, username: string, deviceId: string): Promise<PushCredentials> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD, deviceId } });
  expect(res.statusCode, res.body).toBe(200);
  const { accessToken, pushToken, pushSealKey } = res.json() as PushCredentials;
  return { accessToken, pushToken, pushSealKey };
}

/** A mutation as the outbox keeps it for a sealed push: its content sealed to the server's key. */
export async function sealMutation(pushSealKey: string, deviceId: string, m: Mutation): Promise<SealedMutation> {
  const key = await importPushSealKey(pushSealKey);
  if (!key) throw new Error('the login answer carried no usable push seal key');
  const { patientId, values, at, ...clear } = m;
  return { ...clear, sealed: await sealForServer(key, { deviceId, ...clear }, { patientId, values, at }) };
}

export function pushSealedRaw(app: FastifyInstance, pushToken: string | null, body: unknown): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/sync/push-sealed',
    headers: pushToken === null ? {} : { authorization: `Bearer ${pushToken}` },
    payload: body as object,
  });
}

/** Seals and sends changes from `deviceId` with its push token. */
export async function pushSealed(
  app: FastifyInstance,
  creds: Pick<PushCredentials, 'pushToken' | 'pushSealKey'> | null,
  deviceId: string,
  mutations: readonly Mutation[],
  sealKey = creds?.pushSealKey,
): Promise<LightMyRequestResponse> {
  if (!sealKey) throw new Error('a seal key is needed to seal');
  const sealed = await Promise.all(mutations.map((m) => sealMutation(sealKey, deviceId, m)));
  return pushSealedRaw(app, creds?.pushToken ?? null, { protocolVersion: PROTOCOL_VERSION, deviceId, mutations: sealed });
}
