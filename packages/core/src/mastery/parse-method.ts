import { CairnError } from "../errors";
import { DEFAULT_DECAY_WEIGHT, MASTERY_METHODS, type MasteryMethod, type MasteryMethodName } from "./methods";

/**
 * A method named as people write it (`decaying-average` with `weight=0.7`), checked: an
 * unknown name or parameter, or a value out of range, is a validation error naming it.
 */
export function parseMasteryMethod(name: string, params: Readonly<Record<string, string>> = {}): MasteryMethod {
  if (!(MASTERY_METHODS as readonly string[]).includes(name))
    throw new CairnError("validation", `unknown mastery method "${name}"`, [
      { path: ["method"], message: `must be one of ${MASTERY_METHODS.join(", ")}` },
    ]);
  const method = name as MasteryMethodName;
  const allowed = [
    "min-observations",
    ...(method.endsWith("decaying-average") ? ["weight"] : []),
    ...(method === "n-mastery" ? ["n"] : []),
  ];
  for (const key of Object.keys(params))
    if (!allowed.includes(key))
      throw new CairnError("validation", `the method ${method} takes no parameter "${key}"`, [
        { path: ["params", key], message: `allowed: ${allowed.join(", ")}` },
      ]);
  const minObservations = integer(params, "min-observations", 1, 1, 100);
  switch (method) {
    case "decaying-average":
      return { name: method, weight: number(params, "weight", DEFAULT_DECAY_WEIGHT, 0, 1), minObservations };
    case "standard-decaying-average":
      return { name: method, weight: number(params, "weight", 0.5, 0.5, 0.99), minObservations };
    case "n-mastery":
      return { name: method, n: integer(params, "n", 3, 1, 100), minObservations };
    default:
      return { name: method, minObservations };
  }
}

function number(
  params: Readonly<Record<string, string>>,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = params[key];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max)
    throw new CairnError("validation", `${key} must be a number from ${min} to ${max}`, [
      { path: ["params", key], message: `got "${text}"` },
    ]);
  return value;
}

function integer(
  params: Readonly<Record<string, string>>,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = number(params, key, fallback, min, max);
  if (!Number.isInteger(value))
    throw new CairnError("validation", `${key} must be a whole number`, [
      { path: ["params", key], message: `got "${params[key]}"` },
    ]);
  return value;
}
