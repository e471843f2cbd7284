"""Reference data the migrations loaded comes back whole after a test flush empties the
tables (post_migrate): the medication catalog with its RxNorm codes, which the FHIR export
reads. Before, a flushed database had the catalog without them, and every test that ran
after a transactional one exported medicines uncoded."""

import pytest
from django.core.management import call_command

from intake.models import Medication


@pytest.mark.django_db(transaction=True)
def test_the_catalog_comes_back_with_its_rxnorm_codes_after_a_flush():
    call_command("flush", interactive=False, verbosity=0)
    assert Medication.objects.get(generic_name="clonazepam").rxnorm == "2598"
