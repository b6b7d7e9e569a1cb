"""The judge's prompts: a versioned YAML file (the built-in one or the user's), hashed so edits are never stale."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

import yaml

from harness.errors import InputFileError

BUILT_IN = "default.yaml"
PLACEHOLDERS = {"split": ("summary",), "verify": ("passages", "claim")}
"""The placeholders each prompt must contain."""


@dataclass(frozen=True)
class Prompt:
    """A system message and a user message template (`string.Template`: `$name` placeholders)."""

    system: str
    user: Template

    def messages(self, **values: str) -> list[dict[str, str]]:
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": self.user.substitute(values)},
        ]


@dataclass(frozen=True)
class PromptSet:
    """The claim-splitting and verification prompts, their version and the SHA-256 of the file they came from."""

    version: str
    sha256: str
    split: Prompt
    verify: Prompt
    source: str


def _prompt(data: object, name: str, where: str) -> Prompt:
    if not isinstance(data, dict):
        raise InputFileError(where, "expected a mapping with `system` and `user`", field=name)
    system, user = data.get("system"), data.get("user")
    if not isinstance(system, str) or not isinstance(user, str) or not user.strip():
        raise InputFileError(where, "needs text under `system` and `user`", field=name)
    template = Template(user)
    named = {match[1] or match[2] for match in template.pattern.findall(user) if match[1] or match[2]}
    missing = [key for key in PLACEHOLDERS[name] if key not in named]
    if missing:
        raise InputFileError(
            where, f"`user` lacks the placeholder(s) {', '.join('$' + k for k in missing)}", field=name
        )
    unknown = sorted(named - set(PLACEHOLDERS[name]))
    if unknown:
        raise InputFileError(
            where, f"`user` has unknown placeholder(s) {', '.join('$' + k for k in unknown)}", field=name
        )
    return Prompt(system=system, user=template)


def load_prompts(path: str | None = None) -> PromptSet:
    """The prompts of `path`, or the built-in file when `path` is None."""
    if path is None:
        raw = resources.files("harness.metrics.judge").joinpath("prompts", BUILT_IN).read_bytes()
        where = f"harness/metrics/judge/prompts/{BUILT_IN}"
    else:
        try:
            raw = Path(path).expanduser().read_bytes()
        except OSError as error:
            raise InputFileError(path, f"cannot read the judge's prompt file: {error.strerror}") from None
        where = str(path)
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputFileError(where, f"not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise InputFileError(where, "expected a mapping with `version`, `split` and `verify`")
    version = data.get("version")
    if not isinstance(version, str | int) or not str(version).strip():
        raise InputFileError(where, "needs a `version` naming this wording", field="version")
    return PromptSet(
        version=str(version),
        sha256=hashlib.sha256(raw).hexdigest(),
        split=_prompt(data.get("split"), "split", where),
        verify=_prompt(data.get("verify"), "verify", where),
        source=where,
    )
