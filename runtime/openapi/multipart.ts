/**
 * Reads a multipart/form-data body (RFC 7578) into its named fields, as bytes. Enough for what
 * node-sdk's form-data posts for cloud calls: one part per field, each with a
 * `Content-Disposition: form-data; name="…"` header. Repeated names keep the last value.
 */
export function parseMultipart(body: Buffer, contentType: string): Record<string, Buffer> | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return null;
  const delimiter = Buffer.from(`--${marker}`);
  const fields: Record<string, Buffer> = {};
  let start = body.indexOf(delimiter);
  if (start < 0) return null;
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString('latin1') === '--') return fields;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) return null;
    // A part is CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) return null;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined) fields[name] = Buffer.from(part.subarray(headerEnd + 4));
    start = next;
  }
  return null;
}
