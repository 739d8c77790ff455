import { z } from "zod";
import { ERROR_CODES } from "./errors";

/** Every error the API returns has this shape. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z
      .array(
        z.object({
          message: z.string(),
          path: z.array(z.union([z.string(), z.number()])).optional(),
          file: z.string().optional(),
          row: z.number().optional(),
          column: z.string().optional(),
        }),
      )
      .optional(),
  }),
});

export const idParamsSchema = z.object({ id: z.uuid() }).strict();

export type ErrorResponse = z.infer<typeof errorResponseSchema>;
