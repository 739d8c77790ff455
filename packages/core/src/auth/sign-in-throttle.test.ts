import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_THROTTLE, isLocked, recordFailure, type ThrottleState } from "./sign-in-throttle";

const start = new Date("2026-11-02T10:00:00Z");
const fresh: ThrottleState = { failures: 0, lockedUntil: null };

describe("sign-in throttle", () => {
  it("slows each failure more, then locks at the fifth for fifteen minutes", () => {
    let state = fresh;
    const delays: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const { next, delayMs } = recordFailure(state, start);
      delays.push(delayMs);
      state = next;
    }
    expect(delays).toEqual([100, 200, 400, 800, 1600]);
    expect(isLocked(state, start)).toBe(true);
    expect(isLocked(state, new Date(start.getTime() + DEFAULT_THROTTLE.lockMs - 1))).toBe(true);
    expect(isLocked(state, new Date(start.getTime() + DEFAULT_THROTTLE.lockMs))).toBe(false);
  });

  it("starts counting afresh once a lock has expired", () => {
    const expired = { failures: 5, lockedUntil: new Date(start.getTime() - 1) };
    expect(recordFailure(expired, start).next).toEqual({ failures: 1, lockedUntil: null });
  });

  it("never waits longer than the cap, and locks exactly from maxFailures on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (failures) => {
        const { next, delayMs } = recordFailure({ failures, lockedUntil: null }, start);
        expect(delayMs).toBeGreaterThan(0);
        expect(delayMs).toBeLessThanOrEqual(DEFAULT_THROTTLE.maxDelayMs);
        expect(isLocked(next, start)).toBe(failures + 1 >= DEFAULT_THROTTLE.maxFailures);
      }),
    );
  });
});
