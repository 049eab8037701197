"""What each group came to, kept between runs in `.reconcile/cache/groups/`.

Comparing a group, and the lines `check` writes of it, are pure functions of the group's claims
as read, of its resolutions, of reconcile.yaml and of this program. A group all of whose claims
came through the cache of claims files is known by the digest of those claims (each entry gives
one per claim, made of its place and fields) and of its resolutions; what comparing it gave and
its text are kept under that digest. After one claims file changed, only the groups that hold a
changed claim are compared and written again.

Each group is one file named by its digest, which starts from the salt of the claims cache
(this program, the format, reconcile.yaml). A file is plain JSON behind a checksum: one that is
half-written or altered is ignored and rewritten, and a kept outcome is checked against its
group before it is used. After an edit only the new groups' files are written, and the files
of groups the project no longer has are deleted.
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

GROUPS_DIR = CACHE_DIR / "groups"
_FORMAT = 1


class GroupCache:
    """Outcomes and texts of groups, one file a group, by the digest of what it is made of."""

    def __init__(self, root: Path, config_text: bytes) -> None:
        self.folder = root / GROUPS_DIR
        self._salt = cache_salt(config_text)
        self._head = f"reconcile-groups {_FORMAT} ".encode()
        self._read: dict[str, dict[str, Any]] = {}
        self._changed: set[str] = set()
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
        return self._group(digest).get(kind)

    def put(self, kind: str, digest: str, data: Any) -> None:
        kept = self._group(digest)
        if kept.get(kind) != data:
            kept[kind] = data
            self._changed.add(digest)

    def save(self) -> None:
        """Write the groups whose outcome or text is new, and delete those the project no
        longer has."""
        try:
            for digest in self._changed:
                body = json.dumps(
                    self._read[digest], ensure_ascii=False, separators=(",", ":")
                ).encode("utf-8", "surrogatepass")
                path = self._path(digest)
                path.parent.mkdir(parents=True, exist_ok=True)
                temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                temporary.write_bytes(self._head + _checksum(body) + b"\n" + body)
                os.replace(temporary, path)  # a reader sees the whole file or none
            for path in self.folder.glob("*.json"):
                if path.stem not in self._live:
                    path.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only project is checked all the same

    def _path(self, digest: str) -> Path:
        return self.folder / f"{digest}.json"

    def _group(self, digest: str) -> dict[str, Any]:
        if digest not in self._read:
            self._read[digest] = self._load(digest)
        return self._read[digest]

    def _load(self, digest: str) -> dict[str, Any]:
        try:
            text = self._path(digest).read_bytes()
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
