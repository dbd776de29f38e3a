"""What the cases API modules share: input parsing and the output shapes used by more than one topic."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tryg.core.api import ErrorSerializer, valid

__all__ = ["ErrorSerializer", "EntrySerializer", "PersonOutSerializer", "TaskSerializer", "valid"]


class PersonOutSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True)
    age_group = serializers.CharField()
    cpr = serializers.CharField()
    allowed_channels = serializers.ListField(child=serializers.CharField())
    forbidden_channels = serializers.ListField(child=serializers.CharField())
    never_contact = serializers.CharField()


class EntrySerializer(serializers.Serializer):
    # Public ids, never the sequential row ids (whose gaps would show other municipalities' activity).
    id = serializers.UUIDField(source="public_id")
    kind = serializers.CharField()
    text = serializers.CharField()
    channel = serializers.CharField()
    party = serializers.CharField()
    author = serializers.CharField(source="author.display_name", default="")
    created_at = serializers.DateTimeField()
    corrects = serializers.SerializerMethodField(help_text="The public id of the entry this one corrects.")

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_corrects(self, entry):
        if entry.corrects_id is None:
            return None
        annotated = getattr(entry, "corrects_public", None)
        return str(annotated if annotated is not None else entry.corrects.public_id)


class TaskSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    title = serializers.CharField()
    owner = serializers.IntegerField(source="owner_id")
    due_date = serializers.DateField()
    done_at = serializers.DateTimeField(allow_null=True)
