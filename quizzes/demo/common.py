"""Builders and citations shared by the demo quiz's question modules."""

# (framework slug, standard slug): the StandardPage at /standards/<framework>/<standard>/.
SWE_1_7 = ("swe-2019", "1-7")
SWE_2_2 = ("swe-2019", "2-2")
SWE_2_3 = ("swe-2019", "2-3")
SWE_4_2 = ("swe-2019", "4-2")
SWE_5_6 = ("swe-2019", "5-6")
NISCC_5_9 = ("niscc-2015", "5-9")
HCPC_2024_2_10 = ("hcpc-2024", "2-10")
HCPC_2008_2 = ("hcpc-2008", "standard-2")


def option(text, feedback, *standards, correct=False):
    """Return a right/wrong option; `standards` are (framework slug, standard slug) keys."""
    return {
        "text": text,
        "correct": correct,
        "feedback": f"<p>{feedback}</p>",
        "standards": standards,
    }


def rated(rating, text, feedback, *standards):
    """Return a situational-judgement response with its expert rating (4 best, 1 worst)."""
    return {
        "text": text,
        "expert_rating": str(rating),
        "feedback": f"<p>{feedback}</p>",
        "standards": standards,
    }


def question(block_type, scenario, prompt, options):
    """Return one question as a StreamField {"type", "value"} dict."""
    return {
        "type": block_type,
        "value": {"scenario": f"<p>{scenario}</p>", "prompt": prompt, "options": options},
    }


SELECT_ALL = "Select all that apply."
RATE_EACH = "How appropriate is each response?"
