import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attachmentProblem, MAX_ATTACHMENT_BYTES } from "./attachment-rules";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const png = (overrides: Partial<Parameters<typeof attachmentProblem>[0]> = {}) =>
  attachmentProblem({ fileName: "poster.png", mediaType: "image/png", sizeBytes: 2048, head: PNG, ...overrides });

describe("attachmentProblem", () => {
  it("accepts a file whose name, type and first bytes agree", () => {
    expect(png()).toBeNull();
    const pdf = new TextEncoder().encode("%PDF-1.7\n");
    expect(
      attachmentProblem({ fileName: "Certificate.PDF", mediaType: "application/pdf", sizeBytes: 9, head: pdf }),
    ).toBeNull();
  });

  it("refuses types that are not on the list, naming the field", () => {
    const html = new TextEncoder().encode("<script>alert(1)</script>");
    expect(attachmentProblem({ fileName: "x.html", mediaType: "text/html", sizeBytes: 25, head: html })).toMatchObject({
      field: "mediaType",
    });
    expect(png({ mediaType: "application/x-msdownload" })?.field).toBe("mediaType");
  });

  it("refuses a file whose contents are not what it claims", () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    expect(png({ head: exe })).toMatchObject({ field: "body" });
    expect(
      attachmentProblem({ fileName: "notes.txt", mediaType: "text/plain", sizeBytes: 8, head: exe }),
    ).toMatchObject({
      field: "body",
    });
  });

  it("refuses an extension that does not match the type, folders in the name, empty and oversized files", () => {
    expect(png({ fileName: "poster.exe" })?.field).toBe("fileName");
    expect(png({ fileName: "../../etc/passwd.png" })?.field).toBe("fileName");
    expect(png({ sizeBytes: 0 })?.field).toBe("body");
    expect(png({ sizeBytes: MAX_ATTACHMENT_BYTES + 1 })?.message).toContain("larger than 10 MB");
    expect(png({ sizeBytes: MAX_ATTACHMENT_BYTES })).toBeNull();
  });

  it("never accepts a type off the list, whatever the name and bytes", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.uint8Array({ maxLength: 32 }),
        (mediaType, fileName, head) => {
          const problem = attachmentProblem({ fileName, mediaType: `x-${mediaType}`, sizeBytes: 10, head });
          expect(problem).not.toBeNull();
        },
      ),
    );
  });
});
