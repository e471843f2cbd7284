"""The flag filter's per-rule indexes leave the migrations: ``flag_indexes_sync`` keeps them
from now on, after every ``migrate`` (``IntakeConfig``), so a new rule needs no migration.

State only: the indexes stay in the database as they are (no rebuild at deploy)."""

from django.db import migrations

FLAG_INDEXES = (
    "queue_flag_age65_benzo",
    "queue_flag_audit_c_positive",
    "queue_flag_benzo_alcohol",
    "queue_flag_benzo_hepatic",
    "queue_flag_benzo_respiratory",
    "queue_flag_clonazepam_above_ma",
    "queue_flag_cns_load",
    "queue_flag_dast_moderate",
    "queue_flag_dependence_risk",
    "queue_flag_fall_risk",
    "queue_flag_misuse_signals",
    "queue_flag_multiple_benzos",
    "queue_flag_opioid_benzo",
    "queue_flag_oversedation",
    "queue_flag_past_suicidal_behav",
    "queue_flag_pregnancy_benzo",
    "queue_flag_self_harm",
    "queue_flag_severe_depression",
    "queue_flag_undertreated",
    "queue_flag_unrecognised_medici",
    "queue_flag_withdrawal_risk",
    "queue_flag_allergy_conflict",
    "queue_flag_eating_disorder",
    "queue_flag_mood_switch_risk",
    "queue_flag_possible_age65_benz",
    "queue_flag_possible_allergy_co",
    "queue_flag_possible_benzo_alco",
    "queue_flag_possible_benzo_resp",
    "queue_flag_possible_cns_load",
    "queue_flag_possible_misuse_sig",
    "queue_flag_possible_mood_switc",
    "queue_flag_possible_multiple_b",
    "queue_flag_possible_opioid_ben",
    "queue_flag_possible_pregnancy_",
)


class Migration(migrations.Migration):
    dependencies = [
        ('intake', '0022_queue_flag_indexes_for_history_and_possible'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="intake", name=name) for name in FLAG_INDEXES
            ],
            database_operations=[],
        ),
    ]
