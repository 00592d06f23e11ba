"""What a group's tallies can add up to: a rule of its own, so the form, an import or a shell
all ask the same question before a tally is stored."""

from django.utils.translation import gettext as _


def tally_problem(question, counts: dict[str, int], group_size: int) -> str | None:
    """Why these tallies ({option code: count}) cannot come from a group of `group_size`, or None.

    Each member chooses at most `choices_each` options (one, for most questions), and no option
    more than once, so no option's tally can pass the group's size, nor their total its size
    times that."""
    labels = {option.code: option.label for option in question.kind_class.options(question)}
    each = question.kind_class.choices_each(question)
    total = sum(counts.values())
    if each == 1 and total > group_size:
        return _(
            "Question %(reference)s: the tallies add up to %(total)s, "
            "but the group speaks for %(size)s young people."
        ) % {"reference": question.reference, "total": total, "size": group_size}
    for code, count in counts.items():
        if count > group_size:
            return _(
                "Question %(reference)s: %(count)s chose “%(option)s”, "
                "but the group speaks for %(size)s young people."
            ) % {"reference": question.reference, "count": count, "option": labels[code], "size": group_size}
    if total > group_size * each:
        return _(
            "Question %(reference)s: the tallies add up to %(total)s, but %(size)s young people "
            "choosing up to %(each)s each make at most %(most)s."
        ) % {
            "reference": question.reference,
            "total": total,
            "size": group_size,
            "each": each,
            "most": group_size * each,
        }
    return None
