import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import case10Schema from "./case-v1p0.schema.json";
import case11Schema from "./case-v1p1.schema.json";
import type { Problem } from "./types";

/**
 * Checks a package against the official 1EdTech CASE JSON schema of its version (vendored
 * beside this file, unchanged). Compiled on first use only: the browser bundle imports
 * this module's neighbours but never validates.
 */
const validators = new Map<"1.0" | "1.1", ValidateFunction>();

function validatorFor(version: "1.0" | "1.1"): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    const ajv =
      version === "1.1" ? new Ajv2020({ allErrors: true, strict: false }) : new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    // Formats the CASE schemas name for numbers; the type keyword already checks them.
    ajv.addFormat("float", { type: "number", validate: () => true });
    ajv.addFormat("int32", { type: "number", validate: (value: number) => Number.isInteger(value) });
    // The 1.1 schema names its meta-schema by an http:// address Ajv knows as https://; the
    // validator is Ajv2020 either way, so the declaration is left out rather than looked up.
    const { $schema: _declaredMetaSchema, ...schema } = (version === "1.1" ? case11Schema : case10Schema) as Record<
      string,
      unknown
    >;
    validate = ajv.compile(schema);
    validators.set(version, validate);
  }
  return validate;
}

export function schemaProblems(input: unknown, version: "1.0" | "1.1"): Problem[] {
  const validate = validatorFor(version);
  if (validate(input)) return [];
  return describeErrors(validate.errors ?? []);
}

/**
 * One problem per place: where a value failed every alternative of an `anyOf`, the
 * alternatives' own complaints are folded into one message.
 */
function describeErrors(errors: ErrorObject[]): Problem[] {
  const byPath = new Map<string, string>();
  const alternatives = new Set(
    errors.filter((error) => error.keyword === "anyOf" || error.keyword === "oneOf").map((error) => error.instancePath),
  );
  for (const error of errors) {
    const path = jsonPath(error);
    if (alternatives.has(error.instancePath) && error.keyword !== "anyOf" && error.keyword !== "oneOf") {
      if (error.keyword === "enum" && !byPath.has(path))
        byPath.set(path, `must be one of ${(error.params.allowedValues as string[]).join(", ")} or an "ext:" type`);
      continue;
    }
    if (!byPath.has(path)) byPath.set(path, message(error));
  }
  return [...byPath].map(([path, text]) => ({ path, message: text }));
}

function jsonPath(error: ErrorObject): string {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (error.keyword === "required") segments.push(String(error.params.missingProperty));
  if (error.keyword === "additionalProperties") segments.push(String(error.params.additionalProperty));
  return `$${segments.map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`)).join("")}`;
}

function message(error: ErrorObject): string {
  switch (error.keyword) {
    case "required":
      return "is required";
    case "additionalProperties":
      return "is not a field CASE defines here";
    case "pattern":
      return error.instancePath.endsWith("identifier")
        ? "must be a lower-case UUID (CASE identifier)"
        : `must match ${String(error.params.pattern)}`;
    case "format":
      return `must be a valid ${String(error.params.format)}`;
    case "type":
      return `must be ${String(error.params.type)}`;
    case "anyOf":
    case "oneOf":
      return "is none of the forms CASE allows here";
    default:
      return error.message ?? "is not valid CASE";
  }
}
