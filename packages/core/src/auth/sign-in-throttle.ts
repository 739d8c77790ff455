/**
 * Repeated failed sign-ins are first slowed, then locked for a while. Pure: the caller
 * passes the failure count it stored and the current time.
 */
export interface ThrottlePolicy {
  /** Failures allowed before the account locks. */
  maxFailures: number;
  /** How long a lock lasts. */
  lockMs: number;
  /** Delay added to the answer after the first failure; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  maxFailures: 5,
  lockMs: 15 * 60 * 1000,
  baseDelayMs: 100,
  maxDelayMs: 1600,
};

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** State after one more failed attempt, and how long to wait before answering it. */
export function recordFailure(
  state: ThrottleState,
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): { next: ThrottleState; delayMs: number } {
  const lockExpired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const failures = (lockExpired ? 0 : state.failures) + 1;
  const delayMs = Math.min(policy.baseDelayMs * 2 ** (failures - 1), policy.maxDelayMs);
  const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null;
  return { next: { failures, lockedUntil }, delayMs };
}
