import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { planFromText } from './planText';

const problem = {
  start: { x: 0, y: 0 },
  end: { x: 0, y: 0 },
  shift: { start: 0, end: 100 },
  travel: { kind: 'euclidean', unitsPerMinute: 1 },
  stops: [{ id: 'a', at: { x: 3, y: 4 }, serviceMinutes: 10, priority: 1 }],
};

describe('planFromText (the CLI without I/O)', () => {
  it('prints the plan JSON', () => {
    const r = planFromText(JSON.stringify(problem));
    if (!r.ok) throw new Error(r.message);
    expect(JSON.parse(r.json)).toMatchObject({ feasible: true, visits: [{ id: 'a', arrive: 5, start: 5, depart: 15 }], returnAt: 20 });
  });

  it('names the bad field', () => {
    expect(planFromText(JSON.stringify({ ...problem, shift: { start: 0 } }))).toEqual({ ok: false, code: 'invalid_problem', message: 'shift.end: must be a finite number' });
  });
});

describe('cli', () => {
  it('reads stdin with "-", prints only JSON on stdout; exits 2 with a message on bad input', () => {
    const run = (input: string): { status: number; stdout: string; stderr: string } => {
      try {
        const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/routing/cli.ts', '-'], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
        return { status: 0, stdout, stderr: '' };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { status: err.status, stdout: err.stdout, stderr: err.stderr };
      }
    };
    const ok = run(JSON.stringify(problem));
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).visits).toHaveLength(1);
    const bad = run('{"stops": 1}');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('stops: must be an array');
  }, 30_000);
});
