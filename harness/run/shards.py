"""Shards: `shard=i/n` runs the i-th of n parts of the samples, each an ordinary run that `harness merge` joins.

A sample's shard is fixed by a hash of its id (not by its position), so adding rows to a dataset moves no
other sample to another shard, and any launcher may run the shards in any order on any machine. Each shard
run writes `shard.json`: its place and the id of every sample of the whole run in the unsharded order, which
is all `harness merge` needs to put the records back in the order one unsharded run writes them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.errors import ConfigError

SHARD_FILE = "shard.json"


def shard_of(sample_id: str, count: int) -> int:
    """The shard (1..count) that holds `sample_id`."""
    digest = hashlib.sha256(sample_id.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


@dataclass(frozen=True)
class Shard:
    """The `index`-th (1-based) of `count` shards."""

    index: int
    count: int

    def holds(self, sample_id: str) -> bool:
        return shard_of(sample_id, self.count) == self.index

    def write(self, run_dir: Path, order: Sequence[str]) -> None:
        """Record this shard's place and the unsharded order of every sample id in `run_dir/shard.json`."""
        run_dir.mkdir(parents=True, exist_ok=True)
        record = {"index": self.index, "count": self.count, "order": list(order)}
        (run_dir / SHARD_FILE).write_text(json.dumps(record) + "\n", encoding="utf-8")


def parse_shard(value: Any) -> Shard | None:
    """`shard` from config: None (no sharding) or "i/n" with 1 <= i <= n; anything else is a `ConfigError`."""
    if value is None:
        return None
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", str(value))
    if match is None or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise ConfigError(f"shard: expected i/n with 1 <= i <= n (shard=2/4 runs the second of four), got {value!r}")
    return Shard(int(match.group(1)), int(match.group(2)))
