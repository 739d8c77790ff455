import { describe, expect, it } from "vitest";
import { type BktParameters, bktLogLikelihood, fitBkt, knownAfter, simulateBkt, skillResponses } from "./bkt";

const TRUE: BktParameters = { prior: 0.3, learn: 0.15, guess: 0.2, slip: 0.1 };

describe("Bayesian Knowledge Tracing", () => {
  it("traces one student by hand: right answers raise the probability of knowing, wrong ones lower it", () => {
    // After one right answer: P(L|right) = 0.3·0.9 / (0.3·0.9 + 0.7·0.2) = 0.27 / 0.41; then learning.
    const posterior = 0.27 / 0.41;
    expect(knownAfter(TRUE, [true])).toBeCloseTo(posterior + (1 - posterior) * 0.15, 12);
    expect(knownAfter(TRUE, [true, true, true])).toBeGreaterThan(knownAfter(TRUE, [true]));
    expect(knownAfter(TRUE, [false])).toBeLessThan(TRUE.prior + (1 - TRUE.prior) * TRUE.learn);
    expect(knownAfter(TRUE, [])).toBe(TRUE.prior);
  });

  it("recovers the parameters it simulated, within 0.02", () => {
    const responses = simulateBkt(TRUE, { students: 5000, attempts: 20, seed: 42 });
    const fit = fitBkt(responses, { restarts: 5, seed: 7 });
    for (const key of ["prior", "learn", "guess", "slip"] as const)
      expect(Math.abs(fit[key] - TRUE[key]), key).toBeLessThan(0.02);
  });

  it("finds parameters at least as likely as the true ones (it is the maximum-likelihood fit)", () => {
    const responses = simulateBkt(TRUE, { students: 1000, attempts: 20, seed: 8 });
    const fit = fitBkt(responses, { seed: 2 });
    expect(bktLogLikelihood(responses, fit)).toBeGreaterThanOrEqual(bktLogLikelihood(responses, TRUE));
    expect(fit.logLikelihood).toBeCloseTo(bktLogLikelihood(responses, fit), 0);
  });

  it("recovers other parameters too, and is the same fit for the same seed", () => {
    const other: BktParameters = { prior: 0.6, learn: 0.05, guess: 0.3, slip: 0.05 };
    const responses = simulateBkt(other, { students: 5000, attempts: 20, seed: 3 });
    const fit = fitBkt(responses, { seed: 11 });
    for (const key of ["prior", "learn", "guess", "slip"] as const)
      expect(Math.abs(fit[key] - other[key]), key).toBeLessThan(0.02);
    expect(fitBkt(responses, { seed: 11 })).toEqual(fit);
  });

  it("keeps guess and slip below one half and every parameter a probability, even on degenerate data", () => {
    for (const sequences of [[[true, true, true]], [[false, false]], [[]], [[true], [false]]]) {
      const fit = fitBkt(skillResponses(sequences), { restarts: 2 });
      for (const key of ["prior", "learn"] as const) {
        expect(fit[key]).toBeGreaterThan(0);
        expect(fit[key]).toBeLessThan(1);
      }
      expect(fit.guess).toBeLessThan(0.5);
      expect(fit.slip).toBeLessThan(0.5);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    }
  });

  it("never makes the data less likely from one iteration to the next (EM's promise)", () => {
    const responses = simulateBkt(TRUE, { students: 300, attempts: 10, seed: 5 });
    let previous = Number.NEGATIVE_INFINITY;
    for (const iterations of [1, 2, 3, 5, 8, 13]) {
      const fit = fitBkt(responses, { restarts: 1, seed: 9, maxIterations: iterations, tolerance: -1 });
      expect(fit.logLikelihood).toBeGreaterThanOrEqual(previous - 1e-9);
      previous = fit.logLikelihood;
    }
  });
});
