from . import roles


def portal(request):
    user = getattr(request, "user", None)
    return {
        "role_patient": bool(user and roles.is_patient(user)),
        "role_psychiatrist": bool(user and roles.is_psychiatrist(user)),
        "role_editor": bool(user and roles.is_editor(user)),
        "role_reviewer": bool(user and roles.is_clinical_reviewer(user)),
        "role_inviter": bool(user and roles.is_staff_inviter(user)),
    }
