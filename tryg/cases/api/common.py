"""What the cases API modules share: input parsing and the output shapes used by more than one topic."""

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
    id = serializers.IntegerField()
    kind = serializers.CharField()
    text = serializers.CharField()
    channel = serializers.CharField()
    party = serializers.CharField()
    author = serializers.CharField(source="author.display_name", default="")
    created_at = serializers.DateTimeField()
    corrects = serializers.IntegerField(source="corrects_id", allow_null=True)


class TaskSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    owner = serializers.IntegerField(source="owner_id")
    due_date = serializers.DateField()
    done_at = serializers.DateTimeField(allow_null=True)
