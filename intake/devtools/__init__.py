"""Development tooling, never on the production request path: synthetic intakes
(``seeding``, ``seed_cases``: the demo, tests and the benchmark) and the queue benchmark
(``bench``). Only management commands and tests import it."""
