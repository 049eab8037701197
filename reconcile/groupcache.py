"""What each group came to, kept between runs in `.reconcile/cache/groups.json`.

Comparing a group, and the lines `check` writes of it, are pure functions of the group's claims
as read, of its resolutions, of reconcile.yaml and of this program. A group all of whose claims
came through the cache of claims files is known by the digest of those claims (each entry gives
one per claim, made of its place and fields) and of its resolutions; what comparing it gave and
its text are kept under that digest. After one claims file changed, only the groups that hold a
changed claim are compared and written again.

The file is plain JSON behind a checksum, under the same salt as the claims cache (this
program, the format, reconcile.yaml): one that is half-written, of another version or another
reconcile.yaml, or altered, is ignored and rewritten, and a kept outcome is checked against its
group before it is used. When a run writes the file, it keeps only the groups the project still
has.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reconcile.cache import CACHE_DIR, Uncacheable, cache_salt, encode
from reconcile.load import CONFIG_FILE
from reconcile.model import Resolution

GROUPS_FILE = CACHE_DIR / "groups.json"
_FORMAT = 1


class GroupCache:
    """Outcomes and texts of groups, by the digest of what each group is made of."""

    def __init__(self, root: Path, config_text: bytes) -> None:
        self.path = root / GROUPS_FILE
        salt = cache_salt(config_text)
        self._salt = salt
        self._head = f"reconcile-groups {_FORMAT} {salt.hex()} ".encode()
        self._kept = self._read()
        self._new: dict[str, Any] = {}
        self._live: set[str] = set()

    @classmethod
    def of(cls, root: Path) -> GroupCache | None:
        """The group cache of the project in `root`; None when reconcile.yaml cannot be read."""
        try:
            return cls(root, (root / CONFIG_FILE).read_bytes())
        except OSError:
            return None

    def digest(
        self,
        key: tuple[str, str, str | None],
        claims: Sequence[str | None],
        resolutions: tuple[Resolution, ...],
    ) -> str | None:
        """The digest of a group: its key, its claims' digests in order, its resolutions; None
        when a claim has none (it did not come through the cache) or a resolution cannot be
        written down."""
        if None in claims:
            return None
        try:
            written = json.dumps(encode(resolutions), ensure_ascii=False, separators=(",", ":"))
        except Uncacheable:
            return None
        hasher = hashlib.blake2b(self._salt, digest_size=16)
        hasher.update(json.dumps(list(key), ensure_ascii=False).encode("utf-8", "surrogatepass"))
        hasher.update("\0".join(claims).encode())  # type: ignore[arg-type]
        hasher.update(written.encode("utf-8", "surrogatepass"))
        digest = hasher.hexdigest()
        self._live.add(digest)
        return digest

    def get(self, kind: str, digest: str) -> Any:
        """What was kept of `kind` ("outcome", or a text's name) for the group `digest`."""
        name = f"{kind}:{digest}"
        return self._new.get(name, self._kept.get(name))

    def put(self, kind: str, digest: str, data: Any) -> None:
        name = f"{kind}:{digest}"
        if self._kept.get(name) != data:
            self._new[name] = data

    def save(self) -> None:
        """Write what the groups the project still has came to, when it changed."""
        kept = {
            name: data
            for name, data in {**self._kept, **self._new}.items()
            if name.rpartition(":")[2] in self._live
        }
        if not self._new and kept.keys() == self._kept.keys():
            return
        body = json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "surrogatepass"
        )
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(self._head + _checksum(body) + b"\n" + body)
            os.replace(temporary, self.path)  # a reader sees the whole file or none
        except OSError:
            pass  # a read-only project is checked all the same

    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_bytes()
        except OSError:
            return {}
        head, _, body = text.partition(b"\n")
        if head != self._head + _checksum(body):
            return {}
        try:
            data = json.loads(body)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(body).hexdigest().encode()
