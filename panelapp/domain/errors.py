"""Domain errors. Their messages are Korean because they reach the user as they are."""

from __future__ import annotations

from panelapp.domain.josa import josa


class DomainError(Exception):
    """A rule of the domain was broken; `str(error)` is a Korean sentence for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input. `field` names the Korean field label the message refers to."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.detail = message


class ValidationErrors(DomainError):
    """Several fields were wrong at once; the form shows each beside its field."""

    def __init__(self, errors: list[ValidationError]):
        super().__init__("\n".join(e.message for e in errors))
        self.errors = errors

    @classmethod
    def raise_if_any(cls, errors: list[ValidationError]) -> None:
        if len(errors) == 1:
            raise errors[0]
        if errors:
            raise cls(errors)


class NotFoundError(DomainError):
    def __init__(self, what: str):
        super().__init__(f"{josa(what, '을')} 찾을 수 없습니다. 다른 사용자가 삭제했을 수 있습니다.")


class ConcurrencyError(DomainError):
    """Optimistic locking: somebody saved the same record first."""

    def __init__(self) -> None:
        super().__init__("다른 사용자가 먼저 수정했습니다. 최신 내용을 다시 불러온 뒤 수정해 주세요.")
