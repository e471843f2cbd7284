# Each engineer adds one import line here for their own models module.
from .catalog import Medication  # noqa: F401
