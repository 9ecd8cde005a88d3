"""`panelapp --help` and every subcommand's help are Korean: no argparse English left
("usage:", "positional arguments", "options", "show this help message and exit"), and its
refusals are Korean sentences."""

import argparse

import pytest

from panelapp.cli.main import build_parser

ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "optional arguments",
    "show this help",
    "show program's",
)


def all_parsers(parser: argparse.ArgumentParser, path=()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from all_parsers(child, (*path, name))


def test_every_help_is_korean():
    seen = 0
    for path, parser in all_parsers(build_parser()):
        text = parser.format_help()
        assert text.startswith("사용법: panelapp"), path
        assert not [word for word in ENGLISH if word in text], (path, text)
        assert "-h, --help" in text and "이 도움말을 보여 주고 끝냅니다" in text, path
        assert "옵션:" in text, path
        seen += 1
    assert seen >= 15  # the root, each command, each verb


def test_help_printed_by_the_command(capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["members", "import", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("사용법: panelapp members import") and "위치 인자:" in out and "옵션:" in out
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert "버전을 보여 주고 끝냅니다" in out and "show" not in out


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["members"], "오류: 다음 인자가 필요합니다: 작업"),
        (["bogus"], "'bogus': 없는 값입니다. 고를 수 있는 값: 'demo'"),
        (["check", "--nope"], "오류: 알 수 없는 인자입니다: --nope"),
        (["members", "import", "x.xlsx", "--cohort"], "--cohort: 값을 하나 주어야 합니다."),
    ],
)
def test_refusals_are_korean(capsys, argv, said):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("사용법: ") and said in err
    assert "error:" not in err and "usage:" not in err
