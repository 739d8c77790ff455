import { createRandom } from "../demo/random";

/**
 * Bayesian Knowledge Tracing (Corbett & Anderson, 1995) for fine-grained skills scored
 * right or wrong: a hidden state, not yet known or known, that turns known with
 * probability `learn` after each attempt and never turns back; a known skill is answered
 * wrong with probability `slip`, an unknown one right with probability `guess`.
 */
export interface BktParameters {
  prior: number;
  learn: number;
  guess: number;
  slip: number;
}

/** Every student's attempts at one skill, in order: outcomes[offsets[i] … offsets[i+1]) is student i's. */
export interface SkillResponses {
  outcomes: Uint8Array;
  offsets: Uint32Array;
}

export function skillResponses(sequences: readonly (readonly boolean[])[]): SkillResponses {
  const offsets = new Uint32Array(sequences.length + 1);
  for (let index = 0; index < sequences.length; index++)
    offsets[index + 1] = (offsets[index] as number) + (sequences[index]?.length ?? 0);
  const outcomes = new Uint8Array(offsets[sequences.length] as number);
  sequences.forEach((sequence, index) => {
    sequence.forEach((correct, step) => {
      outcomes[(offsets[index] as number) + step] = correct ? 1 : 0;
    });
  });
  return { outcomes, offsets };
}

/** The probability the skill is known after the attempts so far (the tracing itself). */
export function knownAfter(parameters: BktParameters, outcomes: readonly boolean[]): number {
  let known = parameters.prior;
  for (const correct of outcomes) {
    const right = known * (1 - parameters.slip) + (1 - known) * parameters.guess;
    const posterior = correct ? (known * (1 - parameters.slip)) / right : (known * parameters.slip) / (1 - right);
    known = posterior + (1 - posterior) * parameters.learn;
  }
  return known;
}

/** The log-likelihood of every student's attempts under the parameters (the quantity EM raises). */
export function bktLogLikelihood({ outcomes, offsets }: SkillResponses, parameters: BktParameters): number {
  let total = 0;
  for (let sequence = 0; sequence + 1 < offsets.length; sequence++) {
    let known = parameters.prior;
    for (let index = offsets[sequence] as number; index < (offsets[sequence + 1] as number); index++) {
      if (index > (offsets[sequence] as number)) known = known + (1 - known) * parameters.learn;
      const correct = outcomes[index] === 1;
      const emitKnown = correct ? 1 - parameters.slip : parameters.slip;
      const emitUnknown = correct ? parameters.guess : 1 - parameters.guess;
      const probability = known * emitKnown + (1 - known) * emitUnknown;
      total += Math.log(probability);
      known = (known * emitKnown) / probability;
    }
  }
  return total;
}

export interface BktFit extends BktParameters {
  logLikelihood: number;
  iterations: number;
}

export interface BktFitOptions {
  /** Fits from this many random starting points; the most likely result wins. */
  restarts?: number;
  seed?: number;
  maxIterations?: number;
  /** Stops when the log-likelihood per response improves by less than this. */
  tolerance?: number;
}

const EPSILON = 1e-6;

/**
 * Fits the four parameters of one skill by expectation–maximisation (Baum–Welch on the
 * two-state chain), from several random starts. Guess and slip are kept below 0.5, so
 * "known" always means more likely right (otherwise the two states could swap).
 */
export function fitBkt(responses: SkillResponses, options: BktFitOptions = {}): BktFit {
  const random = createRandom(options.seed ?? 1);
  const restarts = options.restarts ?? 5;
  let best: BktFit | null = null;
  for (let restart = 0; restart < restarts; restart++) {
    const start: BktParameters = {
      prior: 0.05 + 0.9 * random.float(),
      learn: 0.01 + 0.49 * random.float(),
      guess: 0.01 + 0.39 * random.float(),
      slip: 0.01 + 0.39 * random.float(),
    };
    const fit = expectationMaximisation(responses, start, options.maxIterations ?? 200, options.tolerance ?? 1e-7);
    if (!best || fit.logLikelihood > best.logLikelihood) best = fit;
  }
  return best as BktFit;
}

function expectationMaximisation(
  { outcomes, offsets }: SkillResponses,
  start: BktParameters,
  maxIterations: number,
  tolerance: number,
): BktFit {
  const longest = longestSequence(offsets);
  // Scaled forward probabilities of "known" per step, reused by every sequence.
  const forward = new Float64Array(longest);
  const scale = new Float64Array(longest);
  let { prior, learn, guess, slip } = start;
  let previous = Number.NEGATIVE_INFINITY;
  let logLikelihood = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  const responses = outcomes.length;
  for (; iterations < maxIterations; ) {
    iterations++;
    let knownAtStart = 0;
    let learned = 0;
    let unknownBeforeLast = 0;
    let unknownTotal = 0;
    let unknownRight = 0;
    let knownTotal = 0;
    let knownWrong = 0;
    logLikelihood = 0;
    for (let sequence = 0; sequence + 1 < offsets.length; sequence++) {
      const from = offsets[sequence] as number;
      const length = (offsets[sequence + 1] as number) - from;
      if (length === 0) continue;
      // Forward pass: α_t = P(known at t | outcomes up to t), with the scaling factors.
      let known = prior;
      for (let t = 0; t < length; t++) {
        if (t > 0) known = known + (1 - known) * learn;
        const correct = outcomes[from + t] === 1;
        const emitKnown = correct ? 1 - slip : slip;
        const emitUnknown = correct ? guess : 1 - guess;
        const total = known * emitKnown + (1 - known) * emitUnknown;
        scale[t] = total;
        known = (known * emitKnown) / total;
        forward[t] = known;
        logLikelihood += Math.log(total);
      }
      // Backward pass, with the posteriors γ and the expected learning transitions ξ.
      let betaKnown = 1;
      let betaUnknown = 1;
      for (let t = length - 1; t >= 0; t--) {
        const alphaKnown = forward[t] as number;
        const gammaKnown = (alphaKnown * betaKnown) / (alphaKnown * betaKnown + (1 - alphaKnown) * betaUnknown);
        const correct = outcomes[from + t] === 1;
        knownTotal += gammaKnown;
        unknownTotal += 1 - gammaKnown;
        if (correct) unknownRight += 1 - gammaKnown;
        else knownWrong += gammaKnown;
        if (t === 0) {
          knownAtStart += gammaKnown;
          break;
        }
        // Step back from t to t − 1: emissions at t, then the transition into t.
        const emitKnown = correct ? 1 - slip : slip;
        const emitUnknown = correct ? guess : 1 - guess;
        const c = scale[t] as number;
        const nextKnown = (betaKnown * emitKnown) / c;
        const nextUnknown = (betaUnknown * emitUnknown) / c;
        const alphaBefore = forward[t - 1] as number;
        // ξ(unknown → known) at the step into t.
        const xi = (1 - alphaBefore) * learn * nextKnown;
        const stayUnknown = (1 - alphaBefore) * (1 - learn) * nextUnknown;
        const stayKnown = alphaBefore * nextKnown;
        const norm = xi + stayUnknown + stayKnown;
        learned += xi / norm;
        unknownBeforeLast += (xi + stayUnknown) / norm;
        betaKnown = nextKnown;
        betaUnknown = learn * nextKnown + (1 - learn) * nextUnknown;
      }
    }
    const sequences = offsets.length - 1;
    prior = clamp(knownAtStart / sequences, EPSILON, 1 - EPSILON);
    learn = clamp(unknownBeforeLast > 0 ? learned / unknownBeforeLast : learn, EPSILON, 1 - EPSILON);
    guess = clamp(unknownTotal > 0 ? unknownRight / unknownTotal : guess, EPSILON, 0.5 - EPSILON);
    slip = clamp(knownTotal > 0 ? knownWrong / knownTotal : slip, EPSILON, 0.5 - EPSILON);
    if ((logLikelihood - previous) / Math.max(responses, 1) < tolerance) break;
    previous = logLikelihood;
  }
  return { prior, learn, guess, slip, logLikelihood, iterations };
}

function longestSequence(offsets: Uint32Array): number {
  let longest = 0;
  for (let index = 0; index + 1 < offsets.length; index++)
    longest = Math.max(longest, (offsets[index + 1] as number) - (offsets[index] as number));
  return longest;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Students' attempts drawn from known parameters: for testing that fitting finds them again. */
export function simulateBkt(
  parameters: BktParameters,
  options: { students: number; attempts: number; seed: number },
): SkillResponses {
  const random = createRandom(options.seed);
  const sequences = Array.from({ length: options.students }, () => {
    let known = random.chance(parameters.prior);
    return Array.from({ length: options.attempts }, (_, step) => {
      if (step > 0 && !known) known = random.chance(parameters.learn);
      return known ? !random.chance(parameters.slip) : random.chance(parameters.guess);
    });
  });
  return skillResponses(sequences);
}
