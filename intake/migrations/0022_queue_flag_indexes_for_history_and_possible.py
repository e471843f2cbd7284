"""The flag filter's per-code index (``intake.models.review.flag_indexes``) for the new
rules of issue 22: allergy_conflict, eating_disorder, mood_switch_risk and the
possible_<rule> flags an unconfirmed medicine name raises."""

import datetime
import django.db.models.functions.comparison
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('intake', '0021_typed_safety_drafts'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'allergy_conflict')), name='queue_flag_allergy_conflict'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'eating_disorder')), name='queue_flag_eating_disorder'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'mood_switch_risk')), name='queue_flag_mood_switch_risk'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'possible_age65_benzo')), name='queue_flag_possible_age65_benz'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'possible_allergy_conflict')), name='queue_flag_possible_allergy_co'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'possible_benzo_alcohol')), name='queue_flag_possible_benzo_alco'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'possible_benzo_respiratory')), name='queue_flag_possible_benzo_resp'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'possible_cns_load')), name='queue_flag_possible_cns_load'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'possible_misuse_signals')), name='queue_flag_possible_misuse_sig'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'possible_mood_switch_risk')), name='queue_flag_possible_mood_switc'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'possible_multiple_benzos')), name='queue_flag_possible_multiple_b'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'possible_opioid_benzo')), name='queue_flag_possible_opioid_ben'),
        ),
        migrations.AddIndex(
            model_name='intake',
            index=models.Index(models.F('priority_rank'), models.F('risk_rank'), models.Case(models.When(priority_rank=0, then=models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc))), default=django.db.models.functions.comparison.Coalesce(models.F('visit_at'), models.Value(datetime.datetime(9999, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)), output_field=models.DateTimeField()), output_field=models.DateTimeField()), django.db.models.functions.comparison.Coalesce(models.F('safety_alert_at'), models.F('submitted_at'), output_field=models.DateTimeField()), models.F('id'), condition=models.Q(models.Q(('status__in', ('submitted', 'in_review', 'info_requested')), models.Q(('safety_alert_at__isnull', False), ('status', 'draft')), _connector='OR'), ('flag_codes__has_key', 'possible_pregnancy_benzo')), name='queue_flag_possible_pregnancy_'),
        ),
    ]
