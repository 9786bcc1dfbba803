import pytest
from django.core.exceptions import ValidationError

from learning.blocks import BodyStreamBlock, StatisticBlock, render_with_footnote_marks


@pytest.mark.parametrize("name", list(BodyStreamBlock.base_blocks))
def test_every_block_declares_icon_template_and_a_preview_that_renders(name, db):
    block = BodyStreamBlock.base_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.template
    html = block.render(block.get_preview_value(), context={})
    assert html.strip()


def test_statistic_block_refuses_a_footnote_whose_words_are_not_in_the_text():
    block = StatisticBlock()
    value = block.to_python(
        {
            "text": "There are 307 million users.",
            "footnotes": [{"after": "1.5 billion", "source": "S", "url": ""}],
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


def test_footnote_marks_follow_their_words_and_escape_the_text():
    html = render_with_footnote_marks(
        "<b>1.5 billion</b> and 307 million users",
        [{"after": "1.5 billion"}, {"after": "307 million users"}],
        first_number=4,
    )
    assert html.startswith("&lt;b&gt;1.5 billion<sup")
    assert 'href="#fn-4" id="fnref-4"' in html and 'href="#fn-5" id="fnref-5"' in html
