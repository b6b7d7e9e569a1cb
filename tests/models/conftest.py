"""Small hand-written clusters and a local chat-completions server shared by the model tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from harness.models.protocols import SourceCluster, SourceDocument
from tests.models.chat_server import ChatServer, serving

FIRST = """# Taliban Accept Invitation

By [Reuters](#)

August 23, 2018

The Taliban said on Wednesday it would send senior members to Moscow for peace talks.

Russia has invited 12 countries, including the United States, to the talks on Sept. 4.

Afghanistan's government declined the offer to attend the Moscow conference.

Nearly 40 years have passed since Moscow sent its troops into Afghanistan.
"""

SECOND = """Afghanistan will not attend

Afghanistan will not attend the peace talks hosted by Russia early next month, the ministry said.

At least four senior Taliban members will attend the talks in Moscow, a commander said.
"""


@pytest.fixture
def cluster() -> SourceCluster:
    return SourceCluster(
        id="talks",
        documents=(SourceDocument("first", FIRST), SourceDocument("second", SECOND)),
        references=(
            "Russia invited 12 countries to talks on Sept. 4. At least four senior Taliban members will attend.",
            "The Taliban will attend talks in Moscow, which Afghanistan declined.",
        ),
    )


@pytest.fixture
def chat_server() -> Iterator[ChatServer]:
    with serving() as state:
        yield state
