"""The scheduling files run commands the CLI accepts, so they cannot rot unnoticed."""

import re
import shlex

from ingest.cli import _parser

from .conftest import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy"


def build_arguments(command: str) -> list[str]:
    words = shlex.split(command)
    return words[words.index("scripts/build.sh") + 1 :]


def test_the_systemd_unit_runs_a_build_the_cli_accepts() -> None:
    unit = (DEPLOY / "warehouse-build.service").read_text(encoding="utf-8")
    (exec_start,) = re.findall(r"^ExecStart=(.+)$", unit, re.MULTILINE)
    args = _parser().parse_args(["build", *build_arguments(exec_start)])
    assert (args.no_wait, args.quiet, str(args.output)) == (
        True,
        True,
        "/srv/warehouse/warehouse.duckdb",
    )
    # partial builds (2) and a build skipped for another (3) are no unit failures; 1 is
    assert re.search(r"^SuccessExitStatus=2 3$", unit, re.MULTILINE)
    timer = (DEPLOY / "warehouse-build.timer").read_text(encoding="utf-8")
    assert re.search(r"^OnCalendar=\*-\*-\* 03:15:00$", timer, re.MULTILINE)


def test_the_crontab_line_runs_a_build_the_cli_accepts() -> None:
    lines = (DEPLOY / "crontab").read_text(encoding="utf-8").splitlines()
    (entry,) = [line for line in lines if line and not line.startswith("#")]
    minute, hour, *_ = entry.split()
    assert (minute, hour) == ("15", "3")
    command = entry.split("&&", 1)[1].split(">", 1)[0]
    args = _parser().parse_args(["build", *build_arguments(command)])
    assert args.no_wait and args.quiet
