"""Who says and who does what in a sentence: names written by their initials, a spokesperson who
speaks for a country, pronouns, a quotation told over two sentences, a hyphenated doer. Pure parts
on made-up text (the real spaCy model), then the answers through the real engine."""

from __future__ import annotations

from conftest import made_up, metro_series

from qa import contrasts, lexicon, question, speakers, verdict


def test_a_name_of_several_words_is_also_written_by_its_initials():
    assert {"us", "united", "states"} <= speakers.name_words("the United States")
    assert "us" in speakers.name_words("the U.S.")
    assert speakers.speaks("United States", "U.S. officials said on Monday the talks were useful.")
    assert speakers.speaks("the United Nations", "The UN said the convoy had reached the border.")
    # a person's names are not shortened ("Ana Lopes" is no "AL")
    assert "al" not in speakers.name_words("Ana Lopes")


def test_according_to_names_who_says_it():
    assert speakers.speaks("Money Tomorrow", "The statement is a reminder Oslo can end the pact at any time, according to Money Tomorrow.")
    assert not speakers.speaks("Oslo", "The statement is a reminder Oslo can end the pact at any time, according to Money Tomorrow.")


def test_a_spokesperson_speaks_for_the_country_that_qualifies_the_title():
    s = ("On the new treaty, the Canadian Embassy spokesperson in Chile, Mark O. Dunn, is reported to have said, "
         "“Canada fully supports the treaty, which improves our ability to work together.")
    assert speakers.speaks("Canada", s)
    assert speakers.speaks("Dunn", s)
    # the same when the parse hangs the title and the name off the pact instead of the verb
    s = "On the revival of NAFTA, the Canadian Embassy spokesperson in South Africa, Mark O. Dunn, is reported to have said, “Canada fully supports the pact."
    assert speakers.speaks("Canada", s)


def test_he_does_not_stand_for_a_country_and_a_quotation_is_its_speakers():
    ctx = "Norway urged calm. Foreign Minister Ola Berg slammed the plan. “We urge them to think again,” he added."
    # ("we" in his quotation is his: he is no country)
    assert not speakers.speaks("Norway", "“We urge them to think again,” he added.", ctx)
    assert speakers.speaks("Ola Berg", "“We urge them to think again,” he added.", ctx)
    # "we" in a quotation another named speaker said is that speaker's
    ctx2 = "The Danish Foreign Ministry met envoys. “We are urging both sides to talk,” US Secretary of State Ann Cole said."
    assert not speakers.speaks("Denmark's Foreign Ministry", "“We are urging both sides to talk,” US Secretary of State Ann Cole said.", ctx2)


def test_a_name_inside_a_quotation_is_not_who_a_pronoun_after_it_is():
    s = "“We are not going to bring up Ana Lopes in this episode,” he says, “but something tells me she will like it.”"
    assert not speakers.speaks("Ana Lopes", s)
    assert speakers.speaks("Ana Lopes", "Ana Lopes said the tour would go on, and she added that tickets were sold out.")


def test_a_capital_stands_for_its_country():
    # WordNet's national capitals and the countries they are part of, through a district too
    assert lexicon.country_of("Oslo") == lexicon.country_of("Norway") == "norway"
    assert lexicon.country_of("Washington") == lexicon.country_of("U.S.") == "united states"
    assert lexicon.country_of("Honshu") is None and lexicon.country_of("Metro News") is None
    assert "oslo" in speakers.name_words("Norway") and "norway" in speakers.name_words("Oslo")
    assert "united" not in speakers.name_words("Ana Washington Lopes")  # (a person's name is no capital)
    # what a government said, written by its capital
    assert speakers.speaks("Norway", "Oslo simultaneously announced that it will resume talks on fishing quotas.")
    assert not speakers.speaks("Sweden", "Oslo simultaneously announced that it will resume talks on fishing quotas.")


def test_another_country_doing_the_act_leaves_the_claim_unsaid():
    s = "The three countries take part in the drills in March, but owing to flu concerns, Lima is reducing the number of its sailors, Metro News reported."
    # "cut" and "reduce" are one act (WordNet); Lima is Peru's capital
    assert contrasts.other_country("Did Chile cut its sailors for the drills?", s)
    assert not contrasts.other_country("Did Peru cut its sailors for the drills?", s)
    assert not contrasts.other_country("Did Metro Bank cut its sailors for the drills?", s)  # (no country: no say)
    assert verdict.verdict(question.read("Did Chile cut its sailors for the drills?"), [(s, 0.5, 0.7)]) is None
    assert verdict.verdict(question.read("Did Peru cut its sailors for the drills?"), [(s, 0.5, 0.7)]) == "Yes"


def test_a_hyphenated_doer_decides_who_did_it():
    s = "Four countries take part in the Peruvian and Chilean-led naval drills in March, Metro News reported."
    assert contrasts.other_agent("Did Brazil lead the naval drills?", s)
    assert contrasts.other_agent("Were the naval drills led by Brazil?", s)
    assert not contrasts.other_agent("Did Chile lead the naval drills?", s)  # Chilean is Chile's adjective
    assert not contrasts.other_agent("Is Peru co-leading the naval drills?", s)
    # "led" is "lead" in a form the stem misses; the prefix of "co-leading" is no word of the claim
    assert verdict.unsaid(question.read("Is Chile co-leading the naval drills?"), s) == []
    assert verdict.verdict(question.read("Did Brazil lead the naval drills?"), [(s, 0.44, 0.7)]) == "No"
    assert verdict.verdict(question.read("Did Chile lead the naval drills?"), [(s, 0.44, 0.7)]) == "Yes"


def test_what_a_speaker_said_includes_the_quotation_their_attribution_closes(fresh_engine, tmp_path):
    # Made-up: the quotation opens in one sentence and is attributed at the end of the next.
    made_up(fresh_engine, tmp_path, {"title": "Lake treaty", "source": "Metro News", "published_at": "2021-05-02", "body":
        "Finland has decided to leave the lake treaty with Sweden. Sweden's fisheries minister slammed the move. "
        "“We’re disappointed to see the decision the Finns made about the lake treaty. We’re urging each of the two "
        "countries to keep talking,” US Secretary of State Ann Cole said."})
    a = fresh_engine.ask("What did Ann Cole say about the decision to leave the treaty?")
    # (her words about the decision lead: the sentence that names her only closes the quotation)
    assert a.answer.startswith("“We’re disappointed") and a.citations


def test_who_did_it_as_a_title_is_the_one_the_articles_call_so(fresh_engine, tmp_path):
    # Made-up: another official is named in more articles; the question's title picks the answer.
    recs = metro_series("Port visit",
        "The harbour deal was a crucial issue during Canadian Trade Minister Lea Roy’s recent visit to Lisbon. "
        "Canadian Foreign Minister Paul Smith spoke to Portugal's prime minister by phone.",
        "Canadian Foreign Minister Paul Smith said the harbour deal would be signed in June.",
        "Canadian Foreign Minister Paul Smith praised the harbour deal on Friday.")
    made_up(fresh_engine, tmp_path, *recs)
    a = fresh_engine.ask("Who visited Lisbon as Canadian Trade Minister?")
    assert a.short.startswith("Lea Roy") and a.citations


def test_which_organisation_is_the_one_the_act_was_done_with(fresh_engine, tmp_path):
    # Made-up: "Portuguese" qualifies nouns in many sentences; the organisation petitioned is the one
    # the act is done with.
    recs = metro_series("Port row",
        "More recently, Spain filed a petition with the International Maritime Tribunal, charging Lisbon with subsidizing its "
        "ferry companies. A Portuguese court ruling angered Madrid.",
        "Portuguese ferry companies said the Portuguese court ruling was fair.",
        "The Portuguese Supreme Court upheld the ruling on Monday.")
    made_up(fresh_engine, tmp_path, *recs)
    a = fresh_engine.ask("Which organization did Spain petition about ferry subsidies?")
    assert a.short.startswith("International Maritime Tribunal"), a.answer


def test_adding_a_thing_to_a_list_is_no_saying():
    from qa import asking, reader
    assert not asking.says_with("When did Spain add Portugal back to the list?")
    assert asking.says_with("When did the mayor add that the pier would open?")
    s = "Ties had worsened after the court asked for damages for the occupation of the port by Spain from 1910 till 1945."
    # "asked" is another act than adding a country to a list, though both may be verbs of saying
    assert reader.of_other_act("add", s, "1910 till 1945", saying=False)
    assert not reader.of_other_act("add", s, "1910 till 1945", saying=True)


def test_a_place_that_stands_for_its_people_is_not_where_something_was_held(fresh_engine, tmp_path):
    # Made-up: "the Canadian envoy" and "US" qualify people; the summit is where the minister went.
    made_up(fresh_engine, tmp_path, {"title": "Summit", "source": "Metro News", "published_at": "2021-05-02", "body":
        "In the two-day Arctic summit she may also meet with Tom Reyes, the US assistant secretary for polar affairs, and "
        "Ana Lopes, US deputy envoy. Speaking to reporters before departing to Tromso, Norway to attend the Arctic summit "
        "of foreign ministers, the minister said little."})
    a = fresh_engine.ask("Where was the two-day Arctic summit held?")
    assert a.short.startswith(("Tromso", "Norway")), a.answer
