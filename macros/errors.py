"""The one error type every macro raises for a bad argument."""


class MacroInputError(ValueError):
    """A macro argument is outside what the macro accepts.

    The message names the argument, the value received and the accepted range;
    the MkDocs adapter adds the page and the macro name before the build stops.
    """

    def __init__(self, argument: str, value: object, accepted: str) -> None:
        self.argument = argument
        self.value = value
        self.accepted = accepted
        super().__init__(f"argument '{argument}' = {value!r}: {accepted}")
