"""Every name the Wagtail admin shows for our models, fields and blocks is translatable.

Left to themselves, Django and Wagtail name things after their Python identifiers: a
model "training module page" after its class, a field "Estimated minutes" after its
attribute, a StreamField block "Heading" after its name in the parent block. A derived
name is never marked for translation, so it would stay English in any other language.
These tests fail as soon as a model, a field or a block that the admin shows has no
explicit name given with `gettext_lazy` (a lazy translation, `Promise`).

What the admin shows: every concrete model of our apps that Wagtail knows, the page
models and the models of the admin's viewsets (the snippets and the person chooser),
with the models their inline panels edit. For each: its `verbose_name` and
`verbose_name_plural` as declared in its own Meta; every field of ours its panels use,
listings list or that it declares itself (editable, not auto-created); those fields'
help texts and choices; every panel heading given; and, through every StreamField,
every child block at any depth with its help text and choices.

How "explicit" is read, never guessed from the wording:
- a model: `Model._meta.original_attrs` holds exactly what its own Meta declared;
- a field: `Field.deconstruct()` reports `verbose_name` only when one was passed (it is
  what migrations record), never the one `set_attributes_from_name` derives;
- a block: `block.meta.label` holds only a label given in the block's Meta or
  constructor; Wagtail's `set_name` derives `block.label` and leaves `meta.label` unset.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import get_resolver
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.viewsets import viewsets
from wagtail.coreutils import resolve_model_string
from wagtail.fields import StreamField
from wagtail.models import get_page_models

OUR_APPS = {"core", "accounts", "learning", "quizzes", "reflections", "training"}


def ours(model):
    return model._meta.app_label in OUR_APPS


def translatable(text):
    return isinstance(text, Promise)


def admin_viewsets():
    """The admin's viewsets (snippets, choosers), registered when its URLs are loaded."""
    get_resolver().url_patterns  # noqa: B018 - loading the URLconf runs the hook
    return viewsets.viewsets


def edit_handlers():
    """{model: its bound edit handler, or None} for each model of ours the admin shows."""
    found = {
        model: model.get_edit_handler()
        for model in get_page_models()
        if ours(model) and not model._meta.abstract
    }
    for viewset in admin_viewsets():
        model = getattr(viewset, "model", None)
        if model is not None:
            model = resolve_model_string(model)  # some of Wagtail's give "app.Model"
        if model is None or not ours(model) or model in found:
            continue
        get_handler = getattr(viewset, "get_edit_handler", None)
        found[model] = get_handler() if get_handler else None
    return found


def walk_panels(panel):
    """Yield the panel and every panel below it, into the panels of inline models."""
    yield panel
    if isinstance(panel, InlinePanel):
        yield from walk_panels(panel.child_edit_handler)
    for child in getattr(panel, "children", ()):
        yield from walk_panels(child)


def admin_fields():
    """{model: {field name: where it shows}} for every model the admin shows."""
    shown = {}
    for model, handler in edit_handlers().items():
        shown.setdefault(model, {})
        for panel in walk_panels(handler) if handler else ():
            if isinstance(panel, FieldPanel):
                shown.setdefault(panel.model, {})[panel.field_name] = "a panel"
            elif isinstance(panel, InlinePanel):
                shown.setdefault(panel.db_field.related_model, {})
        viewset = getattr(model, "snippet_viewset", None)
        for name in getattr(viewset, "list_display", None) or ():
            if isinstance(name, str):
                shown[model].setdefault(name, "the listing")
    for model, fields in shown.items():
        for field in model._meta.local_fields + model._meta.local_many_to_many:
            if field.editable and not field.auto_created:
                fields.setdefault(field.name, "the model")
    return shown


def model_fields(model, names):
    """Yield (field, where) for the named model fields of ours (not Wagtail's own)."""
    for name, where in names.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # a method or a form-only field: not a model field's name
        if field.is_relation and field.auto_created:
            continue  # a reverse relation: its inline panel is checked instead
        if ours(field.model):
            yield field, where


def flat_choices(choices):
    for value, label in choices or ():
        if isinstance(label, list | tuple):
            yield from flat_choices(label)
        elif value != "":
            yield value, label


def child_blocks(block, path):
    """Yield (path, child block) for every block below `block`, at any depth."""
    if isinstance(block, blocks.ListBlock):
        children = [(f"{path}[]", block.child_block)]
    else:
        children = [
            (f"{path}.{name}", child) for name, child in getattr(block, "child_blocks", {}).items()
        ]
    for child_path, child in children:
        yield child_path, child
        yield from child_blocks(child, child_path)


def block_problems(stream_block, path):
    problems = []
    for child_path, block in child_blocks(stream_block, path):
        if not translatable(block.meta.label):
            problems.append(f"{child_path}: no label=_(...) (shown as {block.label!r})")
        help_text = getattr(block.meta, "help_text", None)
        if help_text and not translatable(help_text):
            problems.append(f"{child_path}: help_text {help_text!r} is not translatable")
        if isinstance(block, blocks.ChoiceBlock):
            for value, label in flat_choices(block.field.choices):
                if not translatable(label):
                    problems.append(f"{child_path}: choice {value!r} is not translatable")
    return problems


def field_problems(field, name):
    problems = []
    verbose_name = field.deconstruct()[3].get("verbose_name")
    if not translatable(verbose_name):
        problems.append(f"{name}: no verbose_name=_(...) (shown as {field.verbose_name!r})")
    if field.help_text and not translatable(field.help_text):
        problems.append(f"{name}: help_text is not translatable")
    for value, label in flat_choices(field.choices):
        if not translatable(label):
            problems.append(f"{name}: choice {value!r} is not translatable")
    if isinstance(field, StreamField):
        problems += block_problems(field.stream_block, name)
    return problems


def model_problems(model):
    declared = model._meta.original_attrs
    return [
        f"{model._meta.label}: Meta.{option} is not declared with _(...)"
        for option in ("verbose_name", "verbose_name_plural")
        if not translatable(declared.get(option))
    ]


# The tests ------------------------------------------------------------------------------


def test_the_admin_shows_the_models_we_expect():
    """Guard the finder itself: an empty or partial list would pass everything below."""
    labels = {model._meta.label for model in admin_fields()}
    assert {
        "accounts.Registration",
        "accounts.Team",
        "accounts.TeamManagement",
        "accounts.TeamMembership",
        "accounts.User",
        "learning.KnowledgeBitePage",
        "learning.Regulator",
        "quizzes.QuizPage",
        "training.TrainingModulePage",
    } <= labels
    shown = admin_fields()
    from training.models import TrainingModulePage

    assert {"summary", "estimated_minutes", "refresher_months", "steps"} <= set(
        shown[TrainingModulePage]
    )


def test_every_model_the_admin_shows_has_translatable_names():
    problems = [problem for model in admin_fields() for problem in model_problems(model)]
    assert not problems, "\n".join(problems)


def test_every_field_the_admin_shows_has_a_translatable_name_and_its_blocks_labels():
    problems = [
        problem
        for model, names in admin_fields().items()
        for field, where in model_fields(model, names)
        for problem in field_problems(field, f"{model._meta.label}.{field.name} (in {where})")
    ]
    assert not problems, "\n".join(problems)


def test_every_panel_heading_we_give_is_translatable():
    problems = []
    for model, handler in edit_handlers().items():
        for panel in walk_panels(handler) if handler else ():
            for attribute in ("heading", "label", "help_text"):
                text = getattr(panel, attribute, "")
                if text and not translatable(text):
                    problems.append(f"{model._meta.label}: {type(panel).__name__} {text!r}")
        viewset = getattr(model, "snippet_viewset", None)
        if viewset is not None and not translatable(viewset.menu_label):
            problems.append(f"{model._meta.label}: menu_label {viewset.menu_label!r}")
    assert not problems, "\n".join(problems)


# The checks catch what they are meant to catch ------------------------------------------


def test_a_block_named_but_not_labelled_is_caught():
    class Item(blocks.StructBlock):
        text = blocks.CharBlock()  # no label: "Text", from its name
        link = blocks.URLBlock(label="Link")  # a label, but not translatable

        class Meta:
            label = "Item"  # not translatable either

    class Body(blocks.StreamBlock):
        items = blocks.ListBlock(Item())

    assert block_problems(Body(), "body") == [
        "body.items: no label=_(...) (shown as 'Items')",
        "body.items[]: no label=_(...) (shown as 'Item')",
        "body.items[].text: no label=_(...) (shown as 'Text')",
        "body.items[].link: no label=_(...) (shown as 'Link')",
    ]


def test_a_field_or_model_named_after_its_identifier_is_caught():
    short_name = models.CharField(max_length=20)
    website = models.URLField("website", blank=True)
    named = models.URLField(_("website"), blank=True, help_text="Where it is.")
    for field, name in ((short_name, "short_name"), (website, "website"), (named, "named")):
        field.set_attributes_from_name(name)

    assert field_problems(short_name, "short_name") == [
        "short_name: no verbose_name=_(...) (shown as 'short name')"
    ]
    assert field_problems(website, "website") == [
        "website: no verbose_name=_(...) (shown as 'website')"
    ]
    assert field_problems(named, "named") == ["named: help_text is not translatable"]

    class Unnamed:
        class _meta:  # noqa: N801 - what Django's Options shows of a model without Meta
            label = "learning.Unnamed"
            original_attrs = {"verbose_name": "unnamed"}

    assert model_problems(Unnamed) == [
        "learning.Unnamed: Meta.verbose_name is not declared with _(...)",
        "learning.Unnamed: Meta.verbose_name_plural is not declared with _(...)",
    ]
