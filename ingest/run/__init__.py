"""Running the build unattended: one build at a time per output (lock.py), scratch folders
beside the output and what killed builds left (scratch.py), dbt in its own process with its
progress (dbt.py), the steps as they run (progress.py) and the run record and logs kept
beside the output (record.py)."""
