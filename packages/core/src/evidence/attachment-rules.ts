/**
 * What may be attached to evidence: photos, scans, documents, recordings. A file's declared
 * type must be on the list and its first bytes must say the same, so a renamed program or
 * web page is refused rather than served back to a family's browser later.
 */
export const ATTACHMENT_TYPES: Record<string, { extensions: string[]; signature: (head: Uint8Array) => boolean }> = {
  "application/pdf": { extensions: ["pdf"], signature: (head) => startsWith(head, ascii("%PDF-")) },
  "image/png": {
    extensions: ["png"],
    signature: (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  "image/jpeg": { extensions: ["jpg", "jpeg"], signature: (head) => startsWith(head, [0xff, 0xd8, 0xff]) },
  "image/webp": {
    extensions: ["webp"],
    signature: (head) => startsWith(head, ascii("RIFF")) && startsWith(head.subarray(8), ascii("WEBP")),
  },
  "audio/mpeg": {
    extensions: ["mp3"],
    signature: (head) => startsWith(head, ascii("ID3")) || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0),
  },
  "video/mp4": { extensions: ["mp4", "m4v"], signature: (head) => startsWith(head.subarray(4), ascii("ftyp")) },
  "audio/mp4": { extensions: ["m4a"], signature: (head) => startsWith(head.subarray(4), ascii("ftyp")) },
  "text/plain": { extensions: ["txt"], signature: (head) => !head.includes(0) },
};

/** 10 MB: a phone photo or a short recording; longer media belongs in a link. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Why a file cannot be attached, or null when it can. `head` is at least its first 16 bytes (all of a shorter file). */
export function attachmentProblem(file: {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  head: Uint8Array;
}): { field: "fileName" | "mediaType" | "body"; message: string } | null {
  const name = file.fileName.trim();
  if (name.length === 0 || name.length > 200 || hasFolderOrControl(name))
    return { field: "fileName", message: "give a plain file name (no folders), at most 200 characters" };
  const type = ATTACHMENT_TYPES[file.mediaType];
  if (!type)
    return {
      field: "mediaType",
      message: `files of type ${file.mediaType || "(none)"} cannot be attached; allowed: ${Object.keys(ATTACHMENT_TYPES).join(", ")}`,
    };
  const extension = name.includes(".") ? (name.split(".").pop() ?? "").toLowerCase() : "";
  if (!type.extensions.includes(extension))
    return { field: "fileName", message: `a ${file.mediaType} file should end in .${type.extensions.join(" or .")}` };
  if (file.sizeBytes === 0) return { field: "body", message: "the file is empty" };
  if (file.sizeBytes > MAX_ATTACHMENT_BYTES)
    return { field: "body", message: `the file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` };
  if (!type.signature(file.head))
    return { field: "body", message: `the file's contents are not a ${file.mediaType} file` };
  return null;
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function hasFolderOrControl(name: string): boolean {
  return [...name].some((character) => character === "/" || character === "\\" || character.charCodeAt(0) < 0x20);
}
