/**
 * The wire format of WeChat's cloud call (云调用) as wx-server-sdk's `cloud.openapi.*` speaks it
 * (wx-server-sdk 4.x, src/api/openapi/namespace/generic.ts and src/protobuf/openapi.proto):
 * node-sdk's `callCompatibleWxOpenApi` posts action `wx.openApi` with `requestData` = a protobuf
 * `CommApiData`, and CloudBase answers a protobuf `CommOpenApiResp`:
 *
 *   message KeyValuePair    { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
 *   message OpenApiData     { repeated KeyValuePair pairs = 1; }
 *   message CommApiData     { ApiType apiType = 1; OpenApiData openapiData = 2; …; string appid = 6; }   // OPEN_API = 0
 *   message CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4; … }
 *
 * Each request field becomes one pair whose value is the field's JSON text. `respData` is WeChat's
 * body: JSON (`application/json`, sometimes `text/plain`) or the bytes of an image, with its
 * content type. A non-zero `errorCode` is the cloud call's own refusal (e.g. -604101: the function
 * has no permission for this API), before WeChat answered at all.
 *
 * Only the fields above are written or read; unknown fields are skipped, as protobuf requires.
 * Both directions live here because the local runtime answers the same messages.
 */

export interface KeyValuePair {
  key: string;
  value: Buffer;
}

export interface CommApiData {
  pairs: KeyValuePair[];
  appid?: string;
}

export interface CommOpenApiResp {
  respData: Buffer;
  contentType: string;
  errorCode: number;
  httpCode: number;
}

const VARINT = 0;
const LENGTH_DELIMITED = 2;

class Writer {
  private readonly chunks: Buffer[] = [];

  varint(value: number | bigint): this {
    // int32 negatives are written as their 64-bit two's complement: ten bytes.
    let rest = BigInt.asUintN(64, BigInt(value));
    const bytes: number[] = [];
    do {
      const low = Number(rest & 0x7fn);
      rest >>= 7n;
      bytes.push(rest > 0n ? low | 0x80 : low);
    } while (rest > 0n);
    this.chunks.push(Buffer.from(bytes));
    return this;
  }

  tag(field: number, wireType: number): this {
    return this.varint((field << 3) | wireType);
  }

  bytes(field: number, value: Buffer): this {
    this.tag(field, LENGTH_DELIMITED).varint(value.length);
    this.chunks.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, Buffer.from(value, 'utf8'));
  }

  finish(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

class Reader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  get done(): boolean {
    return this.offset >= this.buffer.length;
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.offset >= this.buffer.length) throw new RangeError('protobuf: varint runs past the end');
      const byte = this.buffer[this.offset++] as number;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new RangeError('protobuf: varint longer than ten bytes');
  }

  bytes(): Buffer {
    const length = Number(this.varint());
    if (this.offset + length > this.buffer.length) throw new RangeError('protobuf: field runs past the end');
    const value = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  /** Calls `read(field, wireType)` for every field; fields it does not consume are skipped. */
  fields(read: (field: number, wireType: number) => boolean): void {
    while (!this.done) {
      const key = Number(this.varint());
      const field = key >>> 3;
      const wireType = key & 7;
      if (field === 0) throw new RangeError('protobuf: field number 0');
      if (read(field, wireType)) continue;
      if (wireType === VARINT) this.varint();
      else if (wireType === LENGTH_DELIMITED) this.bytes();
      else if (wireType === 1) this.skip(8);
      else if (wireType === 5) this.skip(4);
      else throw new RangeError(`protobuf: unsupported wire type ${wireType}`);
    }
  }

  private skip(length: number): void {
    if (this.offset + length > this.buffer.length) throw new RangeError('protobuf: field runs past the end');
    this.offset += length;
  }
}

/** A cloud-call request as wx-server-sdk builds it: one pair per field, its value the field's JSON. */
export function requestPairs(request: Readonly<Record<string, unknown>>): KeyValuePair[] {
  return Object.entries(request).flatMap(([key, value]) => {
    const json = JSON.stringify(value);
    return json === undefined ? [] : [{ key, value: Buffer.from(json, 'utf8') }];
  });
}

export function encodeCommApiData(data: CommApiData): Buffer {
  const openapiData = new Writer();
  for (const pair of data.pairs) openapiData.bytes(1, new Writer().string(1, pair.key).bytes(2, pair.value).finish());
  const message = new Writer().tag(1, VARINT).varint(0).bytes(2, openapiData.finish());
  if (data.appid) message.string(6, data.appid);
  return message.finish();
}

export function decodeCommApiData(buffer: Buffer): CommApiData & { apiType: number } {
  const decoded: CommApiData & { apiType: number } = { apiType: 0, pairs: [] };
  const reader = new Reader(buffer);
  reader.fields((field, wireType) => {
    if (field === 1 && wireType === VARINT) {
      decoded.apiType = Number(BigInt.asIntN(32, reader.varint()));
      return true;
    }
    if (field === 2 && wireType === LENGTH_DELIMITED) {
      const inner = new Reader(reader.bytes());
      inner.fields((innerField, innerType) => {
        if (innerField !== 1 || innerType !== LENGTH_DELIMITED) return false;
        const pairReader = new Reader(inner.bytes());
        const pair: KeyValuePair = { key: '', value: Buffer.alloc(0) };
        pairReader.fields((pairField, pairType) => {
          if (pairType !== LENGTH_DELIMITED || (pairField !== 1 && pairField !== 2)) return false;
          const bytes = pairReader.bytes();
          if (pairField === 1) pair.key = bytes.toString('utf8');
          else pair.value = Buffer.from(bytes);
          return true;
        });
        decoded.pairs.push(pair);
        return true;
      });
      return true;
    }
    if (field === 6 && wireType === LENGTH_DELIMITED) {
      decoded.appid = reader.bytes().toString('utf8');
      return true;
    }
    return false;
  });
  return decoded;
}

export function encodeCommOpenApiResp(resp: Partial<CommOpenApiResp>): Buffer {
  const message = new Writer();
  if (resp.respData && resp.respData.length > 0) message.bytes(1, resp.respData);
  if (resp.contentType) message.string(2, resp.contentType);
  if (resp.errorCode) message.tag(3, VARINT).varint(resp.errorCode);
  if (resp.httpCode) message.tag(4, VARINT).varint(resp.httpCode);
  return message.finish();
}

export function decodeCommOpenApiResp(buffer: Buffer): CommOpenApiResp {
  const decoded: CommOpenApiResp = { respData: Buffer.alloc(0), contentType: '', errorCode: 0, httpCode: 0 };
  const reader = new Reader(buffer);
  reader.fields((field, wireType) => {
    if (field === 1 && wireType === LENGTH_DELIMITED) decoded.respData = Buffer.from(reader.bytes());
    else if (field === 2 && wireType === LENGTH_DELIMITED) decoded.contentType = reader.bytes().toString('utf8');
    else if (field === 3 && wireType === VARINT) decoded.errorCode = Number(BigInt.asIntN(32, reader.varint()));
    else if (field === 4 && wireType === VARINT) decoded.httpCode = Number(BigInt.asUintN(32, reader.varint()));
    else return false;
    return true;
  });
  return decoded;
}
