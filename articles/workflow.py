"""三审 (three-level review): the article states, the moves between them, who may make each,
what each needs and what each sets off.

One table, no ORM: `article_transition` in services.py is the only place that applies it,
and it reads everything from here: the sources, the roles, the note or time a move
needs, and its effects (the search index, the readers' pages, the author's e-mail).
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


# What a move sets off once it is made.
INDEX = "index"  # the article enters or leaves the search index
READERS = "readers"  # readers see it: its pages are written again
WITHDRAW = "withdraw"  # readers lose it at once: off every page, feed and search in the same commit
NOTIFY = "notify"  # the author is e-mailed the new state (and the note)

# States in which an import may still rewrite an article's text: before 初审 passes.
IMPORT_MAY_UPDATE = frozenset({DRAFT, SUBMITTED, RETURNED})


class WorkflowError(Exception):
    """A move that cannot be made; the subclasses say why, the message says it in Chinese."""


class UnknownMove(WorkflowError):
    pass


class WrongState(WorkflowError):
    """The article is not in a state the move starts from."""


class NotAllowed(WorkflowError):
    """This person may not make this move on this article."""


class NoteMissing(WorkflowError):
    pass


class TimeMissing(WorkflowError):
    pass


class TermsBlocked(WorkflowError):
    """A blocking word (禁用词) is in the text; only a chief editor's override with a note lets it pass."""


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
    needs_time: bool = False
    effects: frozenset[str] = frozenset()
    checks_terms: bool = False  # refused while a blocking word (禁用词) is in the text

    @property
    def publishes(self) -> bool:
        return self.target == PUBLISHED


_RETURNED = frozenset({NOTIFY})
MOVES: tuple[Move, ...] = (
    # A draft is its author's until submitted: only the author submits it.
    Move("submit", "提交审核", frozenset({DRAFT, RETURNED}), SUBMITTED, frozenset(), EDITORS_UP | {REPORTER}),
    Move("approve_first", "初审通过", frozenset({SUBMITTED}), REVIEW2, EDITORS_UP),
    Move("approve_second", "复审通过", frozenset({REVIEW2}), REVIEW3, DESK_UP),
    Move("approve_final", "终审签发", frozenset({REVIEW3}), APPROVED, CHIEF_UP, checks_terms=True),
    Move(
        "return_submitted", "初审退回", frozenset({SUBMITTED}), RETURNED, EDITORS_UP,
        needs_note=True, effects=_RETURNED,
    ),
    Move("return_review", "复审退回", frozenset({REVIEW2}), RETURNED, DESK_UP, needs_note=True, effects=_RETURNED),
    Move(
        "return_final", "终审退回", frozenset({REVIEW3, APPROVED, SCHEDULED}), RETURNED, CHIEF_UP,
        needs_note=True, effects=_RETURNED,
    ),
    Move("schedule", "定时发布", frozenset({APPROVED}), SCHEDULED, EDITORS_UP, needs_time=True),
    Move("unschedule", "取消定时", frozenset({SCHEDULED}), APPROVED, EDITORS_UP),
    Move(
        "publish", "立即发布", frozenset({APPROVED, SCHEDULED}), PUBLISHED, EDITORS_UP | {SYSTEM},
        effects=frozenset({INDEX, READERS, NOTIFY}),
    ),
    Move("withdraw", "撤稿", frozenset({PUBLISHED}), WITHDRAWN, DESK_UP, needs_note=True,
         effects=frozenset({INDEX, WITHDRAW})),
    Move("reopen", "重新编辑", frozenset({WITHDRAWN}), DRAFT, DESK_UP),
)  # fmt: skip
MOVES_BY_NAME = {move.name: move for move in MOVES}

# States in which the author may still edit the text.
AUTHOR_EDITABLE = frozenset({DRAFT, RETURNED})

# Who may change an article's text in each state: whoever may make the next review move on it
# (and, before review, its author). Withdrawn text is reopened before anyone edits it.
EDIT_ROLES: dict[str, frozenset[str]] = {
    DRAFT: EDITORS_UP,
    RETURNED: EDITORS_UP,
    SUBMITTED: EDITORS_UP,
    REVIEW2: DESK_UP,
    REVIEW3: CHIEF_UP,
    APPROVED: DESK_UP,
    SCHEDULED: DESK_UP,
    PUBLISHED: CHIEF_UP,
}
# An edit to signed-off text sends it back to 终审: nothing changed goes out unreviewed.
EDIT_SENDS_BACK: dict[str, str] = {APPROVED: REVIEW3, SCHEDULED: REVIEW3}
# The audit rows an edit writes (Transition.move): signed-off text sent back, published text revised
# (itself a reviewed move, made only by someone who may sign it).
EDIT_RESUBMIT, EDIT_REVISE_PUBLISHED = "edit_resubmit", "revise_published"
EDIT_MOVE_LABELS = {EDIT_RESUBMIT: "修改后重新送审", EDIT_REVISE_PUBLISHED: "修改后重新签发"}


def may_edit(state: str, *, roles: frozenset[str], own: bool) -> bool:
    """May someone with these roles change the text of an article in this state?"""
    if own and state in AUTHOR_EDITABLE and REPORTER in roles:
        return True
    return bool(EDIT_ROLES.get(state, frozenset()) & roles)


def check_edit(state: str, *, roles: frozenset[str], own: bool) -> None:
    if not may_edit(state, roles=roles, own=own):
        raise NotAllowed(f"“{STATE_LABELS.get(state, state)}”的稿件,您没有权限修改正文")


# States that are in someone's review queue, in order.
QUEUES = (SUBMITTED, REVIEW2, REVIEW3, APPROVED, SCHEDULED)


def may(move: Move, *, roles: set[str] | frozenset[str], own: bool) -> bool:
    """May someone with these roles make this move, on their own article or not?"""
    return bool(move.roles & roles) or (own and bool(move.own_roles & roles))


def check(move: Move, *, state: str, roles: frozenset[str], own: bool, note: str = "", when=None) -> None:
    """Raise the WorkflowError that says why this move cannot be made, if it cannot."""
    if state not in move.sources:
        raise WrongState(f"“{STATE_LABELS.get(state, state)}”的稿件不能{move.label}")
    if not may(move, roles=roles, own=own):
        raise NotAllowed(f"您没有权限对这篇稿件{move.label}")
    if move.needs_note and not note.strip():
        raise NoteMissing(f"{move.label}需要填写意见")
    if move.needs_time and when is None:
        raise TimeMissing(f"{move.label}需要填写发布时间")


def move_label(name: str) -> str:
    move = MOVES_BY_NAME.get(name)
    return move.label if move else EDIT_MOVE_LABELS.get(name, name)


def move_named(name: str) -> Move:
    try:
        return MOVES_BY_NAME[name]
    except KeyError:
        raise UnknownMove(f"没有这个操作:{name}") from None


def moves_for(state: str, *, roles: set[str] | frozenset[str], own: bool) -> list[Move]:
    """The moves open from this state to someone with these roles."""
    return [m for m in MOVES if state in m.sources and may(m, roles=roles, own=own)]
