"""Rules for a service's times and costs that the schemas cannot say: which recurrence fields go
together, sessions that end before they start, 'free' beside a price, prices with no kind.
"""

from __future__ import annotations

import datetime as dt
import re

from builder.content.files import SourceFile
from builder.core.errors import Problem
from builder.core.yamlfile import line_of, mappings


def check_times(source: SourceFile) -> list[Problem]:
    problems = []
    for index, session in enumerate(mappings(source.data.get("times"))):
        problems += _check_recurrence(source, index, session)
        start, end = session.get("from"), session.get("to")
        if not (isinstance(start, str) and isinstance(end, str)) or not (len(start) == len(end) == 5):
            continue
        if start == "24:00":
            problems.append(Problem(source.path, line_of(source.data, ["times", index, "from"]), "times.from",
                                    "cannot be \"24:00\" (found '24:00').", "Use \"00:00\" for a session starting at midnight."))
        elif end <= start:
            problems.append(Problem(source.path, line_of(source.data, ["times", index, "to"]), "times.to",
                                    f"should be after 'from' (found from \"{start}\" to \"{end}\").",
                                    "Times are 24-hour: 3:30pm is \"15:30\"."))
    return problems


def _check_recurrence(source: SourceFile, index: int, session: dict) -> list[Problem]:
    """What the schema cannot say: which recurrence fields go together."""
    def problem(name: str, message: str, hint: str, severity: str = "error") -> Problem:
        line = line_of(source.data, ["times", index, name] if name in session else ["times", index])
        return Problem(source.path, line, f"times.{name}", message, hint, severity)

    if session.get("by_arrangement") is True:
        extra = [name for name in ("from", "to", "monthly", "every_weeks", "starting") if name in session]
        return [problem(extra[0], f"is not used with by_arrangement (found {', '.join(extra)}).",
                        "A session by arrangement has no fixed times: remove these, or remove 'by_arrangement'.")] if extra else []
    if "monthly" in session and "every_weeks" in session:
        return [problem("every_weeks", "cannot go with monthly: a session is either monthly or every few weeks.",
                        "Keep one of them: monthly: [first] for the first of each month, every_weeks: 2 for every other week.")]
    if "every_weeks" in session and "starting" not in session:
        return [problem("every_weeks", "has no 'starting' date, so nobody can tell which weeks it is on.",
                        "Add starting: with the date of one session, like starting: 2026-06-04.", "warning")]
    starting = session.get("starting")
    if starting is not None and "every_weeks" not in session:
        return [problem("starting", "is only read with every_weeks.", "Add every_weeks: 2 for every other week, or remove 'starting'.")]
    if not isinstance(starting, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", starting):
        return []
    try:
        day = dt.date.fromisoformat(starting)
    except ValueError:
        return [problem("starting", f"is not a real date (found '{starting}').", "Write the date of one session, like 2026-06-04.")]
    days = session.get("days") if isinstance(session.get("days"), list) else []
    weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[day.weekday()]
    if days and weekday not in days:
        return [problem("starting", f"{starting} is a {day.strftime('%A')}, which is not one of the days ({', '.join(map(str, days))}).",
                        "Give the date of one session.")]
    return []


def check_costs(source: SourceFile) -> list[Problem]:
    data = source.data
    funding = data.get("funding") if isinstance(data.get("funding"), list) else []
    costs = data.get("costs")
    paid = [c for c in costs if not (isinstance(c, dict) and c.get("kind") == "donation")] if isinstance(costs, list) else costs
    if paid and "free" in funding:  # a donation asked for does not make it paid
        return [Problem(source.path, line_of(data, ["funding", funding.index("free")]), "funding",
                        "lists 'free' but the service has costs.",
                        "Remove 'free', or remove the costs if it is free (a cost with 'kind: donation' may stay).")]
    if not costs and "free" not in funding and data.get("status") != "closed":
        line = line_of(data, ["funding"]) if "funding" in data else data.line
        return [Problem(source.path, line, "costs", "the cost is not stated, so the page says \"Cost: ask the provider\".",
                        "Add 'costs:' with what it costs, or 'funding: [free]' if it costs nothing.", "warning")]
    return _check_cost_kinds(source, costs if isinstance(costs, list) else [])


def _check_cost_kinds(source: SourceFile, costs: list) -> list[Problem]:
    """Several prices without `kind` are all "the visit itself" on Easy Read pages: at most one usually is."""
    unsaid = [i for i, cost in enumerate(costs) if isinstance(cost, dict) and "kind" not in cost]
    if len(costs) < 2 or not unsaid:
        return []
    return [Problem(source.path, line_of(source.data, ["costs", unsaid[0]]), "costs.kind",
                    f"is missing on {len(unsaid)} of its {len(costs)} prices, so Easy Read says each of those is for the visit "
                    "itself (\"A day costs ...\"), whatever its label says.",
                    "Add 'kind:' to each price: attendance (the visit itself), lunch, meal, transport, support, entry, "
                    "activity, membership, donation or pay-what-you-can.", "warning")]
