"""Sign-in events go to the audit log; after each migrate the audit table stays append-only
for every role but its owner."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import connections
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .audit import record


@receiver(user_logged_in)
def _audit_login(sender, request, user, **kwargs):
    record(actor=user, action="auth.login", obj=user)


@receiver(user_logged_out)
def _audit_logout(sender, request, user, **kwargs):
    if user is not None:
        record(actor=user, action="auth.logout", obj=user)


@receiver(user_login_failed)
def _audit_login_failed(sender, credentials, request=None, **kwargs):
    # The typed username may be an email address: store the account id when one matches,
    # never the text itself.
    username = credentials.get("username") or ""
    user = get_user_model().objects.filter(username__iexact=username).only("pk").first()
    record(
        actor=None,
        action="auth.login_failed",
        object_type="auth.user",
        object_id=user.pk if user else "",
    )


# Who, besides the owner, may change or remove audit rows (grantee 0 is PUBLIC).
_AUDIT_ERASERS = """
SELECT DISTINCT CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END
FROM pg_class c, aclexplode(c.relacl) acl LEFT JOIN pg_roles r ON r.oid = acl.grantee
WHERE c.oid = to_regclass('portal_auditevent') AND acl.grantee <> c.relowner
  AND acl.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
"""


@receiver(post_migrate)
def _audit_table_stays_append_only(sender, app_config=None, using="default", **kwargs):
    """The owner's default privileges (``manage.py db_roles``) give tables a migration makes
    UPDATE and DELETE for the application role; the audit table keeps INSERT and SELECT."""
    connection = connections[using]
    if getattr(app_config, "label", None) != "portal" or connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(_AUDIT_ERASERS)
        for (grantee,) in cursor.fetchall():
            cursor.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON portal_auditevent FROM {grantee}")
