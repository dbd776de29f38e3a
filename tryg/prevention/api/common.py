"""What the prevention API modules share: input parsing and output shapes used by more than one topic."""

from rest_framework import serializers

from tryg.core.api import ErrorSerializer, valid

__all__ = ["ErrorSerializer", "SessionSerializer", "valid"]


class TopicSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    is_active = serializers.BooleanField()


class SessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    status = serializers.CharField()
    place = serializers.CharField()
    place_kind = serializers.CharField()
    place_unit = serializers.IntegerField(source="place_unit_id", allow_null=True)
    audience = serializers.CharField()
    age_band = serializers.CharField()
    topics = serializers.SerializerMethodField()
    participants = serializers.IntegerField(allow_null=True, default=None)

    def get_topics(self, obj) -> list[str]:
        return [t.name for t in obj.topics.all()]
