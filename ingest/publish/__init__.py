"""What the build publishes beside the warehouse for analysts: the dashboard (dashboard.py),
and exports of the marts (exports.py)."""
