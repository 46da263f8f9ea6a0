"""Who may triage questions and moderate comments in the admin.

Province staff hold model permissions (participation/migrations/0003). A sub-portal's staff
hold page permissions on their sub-portal's tree only (portal.departments), not model
permissions: viewing and changing follow from those, on their own tree's items only.
"""

from django.http import Http404
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from .questions import agencies_for_user

# The actions page permissions on a tree stand for; deleting stays a model permission.
SCOPED_ACTIONS = {"view", "change"}


class DeskPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus view and change for sub-portal staff, always limited to ``scope(user, queryset)``."""

    def __init__(self, model, scope):
        super().__init__(model)
        self.scope = scope

    def _is_desk_staff(self, user):
        return user.is_active and agencies_for_user(user) != []

    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        return action in SCOPED_ACTIONS and self._is_desk_staff(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.scope(user, self.model._default_manager.filter(pk=instance.pk)).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)


class ScopedObjectMixin:
    """For admin views of one item: someone else's item answers 404, as if it did not exist."""

    def get_object(self, queryset=None):
        item = super().get_object(queryset)
        policy = policy_registry.get_by_type(self.model)
        if not policy.scope(self.request.user, self.model._default_manager.filter(pk=item.pk)).exists():
            raise Http404
        return item
