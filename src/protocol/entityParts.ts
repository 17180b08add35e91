/**
 * What the entity schemas (entities.ts, noteSchemas.ts) are built from: the one id and ISO
 * date rules, and the compile-time comparison that keeps each wire shape exactly its domain
 * shape (modulo brands).
 */
import { z } from 'zod';
import { safeText, TEXT_MAX } from './safeText';

export const id = safeText(TEXT_MAX.id).min(1);
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime();

export type Unbrand<T> = T extends string ? string : T extends number ? number : T extends object ? { -readonly [K in keyof T]: Unbrand<T[K]> } : T;
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
