"""三审 (three-level review): the article states, the moves between them and who may make each.

One table, no ORM: `article_transition` in services.py is the only place that applies it.
"""

from __future__ import annotations

from dataclasses import dataclass

# States (the values of Article.Status).
DRAFT, SUBMITTED, REVIEW2, REVIEW3 = "draft", "submitted", "review2", "review3"
APPROVED, SCHEDULED, PUBLISHED, RETURNED, WITHDRAWN = "approved", "scheduled", "published", "returned", "withdrawn"

STATE_LABELS = {
    DRAFT: "草稿",
    SUBMITTED: "待初审",
    REVIEW2: "待复审",
    REVIEW3: "待终审",
    APPROVED: "已签发",
    SCHEDULED: "定时发布",
    PUBLISHED: "已发布",
    RETURNED: "退回修改",
    WITHDRAWN: "已撤稿",
}

# Roles (the groups made by the data migration, by key).
REPORTER, EDITOR, DESK_HEAD, CHIEF, ADMIN = "reporter", "editor", "desk_head", "chief", "admin"
# The system itself (scheduled publishing), not a person.
SYSTEM = "system"

ROLE_GROUPS = {
    REPORTER: "记者",
    EDITOR: "编辑",
    DESK_HEAD: "部门主任",
    CHIEF: "总编辑",
    ADMIN: "管理员",
}

EDITORS_UP = frozenset({EDITOR, DESK_HEAD, CHIEF, ADMIN})
DESK_UP = frozenset({DESK_HEAD, CHIEF, ADMIN})
CHIEF_UP = frozenset({CHIEF, ADMIN})


@dataclass(frozen=True)
class Move:
    name: str
    label: str
    sources: frozenset[str]
    target: str
    # Roles that may make the move on any article.
    roles: frozenset[str]
    # Roles that may make it only on their own articles.
    own_roles: frozenset[str] = frozenset()
    needs_note: bool = False


MOVES: tuple[Move, ...] = (
    Move("submit", "提交审核", frozenset({DRAFT, RETURNED}), SUBMITTED, EDITORS_UP, frozenset({REPORTER})),
    Move("approve_first", "初审通过", frozenset({SUBMITTED}), REVIEW2, EDITORS_UP),
    Move("approve_second", "复审通过", frozenset({REVIEW2}), REVIEW3, DESK_UP),
    Move("approve_final", "终审签发", frozenset({REVIEW3}), APPROVED, CHIEF_UP),
    Move("return_submitted", "初审退回", frozenset({SUBMITTED}), RETURNED, EDITORS_UP, needs_note=True),
    Move("return_review", "复审退回", frozenset({REVIEW2}), RETURNED, DESK_UP, needs_note=True),
    Move("return_final", "终审退回", frozenset({REVIEW3, APPROVED, SCHEDULED}), RETURNED, CHIEF_UP, needs_note=True),
    Move("schedule", "定时发布", frozenset({APPROVED}), SCHEDULED, EDITORS_UP),
    Move("unschedule", "取消定时", frozenset({SCHEDULED}), APPROVED, EDITORS_UP),
    Move("publish", "立即发布", frozenset({APPROVED, SCHEDULED}), PUBLISHED, EDITORS_UP | {SYSTEM}),
    Move("withdraw", "撤稿", frozenset({PUBLISHED}), WITHDRAWN, DESK_UP, needs_note=True),
    Move("reopen", "重新编辑", frozenset({WITHDRAWN}), DRAFT, DESK_UP),
)
MOVES_BY_NAME = {move.name: move for move in MOVES}

# States in which the author may still edit the text.
AUTHOR_EDITABLE = frozenset({DRAFT, RETURNED})
# States that are in someone's review queue, in order.
QUEUES = (SUBMITTED, REVIEW2, REVIEW3, APPROVED, SCHEDULED)


def may(move: Move, *, roles: set[str] | frozenset[str], own: bool) -> bool:
    """May someone with these roles make this move, on their own article or not?"""
    return bool(move.roles & roles) or (own and bool(move.own_roles & roles))


def moves_for(state: str, *, roles: set[str] | frozenset[str], own: bool) -> list[Move]:
    """The moves open from this state to someone with these roles."""
    return [m for m in MOVES if state in m.sources and may(m, roles=roles, own=own)]
