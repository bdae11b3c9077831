#!/usr/bin/env python3
"""Recomputes accrue record hashes from their JSON form, independently of the Swift code.

Usage:
  verify_vectors.py                  check schemas/vectors/records.json
  verify_vectors.py --events FILE    check a JSON-lines chain (events.read records, one a line)
  verify_vectors.py --generate       rewrite the canonical hex and hashes of the vectors
"""
import datetime
import hashlib
import json
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, "vectors", "records.json")
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def encode_value(v):
    """payload-encoding.md: tags 0x00..0x06, zigzag LEB128 integers, sorted object keys."""
    if v is None:
        return b"\x00"
    if v is False:
        return b"\x01"
    if v is True:
        return b"\x02"
    if isinstance(v, int):
        return b"\x03" + varint(((v << 1) ^ (v >> 63)) & 0xFFFFFFFFFFFFFFFF)
    if isinstance(v, str):
        raw = v.encode("utf-8")
        return b"\x04" + varint(len(raw)) + raw
    if isinstance(v, list):
        return b"\x05" + varint(len(v)) + b"".join(encode_value(x) for x in v)
    if isinstance(v, dict):
        items = sorted((k.encode("utf-8"), val) for k, val in v.items())
        body = b"".join(varint(len(k)) + k + encode_value(val) for k, val in items)
        return b"\x06" + varint(len(items)) + body
    raise ValueError("floats are not part of the payload model: %r" % (v,))


def micros(rfc3339):
    moment = datetime.datetime.strptime(rfc3339, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    delta = moment - EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def short(text):
    raw = text.encode("utf-8")
    assert len(raw) <= 255
    return bytes([len(raw)]) + raw


def canonical(record):
    payload = encode_value(record["payload"])
    return (
        b"\x01"
        + struct.pack(">Q", record["seq"])
        + struct.pack(">q", micros(record["recorded_at"]))
        + short(record["type"])
        + struct.pack(">H", record["version"])
        + short(record["command_id"])
        + struct.pack(">I", record["actor"]["uid"])
        + short(record["actor"]["role"])
        + struct.pack(">I", len(payload))
        + payload
    )


def record_hash(record):
    return hashlib.sha256(bytes.fromhex(record["prev_hash"]) + canonical(record)).hexdigest()


def check_chain(records, expect_canonical=False):
    previous = None
    for record in records:
        if previous is not None and record["prev_hash"] != previous["hash"]:
            return "record %d: prev_hash does not match record %d" % (record["seq"], previous["seq"])
        if previous is None and record["seq"] == 1 and record["prev_hash"] != "0" * 64:
            return "record 1: prev_hash is not 32 zero bytes"
        if expect_canonical and canonical(record).hex() != record["canonical_hex"]:
            return "record %d: canonical bytes differ from the vector" % record["seq"]
        if record_hash(record) != record["hash"]:
            return "record %d: hash mismatch" % record["seq"]
        previous = record
    return None


def main(argv):
    if "--events" in argv:
        path = argv[argv.index("--events") + 1]
        with open(path) as handle:
            records = [json.loads(line) for line in handle if line.strip()]
        fault = check_chain(records)
    elif "--generate" in argv:
        with open(VECTORS) as handle:
            vectors = json.load(handle)
        previous = "0" * 64
        for record in vectors["records"]:
            record["prev_hash"] = previous
            record["canonical_hex"] = canonical(record).hex()
            record["hash"] = record_hash(record)
            previous = record["hash"]
        with open(VECTORS, "w") as handle:
            json.dump(vectors, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
        print("wrote %d vectors" % len(vectors["records"]))
        return 0
    else:
        with open(VECTORS) as handle:
            records = json.load(handle)["records"]
        fault = check_chain(records, expect_canonical=True)
    if fault:
        print("FAULT " + fault)
        return 1
    print("ok: %d records, chain and hashes verified" % len(records))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
