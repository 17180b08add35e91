import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useWrite } from './useWrite';

describe('useWrite', () => {
  it.each([
    ['went through', async () => ({ ok: true }), true],
    ['wrote nothing because the command refused it (the patient left this device)', async () => ({ ok: false, code: 'not_found' }), false],
    ['threw in storage (the device is full)', async () => Promise.reject(new DOMException('full', 'QuotaExceededError')), false],
  ] as const)('a write that %s is reported as such, and never as saved when it was not', async (_what, task, saved) => {
    const { result } = renderHook(() => useWrite());
    let went: boolean | undefined;
    await act(async () => {
      went = await result.current.run(task);
    });
    expect(went).toBe(saved);
    expect(result.current.failed).toBe(!saved);
    expect(result.current.busy).toBe(false);
  });
});
