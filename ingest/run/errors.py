"""Why a build published nothing."""


class BuildError(RuntimeError):
    """Nothing was published; the message says why, the root cause first."""
