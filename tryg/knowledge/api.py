"""The knowledge-base API: ranked search with snippets, and one entry by slug."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from tryg.core.paging import Page, offset_for

from . import access, selectors
from .models import Entry

MAX_PAGE_SIZE = 50


class SearchParamsSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    kind = serializers.ChoiceField(choices=Entry.Kind.choices, required=False)
    group = serializers.ChoiceField(choices=Entry.Group.choices, required=False)
    target_group = serializers.ChoiceField(choices=Entry.TargetGroup.choices, required=False)
    page = serializers.IntegerField(min_value=1, max_value=10_000, required=False, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, required=False, default=20)


class ReplacementSerializer(serializers.Serializer):
    slug = serializers.CharField(allow_blank=True)
    label = serializers.CharField()


class EntryBaseSerializer(serializers.Serializer):
    slug = serializers.CharField()
    kind = serializers.ChoiceField(choices=Entry.Kind.choices)
    title = serializers.CharField()
    label = serializers.CharField(source="display_label")
    summary = serializers.CharField()
    national = serializers.BooleanField(source="is_national")
    version = serializers.IntegerField()
    url = serializers.CharField(source="get_absolute_url")
    verified = serializers.BooleanField()
    superseded_by = serializers.SerializerMethodField(
        help_text="What replaced a repealed provision: the main successor's slug and a readable label."
    )

    @extend_schema_field(ReplacementSerializer(allow_null=True))
    def get_superseded_by(self, entry):
        if not entry.is_superseded:
            return None
        target = entry.superseded_by_entry
        return {"slug": target.slug if target else entry.superseded_by, "label": entry.replacement_label}


class SearchHitSerializer(EntryBaseSerializer):
    rank = serializers.FloatField(allow_null=True)
    snippet = serializers.CharField(help_text="HTML: the text is escaped; matches are wrapped in <mark>.")


class SearchPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    next = serializers.IntegerField(allow_null=True, help_text="The next page number, or null.")
    previous = serializers.IntegerField(allow_null=True)
    results = SearchHitSerializer(many=True)


class LinkSerializer(serializers.Serializer):
    slug = serializers.CharField()
    label = serializers.CharField(source="display_label")
    title = serializers.CharField()
    url = serializers.CharField(source="get_absolute_url")


class EntryDetailSerializer(EntryBaseSerializer):
    body = serializers.CharField()
    valid_from = serializers.DateTimeField()
    review_date = serializers.DateField(allow_null=True)
    group = serializers.CharField(allow_blank=True)
    target_groups = serializers.ListField(child=serializers.CharField())
    law = serializers.CharField(allow_blank=True)
    paragraph = serializers.CharField(allow_blank=True)
    stk = serializers.CharField(allow_blank=True)
    in_force_from = serializers.DateField(allow_null=True)
    repealed_on = serializers.DateField(allow_null=True)
    successors = serializers.SerializerMethodField(help_text="Every provision that replaced this one, in order.")
    source_url = serializers.CharField(allow_blank=True)
    verified_by = serializers.CharField(allow_blank=True)
    verified_on = serializers.DateField(allow_null=True)
    tool_type = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    hours = serializers.CharField(allow_blank=True)
    audience = serializers.CharField(allow_blank=True)
    website = serializers.CharField(source="url", allow_blank=True)
    address = serializers.CharField(allow_blank=True)
    links = LinkSerializer(many=True, source="linked")

    @extend_schema_field(LinkSerializer(many=True))
    def get_successors(self, entry):
        found = {e.slug: e for e in entry.successor_entries}
        out = []
        for slug in entry.successors or []:
            e = found.get(slug)
            out.append(
                {
                    "slug": slug,
                    "label": e.display_label if e else slug,
                    "title": e.title if e else "",
                    "url": e.get_absolute_url() if e else "",
                }
            )
        return out


class EntryListApi(APIView):
    @extend_schema(
        operation_id="knowledge_search",
        parameters=[SearchParamsSerializer],
        responses=SearchPageSerializer,
        summary="Search the knowledge base (ranked, with highlighted snippets)",
    )
    def get(self, request):
        params = SearchParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        size = data["page_size"]
        number = data["page"]
        page = selectors.search_entries(
            request.user.municipality_id,
            data["q"],
            kind=data.get("kind"),
            group=data.get("group"),
            target_group=data.get("target_group"),
            offset=offset_for(number, size),
            limit=size,
        )
        pager = Page(number=number, size=size, shown=len(page.hits), total=page.total).as_context()
        for hit in page.hits:
            hit.snippet = str(hit.snippet or "")
        body = {
            "count": page.total,
            "page": number,
            "page_size": size,
            "next": pager["next_page"],
            "previous": pager["previous_page"],
            "results": SearchHitSerializer(page.hits, many=True).data,
        }
        return Response(body)


class EntryDetailApi(APIView):
    @extend_schema(operation_id="knowledge_entry", responses=EntryDetailSerializer, summary="One knowledge entry")
    def get(self, request, slug: str):
        entry = access.entry_for_user(request.user, slug)
        selectors.attach_replacements([entry], request.user.municipality_id)
        entry.linked = selectors.linked_entries(entry, request.user.municipality_id)
        return Response(EntryDetailSerializer(entry).data)
