"""argparse speaking Korean: "사용법:", "위치 인자", "옵션", "-h, --help  이 도움말을 보여 주고 끝냅니다",
and its usual refusals as Korean sentences, for `panelapp --help` and every subcommand.

Subparsers are made with the class of their parent, so `panelapp members import --help` is
Korean too. argparse's own strings pass through `gettext`; rather than patch the standard
library for the whole process, this parser sets its titles and help action itself and
translates the few refusals argparse prints.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

HELP_TEXT = "이 도움말을 보여 주고 끝냅니다"

# argparse's refusals (Python 3.11-3.13), each with its Korean sentence
_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the following arguments are required: (.+)$"), r"다음 인자가 필요합니다: \1"),
    (
        re.compile(r"^argument (.+?): invalid choice: (.+?) \(choose from (.+)\)$"),
        r"\1 \2: 없는 값입니다. 고를 수 있는 값: \3",
    ),
    (re.compile(r"^argument (.+?): expected one argument$"), r"\1: 값을 하나 주어야 합니다."),
    (re.compile(r"^argument (.+?): invalid (.+?) value: (.+)$"), r"\1 \3: 알맞은 값이 아닙니다."),
    (
        re.compile(r"^argument (.+?): not allowed with argument (.+)$"),
        r"\1: 함께 쓸 수 없는 인자가 있습니다(\2).",
    ),
    (re.compile(r"^unrecognized arguments: (.+)$"), r"알 수 없는 인자입니다: \1"),
    (
        re.compile(r"^ambiguous option: (.+?) could match (.+)$"),
        r"\1: 여러 옵션(\2)과 맞습니다. 더 길게 써 주세요.",
    ),
]


def korean_error(message: str) -> str:
    for pattern, korean in _ERRORS:
        if pattern.match(message):
            return pattern.sub(korean, message)
    return message


class KoreanHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "사용법: " if prefix is None else prefix)


class KoreanArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", KoreanHelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # its own -h, with a Korean help line
        super().__init__(*args, **kwargs)
        self._positionals.title = "위치 인자"
        self._optionals.title = "옵션"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_TEXT)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 오류: {korean_error(message)}\n")
