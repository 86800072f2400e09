"""The answer step as a reader: what a question asks for, the direct answer it opens with, verdicts,
time, outlets, abstentions, follow-ups. Pure parts on made-up text (the real spaCy model); the
behaviour the issue names on the seeds through the real engine."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import made_up, metro_series, one_article

from qa import asking, circumstances, figures, followup, nlp, question, reader, speakers, specifiers, verdict, when

OUTLETS = ("The Daily Planet", "Metro News", "Example.com")


# -- reading a question (made-up names: nothing here is fitted to the seeds) ----------------------
@pytest.mark.parametrize(
    "text, kind",
    [
        ("Who is Maria Okafor?", "describe"),
        ("Who is the mayor of Lakeside?", "person"),
        ("Who wrote the article about the flood?", "author"),
        ("Who is the Metro News reporter who wrote about the flood?", "author"),
        ("Who is the official who wrote to the mayor?", "person"),
        # a request is no yes / no question: what the articles say of its topic
        ("Tell me about the harbour fair.", "topic"),
        ("Please explain the new parking levy", "topic"),
        ("Can you tell me why the council closed the bridge?", "topic"),
        ("Can the council close the bridge?", "yesno"),
        ("When did the bridge open?", "date"),
        ("Where did the summit take place?", "place"),
        ("How many people were evacuated?", "number"),
        ("Why did the council cancel the vote?", "reason"),
        ("How did the company respond to the fine?", "statement"),
        ("How did the company cut its costs?", "process"),
        ("How did the minister describe the deal?", "statement"),
        ("Did the council approve the budget?", "yesno"),
        ("Which entity fined the bank?", "organization"),
        ("Which club signed the striker?", "organization"),
        ("Was the dam built in 1998?", "yesno"),
        # the main clause is inverted before any wh-word; "how" in "the account of how ..." does not ask
        ("Between the Metro News report of May 2 and the one of May 9, was the account of how the dam failed consistent?", "yesno"),
        ("After Metro News reported that the mayor resigned, did the council's stance remain unchanged?", "yesno"),
        ("According to Metro News, where did the mayor speak before her departure?", "place"),
        ("Which outlets reported the strike?", "outlet"),
        ("Which company bought the stadium?", "organization"),
        ("What did the governor say about the storm?", "statement"),
        ("How did the dispute unfold over the year?", "timeline"),
        # a news organisation is an outlet; a reporter who wrote a story is its byline (not one who wrote a letter)
        ("Which news organisation reported the strike?", "outlet"),
        ("Which reporter wrote the story about the flood?", "author"),
        ("Which minister wrote the letter?", "person"),
        # what someone thinks, in the news, is what they say
        ("What does the union think of the deal?", "statement"),
        ("How does the council view the new levy?", "statement"),
        # a change in a clause that only sets the time is no timeline
        ("How many days were left before the vote when the mayor changed course?", "number"),
        # the author of an article is its byline; the author of an official report is told in the text
        ("Who is the author of the Metro News article?", "author"),
        ("Who is the writer of the story about the flood?", "author"),
        ("Who is the author of the report to parliament?", "person"),
    ],
)
def test_question_kinds(text, kind):
    assert question.read(text, OUTLETS).kind == kind


def test_a_reaction_is_asked_of_whoever_reacts():
    q = question.read("How did the union react to the layoffs?", OUTLETS)
    assert (q.kind, q.subject) == ("statement", "union")


def test_which_noun_is_answered_by_what_specifies_it():
    q = question.read("Which imports did the ministry ban?", OUTLETS)
    assert (q.kind, q.focus) == ("other", "import")
    assert specifiers.specifier("import", "The ministry banned imports of Chinese steel, which had flooded the market.", q.text) == "Chinese steel"
    assert specifiers.specifier("import", "It banned cheap imports such as toys and shoes last year.", q.text) == "toys and shoes"
    # a number (a year) that names which one
    assert specifiers.specifier("treaty", "The claims were settled during a 1952 treaty.", "Which treaty settled the claims?") == "1952"
    assert specifiers.specifier("item", "Seoul withheld its complaint about three essential items.", "Which items were curbed?") is None  # a count
    # What the question already says is no answer.
    assert specifiers.specifier("import", "The ministry banned imports of the ministry.", "Which imports of the ministry were banned?") is None


def test_how_is_answered_by_the_means():
    q = "How will the city pay for the new bridge?"
    s = "The mayor said the city would pay for the bridge through a bond issue and by raising parking fees."
    assert circumstances.means(s, q) == "through a bond issue and by raising parking fees"
    assert circumstances.means("The city will pay for the bridge.", q) is None
    # "by" with who did it is no means
    assert circumstances.means("The city agreed to pay for the bridge amid a series of protests by Lakeside Rovers fans.", q) is None


def test_why_is_answered_by_the_reason_the_sentence_gives():
    q = "Why did the council close the bridge?"
    assert circumstances.cause("The council closed the bridge on Monday, citing cracks in its main span.", q) == (0, "citing cracks in its main span")
    assert circumstances.cause("The council closed the bridge owing to storm damage to the piers.", q) == (0, "owing to storm damage to the piers")
    assert circumstances.cause("The bridge was closed in response to a surveyor's report of cracks.", q)[1] == "in response to a surveyor's report of cracks"
    # "after" may be only of time: it gives the reason for the question's own act, not for another.
    assert circumstances.cause("The council closed the bridge after engineers found cracks.", q) == (1, "after engineers found cracks")
    assert circumstances.cause("The mayor spoke to reporters after engineers found cracks.", q) is None
    # A sentence that gives no reason, or only one the question already states, gives none.
    assert circumstances.cause("The council closed the bridge on Monday.", q) is None
    assert circumstances.cause("Traffic stopped because the council closed the bridge.", q) is None


def test_a_why_question_opens_with_the_reason(fresh_engine, tmp_path):
    # Made-up: the reason is a participle phrase of the sentence that tells of the act.
    one_article(fresh_engine, tmp_path, "Harbour bridge shut",
                 "The city council closed the harbour bridge to all traffic on Monday, citing cracks found in its main "
                 "span. Buses now take a longer route around the bay, and ferries run every half hour.")
    a = fresh_engine.ask("Why did the city council close the harbour bridge?")
    assert a.short.startswith("citing cracks found in its main span") and a.citations


def test_what_was_said_is_a_whole_clause():
    # A quotation that is a clause is what was said.
    assert speakers.said("“We will rebuild the pier by spring,” the mayor said.") == "We will rebuild the pier by spring"
    # A quoted fragment is not: the clause the reporting verb governs is, its quotation closed.
    s = 'Officials have said the new ferries are reliable and give the town a chance to "grow its tourism."'
    assert speakers.said(s) == 'the new ferries are reliable and give the town a chance to "grow its tourism"'
    assert speakers.said("The ferry left at noon.") is None


def test_a_speakers_own_words_are_told_from_what_is_reported_of_them():
    assert speakers.quotes("“We will rebuild the pier by spring,” the mayor said.")
    assert speakers.quotes("And we will do it on budget,” the mayor added.")  # a quotation that began before
    assert not speakers.quotes("The mayor said the pier would be rebuilt by spring.")
    assert not speakers.quotes("The mayor called the plan “fair”.")  # one quoted word is still reported speech


def test_what_may_happen_is_not_what_happened():
    evidence = [("The council can close the pier at any time if the storms return.", 0.7, 0.8)]
    assert verdict.verdict(question.read("Did the council close the pier?"), evidence) is None
    assert verdict.verdict(question.read("Can the council close the pier?"), evidence) == "Yes"
    assert verdict.verdict(question.read("Did the council close the pier?"), [("The council closed the pier on Monday.", 0.7, 0.8)]) == "Yes"



def test_a_yes_no_question_the_evidence_only_makes_possible_is_not_answered(engine):
    a = engine.ask("Did South Korea terminate GSOMIA?")  # it could, the articles say, and it suspended the termination
    assert a.abstained and a.answer.startswith("The articles don't say")


def test_what_a_named_actor_did_needs_a_passage_where_it_acts():
    assert question.read("What did the Lakeside Council decide about the pier?").doer == "the Lakeside Council"
    assert question.read("What did it decide about the pier?").doer == ""
    assert speakers.acts("the Lakeside Council", "The pier was closed by the Lakeside Council in May.")
    assert speakers.acts("the Lakeside Council", "The Lakeside Council voted to close the pier.")
    # Named, but only as the one something was done to: no act of its own to report.
    assert not speakers.acts("the Lakeside Council", "Residents petitioned the Lakeside Council about the pier.")


def test_a_speaker_is_named_by_what_it_is():
    # "the Lakeside Council's press office" is the office; "Lakeside" alone names the town.
    assert speakers.head_word("the Lakeside Council's press office") == "office"
    assert speakers.head_word("Mayor Ana Silva") == "silva"
    assert speakers.head_word("city officials") == "officials"


def test_a_name_is_given_in_full():
    ents = ["Ana Silva", "Lakeside Harbour Board", "Meta’s zero", "Harbour"]
    assert reader.full_name("Silva", ents) == "Ana Silva"
    assert reader.full_name("Lake", ents) == "Lakeside Harbour Board"  # a clipped name
    assert reader.full_name("Meta", ents) == "Meta"  # a possessive is not a longer name
    assert reader.full_name("Board", ents) == "Lakeside Harbour Board"
    # an entity span may carry an article or a possessive; the name does not
    assert reader.bare_name("the Harbour Board’s") == "Harbour Board"
    assert reader.bare_name("Ana Silva's") == "Ana Silva"
    ents = [reader.bare_name(e) for e in ("the Lakeside Harbour Board", "Ana Silva's")]
    assert reader.full_name("Lake", ents) == "Lakeside Harbour Board"
    # the commonest full form, not the longest
    assert reader.full_name("Sam", ["Sam Okoro", "Sam Okoro", "Sam Whitfield-Ames"]) == "Sam Okoro"
    # a one-word name the recognizer never tagged in full: the place or first name the text puts before it
    texts = ["The Lakeside Rovers beat the Harbour Rovers. In Rovers history, no side scored more. Lakeside Rovers fans cheered."]
    assert reader.full_name("Rovers", [], texts, frozenset({"lakeside"})) == "Lakeside Rovers"
    assert reader.full_name("Rovers", [], texts, frozenset()) == "Rovers"


def test_where_something_happened_is_not_where_someone_went():
    s = "Before flying to Lisbon, the minister spoke to reporters at Dover Airport, saying Madrid's offer was fair."
    assert circumstances.place_role(s, "Lisbon") == "toward"
    assert circumstances.place_role(s, "Dover Airport") == "at"
    assert circumstances.place_role(s, "Madrid") == "actor"
    assert circumstances.asks_destination("Where was the minister flying?")
    assert not circumstances.asks_destination("Where did the minister speak to reporters?")
    # a going in a clause that only sets the time is not what is asked
    assert not circumstances.asks_destination("Where did the minister speak to reporters before leaving?")
    assert circumstances.asks_destination("Where did the minister go after speaking to reporters?")
    # where she said it is where she spoke
    s2 = "“The offer is fair,” the minister said at Dover Airport before her departure."
    assert circumstances.verb_places("speak", s2, nlp.entities([s2])[0]) == ["Dover Airport"]


def test_question_constraints():
    q = question.read("How many people were evacuated in February 2020?", OUTLETS)
    assert q.kind == "number" and q.focus == "people"
    assert q.period == (date(2020, 2, 1), date(2020, 2, 29)) and q.period_text == "February 2020"
    q = question.read("What did Metro News report about the strike?", OUTLETS)
    assert q.kind == "statement" and q.outlets == {"Metro News"} and not q.unknown_outlet
    q = question.read("What did Reuters report about the strike?", OUTLETS)
    assert q.unknown_outlet == "Reuters"
    assert question.read("What did a Reuters article say about the strike?", OUTLETS).unknown_outlet == "Reuters"
    # a name inside what an article is about is its topic; a second article's outlet is still one
    q = question.read("Does the Metro News piece about the Chicago Bulls vs. Boston Celtics game report say the Bulls won?", OUTLETS)
    assert q.unknown_outlet == ""
    q = question.read("Considering the details discussed in an article from Metro News about the dam and the costs mentioned "
                      "in a separate article from Reuters for the same dam, who built it?", OUTLETS)
    assert q.unknown_outlet == "Reuters"
    assert question.read("Based on the information from a Reuters article discussing the dam, who built it?", OUTLETS).unknown_outlet == "Reuters"
    # coverage of a person is about them, not by them
    assert question.read("Has the focus of Anna Lee coverage by Metro News changed since May?", OUTLETS).unknown_outlet == ""
    # a report delivered to someone is an act of whoever delivers it, not an outlet's article
    assert question.read("What was the Transport Ministry's report to parliament about?", OUTLETS).unknown_outlet == ""
    assert question.read("What was the Reuters report about?", OUTLETS).unknown_outlet == "Reuters"
    # the noun after "which" is a noun, however the small model tags it
    assert question.read("Which sources report on the pier closure?", OUTLETS).kind == "outlet"
    # a phrase with no verb asks for what its noun names, not for a verdict
    assert question.read("Pier closing date?", OUTLETS).kind == "date"
    q = question.read("Harbour board position on the pier?", OUTLETS)
    assert (q.kind, q.subject) == ("topic", "Harbour board position on the pier")
    assert question.read("Is the bridge still closed?", OUTLETS).latest
    assert not question.read("What did Money Today report?", OUTLETS).latest  # a name, not a time
    assert question.read("Did Metro News report the flood before The Daily Planet?", OUTLETS).order == "before"
    assert question.read("What did Example report?", OUTLETS).outlets == {"Example.com"}


# -- the direct answer from a sentence -----------------------------------------------------------
def test_describe_takes_the_apposition_or_the_title():
    assert reader.describe("Maria Okafor", "The city's chief engineer, Maria Okafor, said the bridge was safe.") == "The city's chief engineer"
    assert reader.describe("Maria Okafor", "Maria Okafor, the city's chief engineer, said the bridge was safe.") == "the city's chief engineer"
    assert reader.describe("Tom Baines", "Transport Minister Tom Baines opened the line.") == "Transport Minister"
    assert reader.describe("Tom Baines", "The weather was fine.") is None
    # a surname alone: the title the whole name has
    assert reader.describe("Baines", "Transport Minister Tom Baines opened the line.") == "Transport Minister"
    # the noun phrase before the comma, when a clause runs up to it
    assert reader.describe("Tom Baines", "The mayor will hold talks with her Welsh counterpart, Tom Baines on Monday.") == "her Welsh counterpart"
    # an acronym: its full name, and the description after it
    s = "The council joined the Regional Harbour Safety Board (RHSB), a regional body for pier safety, on Monday."
    assert reader.describe("RHSB", s) == "Regional Harbour Safety Board, a regional body for pier safety"
    assert reader.describe("RHSB", "The Regional Harbour Safety Board (RHSB) met on Monday.") == "Regional Harbour Safety Board"
    # a description names no other person
    assert reader.describe("RHSB", "On the board of RHSB, the harbour master, Ana Silva, spoke.") is None
    # a role is a noun phrase: not a date (a post's signature), a preposition's phrase, nor the
    # phrase a clause about the person interrupts
    assert reader.describe("Tom Baines", "— Tom Baines (@tbaines) November 18, 2023") is None
    assert reader.describe("Tom Baines", "Today, in testimony, Baines seemed to be trying to explain the losses.") is None
    assert reader.describe("Tom Baines", "The goal, Baines told her, was to keep the two funds apart.") is None
    # a hyphenated prefix is the role's ("ex-"), and a surname alone is not someone else's
    assert reader.describe("Tom Baines", "Late on Friday, ex-Metro Bank president Tom Baines was dismissed.") == "ex-Metro Bank president"
    assert reader.describe("Tom Baines", "Matt Baines, co-founder of the Harbour Fund, arrived at court.") is None
    # whole words, and the role, not what its noun is; never the name itself, a bracket's piece, nor
    # what the name only owns
    assert reader.describe("Ana Lopes", "The board hired Ana Lopes, the co-founder of Harbour Apps, as interim head.") == "the co-founder of Harbour Apps"
    assert reader.describe("Ana Lopes", "Ana Lopes, the CEO of Metro Bank, a major lender to the city, resigned.") == "the CEO of Metro Bank"
    assert reader.describe("Oskar ten Brink", "They sang the name of Oskar ten Brink’s predecessor.") is None
    assert reader.describe("Ana Lopes", "In a post on X (formerly Twitter) from Brockman, Ana Lopes said she would stay.") is None
    assert reader.describe("QXB", "At the time, QXB’s spokesperson said it did not agree.") is None
    # a participle before the noun is its adjective; a clause after an apposition is not part of the role
    assert reader.describe("QXB", "Ana Lopes, the founder of failed payments company QXB, was sentenced.") == "failed payments company"
    assert reader.describe("QXB", "QXB, the payments company founded by Ana Lopes, collapsed in May.") == "the payments company"
    q = question.read("What is RHSB?", OUTLETS)
    assert (q.kind, q.subject) == ("describe", "RHSB")
    q = question.read("What does RHSB stand for?", OUTLETS)  # what the name is short for
    assert (q.kind, q.subject) == ("describe", "RHSB")
    assert question.read("What is the latest on the pier?", OUTLETS).kind != "describe"


def test_number_about_counts_what_was_asked():
    q = question.read("How many people were evacuated?", OUTLETS)
    s = "Police said 2,400 people were evacuated from 12 villages."
    from qa import nlp

    assert figures.number_about(q, s, nlp.entities([s])[0]) == "2,400 people"
    q = question.read("How many boats were lost?", OUTLETS)
    assert figures.number_about(q, s, nlp.entities([s])[0]) is None  # no number there counts boats
    # a length of time has its unit: "the three clubs" is no answer to "how long"
    q = question.read("How long is the regatta?", OUTLETS)
    s = "The three clubs will sail in the two-week regatta."
    assert figures.number_about(q, s, nlp.entities([s])[0]) == "two-week"
    s = "The three clubs will sail in the regatta."
    assert figures.number_about(q, s, nlp.entities([s])[0]) is None
    # the things counted must be whose the question says they are
    s = "More than 300 Norwegian sailors took part in the regatta."
    q = question.read("How many Danish sailors took part in the regatta?", OUTLETS)
    assert figures.number_about(q, s, nlp.entities([s])[0]) is None
    q = question.read("How many Norwegian sailors took part in the regatta?", OUTLETS)
    assert figures.number_about(q, s, nlp.entities([s])[0]) == "More than 300 Norwegian sailors"


def test_a_date_the_questions_verb_governs_comes_first():
    s = "After the council voted in March, the mayor announced she would open the tender on April 12."
    assert when.by_verb("announced", s, ["March", "April 12"]) == ["April 12", "March"]
    assert when.by_verb("voted", s, ["March", "April 12"]) == ["March", "April 12"]
    # the verb's own noun tells of the event too, and a range is given whole
    s = "The museum recalls the occupation of the island by the navy from 1903 till 1931, a guide said in May."
    assert when.governed_by("occupy", s, "1903") and not when.governed_by("occupy", s, "May")
    assert when.date_range(s, "1903", ["1903", "1931", "May"]) == "1903 till 1931"
    # saying is one act: "When did the board say it would reopen the pier?" is told by "announced"
    s = "Earlier in March, the harbour board announced that it would reopen the pier."
    assert when.governed_by("say", s, "March") and not when.governed_by("open", s, "March")
    # a date another act is told with is no answer to "When did the navy return the island?"
    s = "The navy seized the island last month."
    assert reader.of_other_act("return", s, "last month") and not reader.of_other_act("seize", s, "last month")
    # verbs of saying are one act
    assert not reader.of_other_act("say", "The ministry announced in May that it would relax the rules.", "May")


def test_when_an_act_the_articles_name_only_by_its_noun_happened_is_not_said(fresh_engine, tmp_path):
    # Made-up: the ruling is a court's, its date is not given; July is when tensions rose.
    one_article(fresh_engine, tmp_path, "Port dispute",
                 "Tensions between the port and the ferry company began to rise earlier in July after a court ruling "
                 "ordered the port to pay damages. Later, the ferry company filed an appeal with the harbour board.")
    assert fresh_engine.ask("When did the harbour board rule on the ferry company's appeal?").abstained
    # the date of the act the question asks about stands
    assert fresh_engine.ask("When did tensions between the port and the ferry company begin to rise?").short.startswith("earlier in July")


def test_a_sentence_with_most_of_the_questions_words_answers_a_question_unlike_it(fresh_engine, tmp_path):
    # Made-up: a long question resembles the one sentence that answers it little, but shares its words.
    one_article(fresh_engine, tmp_path, "Fishing talks",
                 "Fishing boats stayed in port on Wednesday because of a storm. The statement is a reminder Oslo can let "
                 "the fisheries pact with Iceland and the Faroe Islands expire at any time, according to Money Tomorrow.")
    a = fresh_engine.ask("According to Money Tomorrow, what is the foreign ministry's statement a reminder of?")
    assert not a.abstained and "at any time" in a.answer


def test_an_outlet_speaks_of_a_country_by_its_peoples_name_too(fresh_engine, tmp_path):
    # Made-up: the outlet's sentence on what Mexico announced names "the Mexican Transport Ministry".
    one_article(fresh_engine, tmp_path, "Rail and trade",
                 "Trade between Lakeside and Mexico grew by a tenth last year, the council said on Monday. Earlier in May, "
                 "the Mexican Transport Ministry announced that it would open a new rail line to the border.")
    a = fresh_engine.ask("What does Metro News say Mexico announced in May?")
    assert a.answer.startswith("Earlier in May, the Mexican Transport Ministry announced"), a.answer


def test_what_someone_said_about_a_topic_leads_with_their_words_that_name_it(fresh_engine, tmp_path):
    # Made-up: both sentences are the mayor's; only the second speaks of the pier contract.
    one_article(fresh_engine, tmp_path, "Pier contract",
                 "Mayor Ana Lopes said the town's deals with builders were worth a great deal to its people. “We have "
                 "decided that it would not serve the town to keep the old contract we signed,” Lopes added.")
    a = fresh_engine.ask("What did Ana Lopes say about the value of the contract?")
    assert a.answer.startswith("“We have decided"), a.answer


def test_how_long_something_lasts_is_not_when_it_happens(fresh_engine, tmp_path):
    # Made-up: the meeting's length is given, its day is not.
    one_article(fresh_engine, tmp_path, "Harbour summit",
                 "In the two-day harbour summit the mayor may also meet with Tom Reyes, the port's chief engineer.")
    assert fresh_engine.ask("Which day did the mayor meet Tom Reyes?").abstained


def test_a_count_of_time_units_is_a_time():
    q = question.read("How many hours before the deadline did the council vote?", OUTLETS)
    s = "Just six hours before the deadline, the council voted to reopen the pier."
    from qa import nlp
    assert figures.number_about(q, s, nlp.entities([s])[0]) == "Just six hours"


def test_speaker_is_the_subject_of_a_reporting_verb():
    s = "The governor said the roads would reopen on Friday."
    assert speakers.speaks("the governor", s)
    assert not speakers.speaks("the mayor", s)
    assert not speakers.speaks("Anna Lee", "Officials said Anna Lee would visit.")
    # the agent of a passive reporting verb reports
    assert speakers.speaks("Metro News", '"We will wait," the mayor said, as quoted by the Metro News agency.')
    # a country speaks through its people's adjective: "the Canadian Transport Ministry" for Canada
    s = "Earlier in May, the Canadian Transport Ministry announced that it would relax rules on the export of timber."
    assert speakers.speaks("Canada", s, s) and not speakers.speaks("Mexico", s, s)
    # a reporting verb the parse leaves without a subject: the name right before it speaks
    s = ("On the revival of NAFTA, the US Embassy spokesperson in Mexico, Anna Lee, is reported to have said, “The United "
         "States fully supports NAFTA, an agreement that demonstrates the maturity of our trade.")
    assert speakers.speaks("Anna Lee", s) and not speakers.speaks("the governor", s)
    # a pronoun stands for the passage's name, unless its own sentence names that person elsewhere
    context = "Anna Lee arrived on Monday. She met the mayor. The mayor said she may meet Anna Lee again."
    assert speakers.acts("Anna Lee", "She met the mayor.", context)
    assert not speakers.acts("Anna Lee", "The mayor said she may meet Anna Lee again.", context)
    # nor for her when the sentence names others before it
    context = "Anna Lee arrived on Monday. Later, Kelso and Dunmore announced they have agreed to talk."
    assert not speakers.acts("Anna Lee", "Later, Kelso and Dunmore announced they have agreed to talk.", context, "agree")
    # "What did she agree?" needs her to agree; "What did she do?" any act of hers
    assert speakers.acts("Anna Lee", "Anna Lee agreed to talk.", context, "agree")
    assert not speakers.acts("Anna Lee", "Anna Lee arrived on Monday.", context, "agree")
    assert speakers.acts("Anna Lee", "Anna Lee arrived on Monday.", context, "do")


# -- follow-ups: a question that names what it is about stands alone ------------------------------
@pytest.mark.parametrize(
    "text, leans",
    [
        ("Where was she travelling?", True),
        ("Why did it do that?", True),
        ("Which outlet reported that?", True),
        ("And why?", True),
        ("When?", True),
        ("Which product did it concern?", True),
        ("What did the council say in its statement?", False),
        ("How many people were evacuated?", False),
        ("What did Maria Okafor discuss?", False),
        ("What is UNESCO?", False),
        ("What happened there?", True),
        ("Is there a deal between the two cities?", False),  # the "there" of existence
        ("Were there protests in Oslo?", False),
    ],
)
def test_follow_up_or_not(text, leans):
    assert followup.needs_context(text) is leans


def test_a_pronoun_becomes_the_person_of_the_last_turn():
    query = followup.search_query("What did she say?", [("Who is the chief engineer?", "Maria Okafor is the chief engineer.")])
    assert query.startswith("What did Maria Okafor say?")


def test_after_a_who_question_he_is_the_one_the_answer_named():
    # (not a name the question itself gave, nor the parser's "Besides Maria Okafor")
    h = [("Besides Maria Okafor, whom might the mayor meet in Oslo?", "Tom Reyes and Ana Lopes.")]
    assert followup.search_query("What is his role?", h).startswith("What is Tom Reyes role?")
    h = [("What did Maria Okafor say about the pier?", "That it would open in May.")]
    assert followup.search_query("What is her role?", h).startswith("What is Maria Okafor role?")


def test_the_verb_of_a_question_with_a_fronted_phrase_and_the_act_of_a_light_verb():
    assert asking.main_verb("Besides Motala, whom might the mayor meet in Oslo?") == "meet"
    assert asking.act_of("Where did she give that interview?") == "interview"
    assert asking.act_of("Where did the minister hold talks with the union?") == "talk"
    assert asking.act_of("Where did she speak?") == "speak"


def test_there_becomes_the_place_of_the_last_turn():
    query = followup.search_query("Why was she travelling there?", [("Where did Maria Okafor travel to?", "Lisbon [1]. Maria Okafor left for Lisbon on Monday, she said in Oslo. [1]")])
    assert query.startswith("Why was Maria Okafor travelling Lisbon?")


def test_why_after_where_may_be_answered_by_the_sentence_that_said_where(fresh_engine, tmp_path):
    # Made-up: one sentence says where the mayor went and what for; the earlier answer quoted it.
    one_article(fresh_engine, tmp_path, "Mayor abroad",
                 "Mayor Ana Lopes said the pier would reopen in June. Speaking to reporters before departing to Lisbon "
                 "to attend a fisheries conference, Lopes said the harbour was safe. Lopes has travelled abroad often "
                 "this year, her office said. Late on Thursday, Lopes had spoken by phone with the harbour master. "
                 "Lopes said she was travelling with two council members.")
    where = "Where did Ana Lopes travel to?"
    first = fresh_engine.ask(where)
    assert first.short.startswith("Lisbon")
    assert "fisheries conference" in fresh_engine.ask("Why was she travelling there?", history=[(where, first.answer)]).short


# -- the behaviour issue 14 names, on the seeds -------------------------------------------------
def _cited(ans):
    assert ans.short and ans.answer.startswith(ans.short) and "[1]" in ans.short
    return ans


def test_direct_answers_on_the_seeds(engine):
    a = _cited(engine.ask("Where was Kang travelling, and for what meeting?"))
    assert "Nagoya" in a.short
    assert "National Security Council" in _cited(engine.ask("Who is Kim You-geun?")).short
    assert "spokesperson" in _cited(engine.ask("Who is William M. Coleman?")).short
    assert _cited(engine.ask("When was GSOMIA first signed?")).short.startswith("2016")
    # the length is in the sentence after the one that names the exercise ("the two-week exercise")
    assert _cited(engine.ask("How long is the Cobra Gold exercise?")).short.startswith("two-week")
    # a source that is quoted ("as quoted by Yonhap") reports what it quotes
    assert "reactivating" in engine.ask("What did Yonhap report about the Foreign Ministry's statement?").answer
    # "still": the newest article's sentence that uses the question's verb comes right after the verdict
    a = _cited(engine.ask("Is Seoul still negotiating with Tokyo?"))
    assert a.short.startswith("Yes") and a.answer[len(a.short):].strip().startswith("12 Feb 2020 — \"We have so far been negotiating")
    # a day is no unknown name: "on Sunday" is a claim, and the articles say Saturday
    assert engine.ask("Was GSOMIA due for renewal on Sunday?").short.startswith("No")
    # named but never described in apposition: what the articles say of it
    assert "presidential Blue House" in engine.ask("What is the Blue House?").answer


def test_a_reaction_leads_with_the_reactors_words(engine):
    # "It is reported that Japan ..." in the same passage is nobody's reaction; the US's is.
    a = engine.ask("How did the US react to South Korea's decision to pull out of GSOMIA?")
    first, second = a.answer.split("[1]")[0], a.answer.split("[1]")[1].split("[2]")[0]
    assert not a.abstained and "disappoint" in first.lower()
    # said by the US: in the same sentence, or in the next one, which closes the quotation it opens
    assert "US" in first or (speakers.opens_quote(first) and "US" in second)


def test_yes_no_questions_get_a_verdict(engine):
    assert _cited(engine.ask("Did South Korea file a complaint with the WTO?")).answer.startswith("Yes")
    assert _cited(engine.ask("Was GSOMIA signed in 2015?")).answer.startswith("No")


def test_outlets_are_metadata(engine):
    a = engine.ask("What did Kyodo News report about the WTO complaint?")
    assert not a.abstained and {c.source for c in a.citations} & {"Kyodo News"}
    a = engine.ask("What did Reuters report about GSOMIA?")
    assert a.abstained and "No ingested article is from Reuters" in a.answer
    a = _cited(engine.ask("Which outlets reported that South Korea can end GSOMIA at any time?"))
    assert "Kyodo News" in a.short or "The Korea Herald" in a.short


def test_a_month_in_the_question_scopes_the_articles(engine):
    a = engine.ask("What happened in February 2020?")
    assert not a.abstained and a.citations[0].date.startswith("2020-02")


def test_the_kind_of_fact_asked_for_must_be_there(engine):
    assert engine.ask("How many missiles did North Korea launch in 2019?").abstained
    assert engine.ask("Who is the Prime Minister of Japan?").abstained


def test_json_carries_the_direct_answer(engine):
    j = engine.ask("When was GSOMIA first signed?").to_json()
    assert j["short"].startswith("2016") and j["answer"].startswith(j["short"])


def test_a_question_in_an_article_is_not_an_answer(fresh_engine, corpus):
    q = "Why did Seoul suspend termination of the intelligence pact at the last minute?"
    (corpus / "planted.txt").write_text(f"Planted article\n\n{q}\n\nNobody knows. Readers asked it again and again.\n", encoding="utf-8")
    fresh_engine.ingest([corpus])
    a = fresh_engine.ask(q)
    assert not a.abstained and q not in a.answer
    assert all(c.doc_id != "planted.txt" or "?" not in c.quote for c in a.citations)


def test_what_someone_said_gathers_their_words(fresh_engine, tmp_path):
    # Made-up articles: the harbour board speaks twice in one, the town in the other.
    d = tmp_path / "made_up"
    d.mkdir()
    (d / "pier.txt").write_text(
        "Harbour board backs pier repairs\n\n"
        "The Lakeside harbour board said on Monday that the old pier would reopen to fishing boats in May. "
        "Storms damaged the pier twice last winter, and its eastern end has been closed since January. "
        "Local fishermen have moored at the marina in the meantime, paying higher fees. "
        "The board also said the pier repairs would cost about 2 million dollars, paid from its reserves.\n", encoding="utf-8")
    (d / "town.txt").write_text(
        "Lakeside plans a new ferry\n\n"
        "Lakeside town council said a ferry to the islands would start next summer. "
        "The council expects the ferry to carry 300 passengers a day during the season.\n", encoding="utf-8")
    fresh_engine.ingest([d])
    a = fresh_engine.ask("What did the harbour board say about the pier?")
    assert not a.abstained
    assert "reopen" in a.answer and "2 million" in a.answer  # both things the board said
    assert {c.doc_id for c in a.citations} == {"pier.txt"}


def test_which_report_came_first_is_read_from_both_sides(fresh_engine, tmp_path):
    # Made-up outlets and stories: the Planet wrote on the flood on 2 March, Metro News on the bridge on 9 March.
    import json

    d = tmp_path / "made_up"
    d.mkdir()
    records = [
        {"title": "River floods the lower town", "source": "The Daily Planet", "published_at": "2021-03-02",
         "body": "The river burst its banks on Monday and flooded the lower town. Forty homes were evacuated by the fire brigade."},
        {"title": "Old bridge to close for repairs", "source": "Metro News", "published_at": "2021-03-09",
         "body": "The old stone bridge will close for six months of repairs, the county engineer said. Traffic will use the ring road."},
    ]
    (d / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    fresh_engine.ingest([d])
    ask = lambda q: fresh_engine.ask(q).short.split()[0].strip(".")  # noqa: E731
    assert ask("Did The Daily Planet report on the flood before Metro News reported on the bridge repairs?") == "Yes"
    assert ask("Did Metro News report on the bridge repairs before The Daily Planet reported on the flood?") == "No"
    # The clause "after" opens names the earlier report; the question asks about the other one.
    assert ask("After The Daily Planet reported on the flood, did Metro News report on the bridge repairs?") == "Yes"
    assert ask("After Metro News reported on the bridge repairs, did The Daily Planet report on the flood?") == "No"
    # "fail to report" denies the report: the Planet did report first.
    assert ask("Did The Daily Planet fail to report on the flood before Metro News reported on the bridge repairs?") == "No"


def test_who_is_a_byline_or_nobody_the_articles_name(fresh_engine, tmp_path):
    # Made-up article: its author is known from the byline only; the photographer is named nowhere.
    import json

    d = tmp_path / "made_up"
    d.mkdir()
    rec = {"title": "Pier reopens to fishing boats", "source": "Metro News", "published_at": "2021-05-02", "author": "Lena Marsh",
           "body": "The old pier reopened to fishing boats on Saturday after repairs. Harbour master Tom Reyes said the eastern end "
                   "would follow in June. The repairs cost about 2 million dollars. The town's old Harbour Guild denied reports "
                   "that the pier would be sold."}
    (d / "records.jsonl").write_text(json.dumps(rec), encoding="utf-8")
    fresh_engine.ingest([d])
    a = fresh_engine.ask("Who is Lena Marsh?")
    assert not a.abstained and a.short.startswith("the author of “Pier reopens to fishing boats” (Metro News)")
    assert fresh_engine.ask("Who is Tom Reyes?").short.startswith("Harbour master")
    assert fresh_engine.ask("Who is Paul Okonjo?").abstained  # named nowhere: not the best sentence about something else
    # named but never described: what the articles say of it
    a = fresh_engine.ask("What is the Harbour Guild?")
    assert not a.abstained and "Harbour Guild" in a.answer, a.answer


def test_what_an_outlet_reported_on_a_topic_is_its_own_sentence_on_it(fresh_engine, tmp_path):
    # Made-up: the outlet's only sentence on the regatta resembles the question weakly.
    import json

    d = tmp_path / "made_up"
    d.mkdir()
    recs = [{"title": "Harbour news", "source": "Metro News", "published_at": "2021-05-03",
             "body": "The harbour board met on Monday to discuss new cranes. Boats from nine clubs will sail in the regatta, "
                     "but two clubs withdrew because of storm damage. The board will vote on the cranes in June."},
            {"title": "Council budget", "source": "The Daily Planet", "published_at": "2021-05-04",
             "body": "The council approved its budget on Tuesday. Spending on roads rises by a tenth."}]
    (d / "records.jsonl").write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    fresh_engine.ingest([d])
    a = fresh_engine.ask("What did Metro News report about the regatta?")
    assert not a.abstained and "nine clubs" in a.answer
    assert fresh_engine.ask("What did Metro News report about the marathon?").abstained
    # The Daily Planet's articles never speak of the regatta: not answered from Metro News's
    a = fresh_engine.ask("What did The Daily Planet report about the regatta and the nine clubs sailing in it?")
    assert a.abstained, a.answer




def _metro_and_planet(engine, tmp_path, metro: tuple[str, str], planet: tuple[str, str], **metro_meta: str) -> None:
    """Ingest two made-up articles, (title, body) each: Metro News's of 3 May 2021, The Daily Planet's of 4 May."""
    made_up(engine, tmp_path,
             {"title": metro[0], "source": "Metro News", "published_at": "2021-05-03", "body": metro[1], **metro_meta},
             {"title": planet[0], "source": "The Daily Planet", "published_at": "2021-05-04", "body": planet[1]})


def test_which_role_is_the_person_the_articles_call_so(fresh_engine, tmp_path):
    # Made-up: the mayor is in every article; the transport minister, named by that title once, is the answer.
    recs = metro_series("Pier news",
        "Mayor Ana Lopes toured the pier on Monday with the harbour board. Transport Minister Tom Reyes visited the damaged "
        "eastern end of the pier on Tuesday.",
        "Mayor Ana Lopes visited the pier again and said repairs would start soon.",
        "Mayor Ana Lopes asked the council for money to repair the pier, which she visited twice this month.")
    made_up(fresh_engine, tmp_path, *recs)
    a = fresh_engine.ask("Which transport minister visited the pier?")
    assert a.short.startswith("Tom Reyes") and a.citations


def test_when_is_the_date_the_questions_event_is_told_with(fresh_engine, tmp_path):
    # Made-up: the first sentence resembles the question most, but its date is of another event.
    one_article(fresh_engine, tmp_path, "Island museum",
                 "The navy left the island's harbour last month, and the island's navy days ended. The new museum recalls "
                 "the occupation of the island by the navy from 1903 till 1931, a guide said.")
    assert fresh_engine.ask("When did the navy occupy the island?").short.startswith("1903 till 1931")


def test_when_with_no_date_for_that_event_is_not_answered_with_another_events_date(fresh_engine, tmp_path):
    # Made-up: the test is told of without a date; the only date is of a pact.
    one_article(fresh_engine, tmp_path, "Navy drills",
                 "The northern navy's repeated missile tests worry the coast guard, the minister said. The coast guard pact "
                 "was signed in 2016 amid a series of missile launches by the northern navy.")
    assert fresh_engine.ask("When did the northern navy last test a missile?").abstained
    assert fresh_engine.ask("When was the coast guard pact signed?").short.startswith("2016")
    # an act no sentence tells of is not dated by another act's date
    assert fresh_engine.ask("When was the coast guard pact cancelled?").abstained


def test_whose_minister_is_asked_must_match(fresh_engine, tmp_path):
    assert speakers.owner("minister", "Who is Canada's transport minister?") == {"canada"}
    assert speakers.same_owner({"canada"}, {"canadian"}) and speakers.same_owner({"canada"}, set())
    assert not speakers.same_owner({"canada"}, {"mexico"})
    # Made-up: the article names Mexico's minister only.
    one_article(fresh_engine, tmp_path, "Rail line opens",
                 "Mexico's transport minister, Tom Baines, opened the new rail line on Monday.")
    assert fresh_engine.ask("Who is Mexico's transport minister?").short.startswith("Tom Baines")
    assert fresh_engine.ask("Who is Canada's transport minister?").abstained



def test_which_minister_of_a_country_is_not_one_the_evidence_gives_another_country(fresh_engine, tmp_path):
    # Made-up: the Mexican minister speaks; a ministry, not a minister, of Canada made the decision.
    one_article(fresh_engine, tmp_path, "Rail line opens",
                 "Mexican Transport Minister Tom Baines opened the new rail line on Monday. Baines said the line "
                 "would carry freight from Canada. Earlier, the Canadian Trade Ministry announced it would lift "
                 "its limits on steel sent by rail.")
    assert fresh_engine.ask("Which Mexican minister opened the rail line?").short.startswith("Tom Baines")
    assert fresh_engine.ask("Which Canadian minister announced the steel decision?").abstained


def test_still_leads_with_the_newest_article_on_the_topic(fresh_engine, tmp_path):
    # Made-up: two dozen reports that the pier closed, then one, the newest, on what is left of that;
    # it words the question's topic least, below the passages a question is usually answered from.
    recs = [{"title": f"Kelso pier closed, day {k}", "source": "Metro News", "published_at": f"2021-05-{k:02d}",
             "body": f"The Kelso pier was closed again on day {k} after storm damage to the pier, the harbour board said. "
                     f"Inspectors checked the closed pier and its ramps."} for k in range(1, 25)]
    recs.append({"title": "Harbour update", "source": "The Daily Planet", "published_at": "2021-06-20",
                 "body": "Fishing boats cannot tie up at Kelso yet, the harbour board said on Monday; repairs run until August."})
    made_up(fresh_engine, tmp_path, *recs)
    a = fresh_engine.ask("Is the Kelso pier still closed?")
    first = next(c for c in a.citations if c.n == 1)
    assert first.date == "2021-06-20"
    # right after the verdict comes the newest state of things, not the oldest report
    after = a.answer[len(a.short):].strip()
    assert after.startswith("20 Jun 2021 — Fishing boats cannot"), a.answer


def test_a_follow_up_conversation_about_a_trip(fresh_engine, tmp_path):
    # Made-up article: where she was going (not where she spoke), whom she would meet (not herself).
    import json

    d = tmp_path / "made_up"
    d.mkdir()
    rec = {"title": "Mayor heads to ports conference", "source": "Metro News", "published_at": "2021-05-03",
           "body": "Mayor Ana Silva said on Monday at City Hall in Lakeside that the harbour needs new cranes. "
                   "Silva was departing to Lisbon for a conference of port cities. "
                   "In Lisbon she is expected to hold talks with Portugal's transport minister, Rui Costa. "
                   "The council approved the crane purchase in March, and Silva announced the tender on April 12."}
    (d / "records.jsonl").write_text(json.dumps(rec), encoding="utf-8")
    fresh_engine.ingest([d])
    history = []
    for q in ("Who is Ana Silva?", "Where was she going?", "Who was she expected to meet there?", "When did she announce the tender?"):
        history.append((q, fresh_engine.ask(q, history).answer))
    shorts = [a.split(" [")[0] for _, a in history]
    assert shorts[1] == "Lisbon"  # not City Hall, where she spoke
    assert shorts[2] == "Rui Costa"  # not Ana Silva, whom "she" stands for
    assert shorts[3] == "April 12, 2021"  # the date the question's verb governs, not "March"; its year from the article's date


def test_a_timeline_covers_every_article_on_the_topic_in_date_order(engine):
    a = engine.ask("How did the GSOMIA dispute unfold?")
    seeds = {c.doc_id for c in a.citations}
    assert len(seeds) == 5, a.answer  # each of the five seed articles, once
    evidence = a.citations[1:]  # after the lead, the story in the order it happened
    dates = [c.date for c in evidence]
    assert dates == sorted(dates) and len(set(dates)) >= 3


def _long_article(tmp_path, engine, text: str):
    """An engine (sharing the model) over one long made-up article: its first paragraph is far from
    its last, so a question about the end does not retrieve the beginning with top_k=1."""
    from conftest import share_model

    from qa.engine import Engine
    from qa.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "article.txt").write_text(text)
    e = share_model(Engine(Settings(home=tmp_path / "home")), engine)
    e.ingest([corpus])
    return e


def test_a_one_word_name_is_given_in_full_from_elsewhere_in_its_article(tmp_path, engine):
    """The passage says "Okafor scored"; the article's first paragraph, not retrieved, says "Maria Okafor"."""
    filler = " ".join([
        "The stadium was built in 1998 and holds 40,000 spectators on match days.",
        "Ticket prices rose by ten percent this season, the club said in a statement.",
        "Parking near the ground remains limited, and the city has asked fans to take the tram.",
        "The pitch was relaid in the summer after a wet spring damaged the grass.",
        "Local businesses say match days bring welcome trade to the high street.",
        "The supporters' trust has asked for more affordable seats behind the goals.",
        "A new youth academy opened next to the training ground in March.",
        "The club's accounts showed a small profit for the third year running.",
        "Floodlights were replaced with LED lamps to cut the electricity bill.",
        "The kit sponsor signed a new three-year deal with the club in July."] * 2)
    e = _long_article(tmp_path, engine,
        "Harbour City win the cup\n\nMaria Okafor joined Harbour City from Lakeside Rovers two years ago and has been the "
        "club's top scorer since. The striker trained with the first team all week before the final.\n\n" + filler + "\n\n"
        "In the final on Saturday, Okafor scored the winning goal in the 89th minute with a header from a corner. "
        "Harbour City beat Northport 2-1 to lift the cup for the first time in forty years.\n")
    a = e.ask("Who scored the winning goal in the cup final?", top_k=1)
    assert all("Maria" not in p.chunk.text for p in a.passages)  # the full name is not in what was retrieved
    assert a.short.startswith("Maria Okafor") and a.citations


def test_a_name_is_read_one_way_throughout_the_evidence():
    texts = ["Sam Okoro-Lane founded the exchange in 2019.", "Okoro-Lane pleaded not guilty on Tuesday.",
             "Prosecutors called Okoro-Lane’s plan a fraud.", "Northwind Bank lent the exchange money."]
    ents = [[(0, 14, "PERSON")], [(0, 10, "ORG")], [(19, 31, "ORG")], [(0, 14, "ORG")]]
    labels = [[label for _, _, label in es] for es in reader.one_sense(texts, ents)]
    assert labels == [["PERSON"], ["PERSON"], ["PERSON"], ["ORG"]]
    # without the full name given as a person's, nothing changes
    assert reader.one_sense(texts[1:], ents[1:]) == ents[1:]


def test_a_surname_taken_for_an_organisation_is_the_person_its_article_names(tmp_path, engine):
    """The passage says "Okafor-Lund pleaded" (the recognizer reads an organisation); the article's
    first paragraph, not retrieved, says "Daniel Okafor-Lund founded"."""
    filler = " ".join([
        "The trust runs two shelters and a night school in the old harbour district.",
        "Volunteers serve about three hundred meals a week from the church hall.",
        "Its accounts are filed with the charity regulator every spring.",
        "A new roof was fitted to the shelter on Quay Street last winter.",
        "The night school teaches reading, cooking and basic bookkeeping.",
        "Donations fell during the recession and recovered slowly afterwards.",
        "The trust's annual fair raises money for the summer camp.",
        "Local firms give furniture and clothes for the shelters.",
        "The board meets four times a year in the town hall.",
        "Its newsletter goes to about two thousand supporters."] * 2)
    e = _long_article(tmp_path, engine,
        "Charity founder in court\n\nDaniel Okafor-Lund founded the Harbour Children's Trust in 2009 and ran it for "
        "twelve years.\n\n" + filler + "\n\n"
        "In court on Monday, Okafor-Lund pleaded not guilty to the fraud charges brought by the city. "
        "Prosecutors say Okafor-Lund moved the trust's money into his own accounts.\n")
    a = e.ask("Who pleaded not guilty to the fraud charges?", top_k=1)
    assert all("Daniel" not in p.chunk.text for p in a.passages)  # the full name is not in what was retrieved
    assert a.short.startswith("Daniel Okafor-Lund") and a.citations


def test_who_is_the_noun_that_did_something_need_not_find_the_noun(fresh_engine, tmp_path):
    # Made-up: the article never calls her a sprinter; the clause says which one is meant.
    one_article(fresh_engine, tmp_path, "Harbour race",
                 "Amara Jensen won the harbour race on Sunday in a record time of 11.2 seconds. The crowd along the "
                 "quay cheered as she crossed the line ahead of last year's winner.")
    assert asking.restricted("Who is the sprinter that won the harbour race?", "sprinter")
    assert not asking.restricted("Who is the harbour's sprinter?", "sprinter")
    a = fresh_engine.ask("Who is the sprinter that won the harbour race on Sunday?")
    assert a.short.startswith("Amara Jensen") and a.citations


def test_a_verb_in_an_irregular_form_is_the_questions_verb(fresh_engine, tmp_path):
    # Made-up: "met" is "meet" as "visited" is "visit"; the two questions are read alike.
    one_article(fresh_engine, tmp_path, "Bridge to reopen",
                 "A senior council official who met with local reporters said Wednesday that the harbour bridge would "
                 "reopen in June. A council engineer who visited the bridge said Thursday that the repairs were done.")
    assert reader.has_verb("The official met reporters.", "meet") and not reader.has_verb("The meeting ended.", "meet")
    assert fresh_engine.ask("When did the council engineer visit the bridge?").short.startswith("Thursday")
    assert fresh_engine.ask("When did the council official meet local reporters?").short.startswith("Wednesday")


def test_who_with_no_name_is_answered_only_where_a_sentence_tells_of_the_act(fresh_engine, tmp_path):
    # Made-up: no person is named; "who closed it" is told (by the council), "who replaced her" is not.
    one_article(fresh_engine, tmp_path, "Harbour bridge shut",
                 "The city council closed the harbour bridge on Monday after engineers found cracks. The harbour master "
                 "said ferries would run every half hour while the bridge stays shut.")
    a = fresh_engine.ask("Who closed the harbour bridge?")
    assert not a.abstained and "city council closed the harbour bridge" in a.answer
    assert fresh_engine.ask("Who replaced the harbour master?").abstained


def test_whom_someone_met_is_a_person_the_question_does_not_name_whom_they_met(fresh_engine, tmp_path):
    # Made-up: the question names Walsh; a phone call about the week's talks is not a meeting.
    one_article(fresh_engine, tmp_path, "Mayor's week",
                 "Mayor Ana Lopes will hold talks with the harbour chief, Kiri Walsh, on Monday. Late on Sunday, Mayor "
                 "Lopes had spoken over the phone with Tom Reyes to discuss her talks this week with Walsh. In the "
                 "two-day harbour summit this week, Mayor Lopes may also meet with Omar Haddad, the port's new director.")
    assert fresh_engine.ask("Whom will Mayor Lopes meet this week besides Walsh?").short.startswith("Omar Haddad")
    # A person named in the question by part of their name is not a candidate either.
    q = question.read("Whom will Lopes meet besides Walsh?")
    s = "Ana Lopes met Kiri Walsh and Omar Haddad on Monday."
    assert reader.candidates(q, s, nlp.entities([s])[0]) == ["Omar Haddad"]


def test_what_someone_said_they_would_keep_doing_is_about_what_they_do(fresh_engine, tmp_path):
    # Made-up: "keep doing" names no topic; the council's words about what it will go on doing answer.
    one_article(fresh_engine, tmp_path, "Bridge checks",
                 "The harbour bridge reopened on Monday after three weeks of repairs. The council said it would continue "
                 "to inspect the bridge every month until the end of the year.")
    a = fresh_engine.ask("What did the council say it would keep doing?")
    assert not a.abstained and "inspect the bridge every month" in a.answer


def test_the_latest_on_a_named_thing_is_its_newest_sentence(fresh_engine, tmp_path):
    # Made-up: "news" and "latest" are in no sentence, and the drills' name means nothing to the
    # encoder; the newest article's sentence that names them answers.
    recs = [{"title": "Bay drills planned", "source": "Metro News", "published_at": "2021-03-02",
             "body": "Kestavik Blue drills will bring twelve boats from three towns to the bay in May, organisers said."},
            {"title": "Storm hits harbour", "source": "Metro News", "published_at": "2021-05-20",
             "body": "The two towns are among the hosts of the Kestavik Blue drills in late May, but owing to the storm "
                     "damage, Harrow is cutting the number of its boats taking part, the county paper said on Tuesday."}]
    made_up(fresh_engine, tmp_path, *recs)
    a = fresh_engine.ask("What is the most recent news on Kestavik Blue?")
    assert not a.abstained and "Harrow is cutting the number of its boats" in a.answer.split("[1]")[0]


def test_a_request_about_a_named_thing_is_answered_from_what_names_it(fresh_engine, tmp_path):
    # Made-up: the drills' name means nothing to the encoder and "tell me" is in no sentence.
    one_article(fresh_engine, tmp_path, "Storm hits harbour",
                 "The two towns are among the hosts of the Kestavik Blue drills in late May, but owing to the storm "
                 "damage, Harrow is cutting the number of its boats taking part, the county paper said on Tuesday.")
    a = fresh_engine.ask("Tell me about Kestavik Blue.")
    assert not a.abstained and "Kestavik Blue drills" in a.answer and a.citations
    assert fresh_engine.ask("Tell me about the Velmora Cup.").abstained  # a name no article uses


def test_a_question_typed_in_lower_case_reads_names_as_the_articles_write_them(fresh_engine, tmp_path):
    texts = ["The harbour chief, Kiri Walsh, said the quay would reopen in June.", "Walsh spoke at the Harbour Board."]
    assert question.truecase("who is kiri walsh", texts) == "who is Kiri Walsh"
    assert question.truecase("Who is kiri walsh?", texts) == "Who is Kiri Walsh?"
    # a word the articles also write in lower case keeps it; a question with capitals is left alone
    assert question.truecase("what did the harbour chief say", texts) == "what did the harbour chief say"
    assert question.truecase("Who is kiri Walsh?", texts) == "Who is kiri Walsh?"
    # Made-up article, through the engine: the lower-case question gets the answer the cased one gets.
    one_article(fresh_engine, tmp_path, "Quay to reopen",
                 "Kiri Walsh, the harbour chief, said on Monday that the quay would reopen in June after the repairs.")
    assert fresh_engine.ask("who is kiri walsh").short.startswith("the harbour chief")
    assert fresh_engine.ask("who is kiri walsh").question == "who is kiri walsh"


def test_which_outlet_names_the_one_a_report_says_reported_it(fresh_engine, tmp_path):
    # Made-up: Metro News passes on what the Harbour Times reported; the other article only shares the setting.
    _metro_and_planet(fresh_engine, tmp_path, ("Ferry talks", "Harbour officials have left for the islands on an unannounced trip to discuss "
                                                              "the ferry timetable, the Harbour Times reported Monday. The council will vote on the timetable in June."),
                      ("Ferry fares", "The ferry company raised its fares for the islands by a tenth on Tuesday, blaming fuel prices."))
    a = fresh_engine.ask("Which outlet reported that harbour officials left for the islands?")
    assert a.short.startswith("Harbour Times (via Metro News)"), a.short
    assert "The Daily Planet" not in a.short  # a sentence far below the best one is not what the outlet reported
    # "Who reported ...?" asks the same: whose report it is
    assert question.read("Who reported that harbour officials left for the islands?", OUTLETS).kind == "outlet"
    assert fresh_engine.ask("Who reported that harbour officials left for the islands?").short.startswith("Harbour Times (via Metro News)")


def test_where_an_act_took_place_may_be_an_institution(fresh_engine, tmp_path):
    # Made-up: the report went to the City Assembly, which the recognizer tags as an organisation.
    one_article(fresh_engine, tmp_path, "Budget report",
                 "Lakeside's finance office said on Monday, in a report submitted to the City Assembly, that the budget for "
                 "Lakeside would be cut by a tenth. The mayor of Lakeside was not consulted.")
    a = fresh_engine.ask("Where did the finance office submit its report?")
    assert a.short.startswith("City Assembly"), a.short


def test_in_what_year_needs_no_sentence_that_says_year(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Fishing dispute",
                 "The council rejected the fishermen's claim, saying that all compensation had been paid under a 1987 agreement. "
                 "The fishermen said they would appeal.")
    a = fresh_engine.ask("In what year was the agreement the council says settled all compensation signed?")
    assert a.short.startswith("1987"), a.answer


def test_reporter_is_the_named_subject_of_the_verb():
    s = "Officials have left for the islands, the Harbour Times reported Monday."
    assert speakers.reporter(s, "report") == "Harbour Times"
    assert speakers.reporter("Officials said the trip was planned.", "say") is None  # no name: no reporter
    assert speakers.reporter("“We will wait,” the ministry said, as quoted by the state-run Harbour Times news service",
                             "quote") == "Harbour Times news service"  # the agent of a passive verb


def test_verb_places_are_where_the_sentence_puts_the_act():
    s = "The office said so in a report submitted to the City Assembly on Monday."
    ents = nlp.entities([s])[0]
    assert circumstances.verb_places("submit", s, ents) == ["the City Assembly"]
    assert circumstances.verb_places("sign", s, ents) == []


def test_a_reporting_verb_in_an_adjunct_is_spoken_by_the_main_verbs_subject():
    assert speakers.speaks("the council", "The council rejected the claim by saying that all fees had been paid in 1987.")
    assert speakers.speaks("Lakeside", "Lakeside announced it would leave the league, saying the fees were too high.")
    assert not speakers.speaks("the mayor", "The council rejected the claim by saying that all fees had been paid.")


def test_what_someone_said_in_reply_is_what_they_said_on_the_earlier_turns_topic(fresh_engine, tmp_path):
    # Made-up: "in reply" names no topic; the council's words are found though no sentence says "reply".
    one_article(fresh_engine, tmp_path, "Fishing fees",
                 "The fishermen's union demanded the return of all harbour fees paid since 1990. The council rejected the claim "
                 "by saying that all fees had been repaid under a 1987 agreement. The harbour opens at six.")
    a = fresh_engine.ask("And what did the council say in reply?", history=[("What did the fishermen's union demand?", "The return of all harbour fees.")])
    assert not a.abstained and "1987 agreement" in a.answer, a.answer


def test_a_quotation_that_goes_on_in_the_next_sentence_is_the_same_speakers(fresh_engine, tmp_path):
    # Made-up: the second sentence of Ms Duarte's quotation does not name her.
    one_article(fresh_engine, tmp_path, "Bridge repairs",
                 "The harbour board met on Monday. Board spokesperson Rita Duarte said, “The board fully supports the repair of "
                 "the old bridge, which has served the town for a century. The riverside is safer when the town and the board "
                 "work together”. The mayor left early.")
    a = fresh_engine.ask("What did Duarte say about the riverside?")
    assert not a.abstained and "riverside is safer" in a.answer, a.answer


def test_who_does_it_may_be_told_by_a_hyphenated_participle(fresh_engine, tmp_path):
    assert circumstances.hyphen_agent("lead", "The fleet joined the U.S. and Thai-led exercises in May.") == "U.S. and Thai"
    assert circumstances.hyphen_agent("back", "A Saudi-backed group took the port.") == "Saudi"
    assert circumstances.hyphen_agent("lead", "The talks were held in May.") is None
    one_article(fresh_engine, tmp_path, "Harbour drills",
                 "Ships from nine towns joined the Norwegian-led Harbour Shield drills in May. Mayor Ana Lopes watched from the pier.")
    assert fresh_engine.ask("Who leads the Harbour Shield drills?").short.startswith("Norwegian")


def test_which_article_is_answered_with_its_outlet(fresh_engine, tmp_path):
    _metro_and_planet(fresh_engine, tmp_path, ("Ferry talks", "The ferry company will also withhold its complaint to the port authority about three of its piers."),
                      ("Council budget", "The council approved its budget on Tuesday. Spending on roads rises by a tenth."))
    a = fresh_engine.ask("Which article reported the complaint to the port authority about three piers?")
    assert a.short.startswith("Metro News"), a.answer


def test_when_an_article_was_published_is_its_date(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
             {"title": "Mayor visits pier", "source": "Metro News", "published_at": "2021-05-03",
              "body": "Mayor Ana Lopes visited the pier on Monday and said repairs would start soon."},
             {"title": "Council budget", "source": "The Daily Planet", "published_at": "2021-06-04",
              "body": "Mayor Ana Lopes said the council approved its budget on Tuesday."})
    assert question.read("When was the Metro News Lopes article published?", OUTLETS).unknown_outlet == ""  # Lopes is its topic
    a = fresh_engine.ask("When was the Metro News Lopes article published?")
    assert a.short.startswith("3 May 2021"), a.answer
    assert fresh_engine.ask("When was the article about the council budget published?").short.startswith("4 Jun 2021")


def test_since_and_before_open_the_questions_period():
    assert question.read("What has calmed down since late 2019?", OUTLETS).period == (date(2019, 1, 1), date.max)
    assert question.read("What did the council decide after March 2021?", OUTLETS).period == (date(2021, 3, 31), date.max)
    assert question.read("What did the council decide before 2020?", OUTLETS).period == (date.min, date(2020, 1, 1))
    assert question.read("What did the council decide in March 2021?", OUTLETS).period == (date(2021, 3, 1), date(2021, 3, 31))


def test_since_a_time_answers_from_the_articles_after_it(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
             {"title": "Harbour row", "source": "Metro News", "published_at": "2019-08-03",
              "body": "The harbour board and the fishermen quarrelled over fees on Monday. The mayor said talks would follow."},
             {"title": "Harbour calm", "source": "The Daily Planet", "published_at": "2020-02-04",
              "body": "Tempers have mostly cooled between the board and the fishermen since late 2019. The mayor opened a new pier."})
    a = fresh_engine.ask("What has mostly cooled since late 2019?")
    assert not a.abstained and "Tempers have mostly cooled" in a.answer, a.answer


def test_which_outlets_names_an_article_without_one_by_its_title(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
             {"title": "Storm hits the pier", "source": "", "published_at": "2021-05-03",
              "body": "A storm damaged the old pier on Monday, and the ferry to the islands was stopped."},
             {"title": "Ferry stopped", "source": "Metro News", "published_at": "2021-05-04",
              "body": "The storm that damaged the old pier stopped the ferry to the islands for two days."})
    a = fresh_engine.ask("Which outlets mention the storm damage to the old pier?")
    assert "“Storm hits the pier” (no outlet named)" in a.short and "Metro News" in a.short, a.short


def test_how_many_is_the_count_of_the_names_a_sentence_lists(fresh_engine, tmp_path):
    s = "The court ordered local firms Harbour Steel, Lakeside Ferries and Pier Works to pay the fines."
    assert specifiers.listed("firm", s) == ["Harbour Steel", "Lakeside Ferries", "Pier Works"]
    assert specifiers.listed("firm", "The court fined two firms on Monday.") == []
    one_article(fresh_engine, tmp_path, "Harbour fines",
                 "The court ordered local firms Harbour Steel, Lakeside Ferries and Pier Works to pay fines for polluting the "
                 "harbour. Fishing in the harbour was hit by the pollution.")
    assert fresh_engine.ask("How many local firms were ordered to pay fines?").short.startswith("3: Harbour Steel")
    # the firms the sentence lists are the ones ordered to pay, not ones hit by the pollution
    assert not fresh_engine.ask("How many local firms were hit by the pollution?").short.startswith("3")


def test_a_follow_up_keeps_the_time_of_the_turn_it_follows(fresh_engine, tmp_path):
    # Made-up: the council called for a bridge in both months; the follow-up is about the February one.
    made_up(fresh_engine, tmp_path,
             {"title": "Council in January", "source": "Metro News", "published_at": "2021-01-14",
              "body": "The council said on Thursday that it would call on the province to pay for a new bridge over the river."},
             {"title": "Council in February", "source": "The Daily Planet", "published_at": "2021-02-10",
              "body": "On Wednesday, the council called on the province to pay for a new bridge over the river."})
    first = "What did the council call on the province to do in February 2021?"
    a = fresh_engine.ask("When did they say that?", history=[(first, "To pay for a new bridge.")])
    assert a.short.startswith("Wednesday"), a.answer


def test_a_negative_yes_no_question_asks_the_positive_claim(fresh_engine, tmp_path):
    q = question.read("Didn't the council approve the budget?", OUTLETS)
    assert q.kind == "yesno" and not q.negated
    assert question.read("Did the council not approve the budget?", OUTLETS).negated
    one_article(fresh_engine, tmp_path, "Budget", "The council approved the budget on Tuesday after a long debate.")
    assert fresh_engine.ask("Didn't the council approve the budget?").short.startswith("Yes")


def test_who_wrote_an_outlets_article_is_that_outlets_byline(fresh_engine, tmp_path):
    _metro_and_planet(fresh_engine, tmp_path, ("Pier repairs", "The harbour board said the pier repairs would start in June."),
                      ("Pier money", "The council will pay for half of the pier repairs, the harbour board said."), author="Lena Marsh")
    assert fresh_engine.ask("Who wrote the Metro News article?").short.startswith("Lena Marsh")
    a = fresh_engine.ask("Who wrote The Daily Planet article?")
    assert a.abstained, a.answer  # it names no author; Metro News's byline is not its


def test_and_another_name_asks_the_earlier_question_of_it(fresh_engine, tmp_path):
    h = [("Who is the Lakeside harbour master?", "Tom Reyes.")]
    assert followup.elliptical("And Riverside's?", h) == "Who is Riverside's harbour master?"
    assert followup.elliptical("What about Riverside?", h) == "Who is the Riverside harbour master?"
    assert followup.elliptical("And when did he start?", h) == ""  # a question of its own
    assert followup.elliptical("Who is the Riverside harbour master?", h) == ""
    # a name with the noun it qualifies takes the earlier name's place when that noun was asked of too
    h2 = [("What does the Metro News article say about the pier?", "...")]
    assert followup.elliptical("What about the Daily Planet article?", h2) == "What does the Daily Planet article say about the pier?"
    assert followup.elliptical("What about the Daily Planet editorial?", h2) == ""  # not what was asked of
    one_article(fresh_engine, tmp_path, "Harbour masters",
                 "Lakeside's harbour master, Tom Reyes, met the mayor on Monday. Riverside's harbour master, Ana Lopes, "
                 "stayed away.")
    a = fresh_engine.ask("And Riverside's?", history=[("Who is Lakeside's harbour master?", "Tom Reyes.")])
    assert a.short.startswith("Ana Lopes") and a.question == "And Riverside's?", a.answer


def test_where_is_the_best_sentences_place_not_the_one_every_article_names(fresh_engine, tmp_path):
    recs = metro_series("Portsmouth news",
        "The Harbour Shield drills in Lisbon began on Monday.",
        "Crews in Portsmouth readied their ships on Monday for the drills.",
        "In Portsmouth, sailors said the drills would be hard.",
        "Ships in Portsmouth left for the Harbour Shield exercise.")
    made_up(fresh_engine, tmp_path, *recs)
    a = fresh_engine.ask("Where are the Harbour Shield drills?")
    assert a.short.startswith("Lisbon"), a.answer


def test_why_someone_went_is_what_they_went_to_do(fresh_engine, tmp_path):
    assert circumstances.cause("The mayor left for Oslo on Monday to attend a meeting of harbour towns.", "Why did the mayor travel to Oslo?") == (
        0, "to attend a meeting of harbour towns")
    assert circumstances.cause("The mayor agreed to attend a meeting of harbour towns.", "Why did the mayor agree?") is None  # a complement, no purpose
    one_article(fresh_engine, tmp_path, "Mayor abroad",
                 "The mayor left for Oslo on Monday to attend a meeting of harbour towns. The council met without her.")
    assert fresh_engine.ask("Why did the mayor travel to Oslo?").short.startswith("to attend a meeting of harbour towns")


def test_who_did_it_may_be_a_place_or_body_the_sentence_makes_its_subject(fresh_engine, tmp_path):
    assert speakers.doer("prod", "Oslo, which prodded the two towns to sign the deal, kept calling for it.") == "Oslo"
    assert speakers.doer("prod", "The company prodded the towns.") is None  # no name
    # the agent of a passive verb did it too, and names joined by "and" together
    assert speakers.doer("sign", "The Harbour Pact was signed by Norway and Iceland in 2016.") == "Norway and Iceland"
    assert speakers.doer("sign", "Norway and Iceland signed the Harbour Pact in 2016.") == "Norway and Iceland"
    assert asking.asks_subject("Who prodded the towns to sign?") and not asking.asks_subject("Whom did the mayor meet?")
    one_article(fresh_engine, tmp_path, "Harbour deal",
                 "Oslo, which prodded the two towns to sign the harbour deal, kept calling for it. Mayor Ana Lopes spoke "
                 "to the council about the harbour on Monday.")
    a = fresh_engine.ask("Who prodded the two towns to sign the harbour deal?")
    assert a.short.startswith("Oslo"), a.answer


def test_a_pronoun_after_its_own_name_and_a_joined_verb_keep_the_subject():
    s = "Oslo said it decided to close the pier and set the condition that it can reopen at any time."
    assert speakers.acts("Oslo", s, s, "set")
    assert not speakers.acts("Lisbon", s, "Lisbon and Oslo met on Monday. " + s, "set")  # the sentence names Oslo before "it"
    assert not speakers.acts("Oslo", "Lisbon said it decided to close the pier and set a condition.", "Oslo and Lisbon met.", "set")


def test_who_in_an_outlets_article_is_from_that_outlets_sentences(fresh_engine, tmp_path):
    _metro_and_planet(fresh_engine, tmp_path, ("Pier plans", "On the new pier, harbour master Tom Reyes is reported to have said, “The board fully supports it.”"),
                      ("Quoted at the council", "People quoted at the council meeting included Mayor Ana Lopes, who spoke about the budget."))
    a = fresh_engine.ask("Which people are quoted in the Metro News article?")
    assert a.short.startswith("Tom Reyes"), a.answer



def test_which_agency_quoted_is_named_from_the_outlets_sentence_that_says_so(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Ministry on ferries",
                 "The transport ministry told a news conference on Thursday that the ferry service to the islands can resume in June. "
                 "“Depending on the weather, it is possible to consider an earlier start,” the ministry said, as quoted "
                 "by the state-run Harbour Times news agency.")
    a = fresh_engine.ask("What news agency quoted the transport ministry?")
    assert a.short.startswith("Harbour Times news agency (via Metro News)"), a.answer


def test_what_a_named_outlet_says_is_answered_from_that_outlet_alone(fresh_engine, tmp_path):
    # Made-up: both say something of the pier's reopening; only The Daily Planet's is asked for.
    _metro_and_planet(fresh_engine, tmp_path, ("Pier reopens", "The pier will reopen in June after repairs, the harbour board said."),
                      ("Pier delay", "The pier's reopening may slip to July because the repairs cost more, the harbour board said."))
    a = fresh_engine.ask("What did The Daily Planet say about the pier's reopening?")
    assert not a.abstained and "July" in a.answer, a.answer
    assert {c.source for c in a.citations} == {"The Daily Planet"}, a.answer


def test_a_place_that_qualifies_a_noun_is_not_where_it_happens(fresh_engine, tmp_path):
    # Made-up: "U.S.-led" says whose the drills are; where they are held is the place after "in".
    one_article(fresh_engine, tmp_path, "Harbour drills",
                 "The coast guards are among the participants in the U.S. and Spanish-led harbour drills in late May, but "
                 "owing to the storms, the navy is reducing the number of its boats taking part in Portugal, officials said.")
    a = fresh_engine.ask("In which country are the harbour drills held?")
    assert a.short.startswith("Portugal"), a.answer


def test_british_and_american_spellings_are_one_word(fresh_engine, tmp_path):
    from qa.keyword import terms

    assert terms("the labour union's defence programme") == terms("the labor union's defense program")
    # Made-up: Metro News writes "labour", The Daily Planet "labor"; a question in either finds both.
    _metro_and_planet(fresh_engine, tmp_path, ("Dock strike", "The forced labour of dock workers ended in 1990, the union said."),
                      ("Dock history", "The harbour museum's new wing, which opened on Sunday with a brass band, cranes, "
                                       "model ships and a cafe, also recalls the forced labor of dock workers until 1990."))
    a = fresh_engine.ask("Which outlets mention the forced labor of dock workers?")
    assert a.short.startswith(("Metro News", "The Daily Planet")) and "Metro News" in a.short and "The Daily Planet" in a.short, a.answer


def test_who_is_he_after_an_answer_is_who_that_person_is(fresh_engine, tmp_path):
    # Made-up: "he" is the person the last answer named; the question asks who he is, not for someone else.
    one_article(fresh_engine, tmp_path, "Harbour talks",
                 "Tom Reyes, the harbour master of Lisbon, discussed the new pier with the council on Monday. Mayor Ana Lopes "
                 "said the talks went well.")
    first = fresh_engine.ask("Who discussed the new pier with the council?")
    assert first.short.startswith("Tom Reyes"), first.answer
    a = fresh_engine.ask("Who is he?", history=[("Who discussed the new pier with the council?", first.answer)])
    assert a.short.startswith("the harbour master of Lisbon"), a.answer  # a direct answer, not the sentence


def test_what_is_his_role_after_an_answer_is_what_that_person_is(fresh_engine, tmp_path):
    # Made-up: "his" is the person the last answer named; the question asks for his office.
    one_article(fresh_engine, tmp_path, "Harbour talks",
                 "In the two-day summit the mayor may also meet with Tom Reyes, the harbour master of Lisbon. Mayor Ana "
                 "Lopes spoke with Prime Minister Rui Costa by phone on Monday.")
    a = fresh_engine.ask("What is his role?", history=[("Whom might the mayor meet at the summit?", "Tom Reyes [1].")])
    assert a.short.startswith("the harbour master of Lisbon"), a.answer


def test_leaving_for_a_place_is_going_there(fresh_engine, tmp_path):
    # Made-up: "left for Madrid" is where they went; "departing to Lisbon" is someone else's trip, less alike.
    one_article(fresh_engine, tmp_path, "Envoys",
                 "Speaking before departing to Lisbon for a summit, the mayor said little. The city's trade envoys have left for "
                 "Madrid this week on an unannounced trip, following talks in Porto, officials said.")
    a = fresh_engine.ask("Where did the city's trade envoys travel after the talks in Porto?")
    assert a.short.startswith("Madrid"), a.answer


def test_a_name_is_not_lengthened_by_what_the_question_names(fresh_engine, tmp_path):
    # Made-up: the passages also name the maker with its product ("Nordvik Harbourline").
    made_up(fresh_engine, tmp_path, {"title": "Electric ferries", "source": "Metro News", "published_at": "2021-05-02", "body":
            "The Harbourline is a battery-powered ferry made by Nordvik. The first Nordvik Harbourline entered service in Bergen "
            "in May. Nordvik Harbourline boats carry 300 passengers."})
    assert fresh_engine.ask("Which company makes the Harbourline?").short == "Nordvik [1]."


def test_where_a_thing_is_is_the_place_a_sentence_puts_it_in():
    s = "The two sides meet in the final, played at the Lakeside Arena in Bergen, Norway."
    ents = nlp.entities([s])[0]
    assert circumstances.located("Where is the Lakeside Arena?", s, ents) == ["Bergen"]
    # not where something else is, nor for a question about an act
    assert circumstances.located("Where is the Harbour Hall?", s, ents) == []
    assert circumstances.located("Where was the final played?", s, ents) == []


def test_which_things_in_the_plural_are_the_ones_a_sentence_lists(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path, {"title": "Harbour ruling", "source": "Metro News", "published_at": "2021-05-02", "body":
            "The dispute began after a court ordered Norwegian companies Nordvik Ferries, Lakeside Shipping and Bergen Marine "
            "to pay compensation to the city. The city said the ruling was fair."})
    assert asking.plural_asked("Which companies were ordered to pay compensation?") == "company"
    assert asking.plural_asked("Which company was ordered to pay compensation?") == ""
    got = fresh_engine.ask("Which companies were ordered to pay compensation?")
    assert got.short.startswith("Nordvik Ferries, Lakeside Shipping and Bergen Marine [1]")


def test_who_is_a_name_the_recognizer_does_not_know_asks_who_they_are():
    for q, name in [("Who is Oskar ten Brink?", "Oskar ten Brink"), ("Who is Ilsa Sutvik?", "Ilsa Sutvik")]:
        got = question.read(q, OUTLETS)
        assert (got.kind, got.subject) == ("describe", name)
    assert question.read("Who is the mayor?", OUTLETS).kind == "person"



def test_whose_role_by_of_and_the_count_of_those_a_sentence_is_about():
    # "the president of <organisation>" is that organisation's, not another's president
    assert speakers.owner("president", "Who is the president of the European Central Bank?") == {"european", "central", "bank"}
    assert not speakers.same_owner(speakers.owner("president", "Who is the president of the European Central Bank?"),
                                   speakers.owner("president", "French President Emmanuel Macron met the press."))
    # "N of M <things>": N counts those that did it
    s = "Nearly 500 of the city's roughly 770 ferry workers signed a letter on Monday."
    assert figures.number_about(question.read("How many workers signed the letter?"), s, nlp.entities([s])[0]) == "Nearly 500"


def test_the_latest_is_the_newest_article_on_what_the_question_names(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Bank chief", "source": "Metro News", "published_at": "2021-05-02", "body":
             "Ana Lopes is the chief executive of Harbour Bank. Ana Lopes said the bank would open two branches."},
            {"title": "Bank chief stays", "source": "Metro News", "published_at": "2021-05-09", "body":
             "Ana Lopes remains chief executive of Harbour Bank after the vote, the board said."},
            {"title": "Ferry timetable", "source": "Metro News", "published_at": "2021-05-20", "body":
             "The ferry company's chief executive is still in charge after the vote, its board said."})
    got = fresh_engine.ask("Is Ana Lopes still the chief executive of Harbour Bank?")
    assert got.citations and "remains" in got.citations[0].quote  # not the newest article, which is about ferries


def test_a_pronoun_after_a_turn_that_names_nothing_is_the_earlier_turns_subject():
    h = [("What is the Harbourline?", "The Harbourline is a battery-powered ferry made by Nordvik [1]."),
         ("When did deliveries start?", "December 23rd [1]. Free next-day delivery is available through December 23rd. [1]")]
    assert "Harbourline" in followup.search_query("How much does it cost?", h)


def test_a_date_that_says_when_not_one_that_qualifies_a_noun_or_counts_from_another():
    s = "Less than three weeks later, on May 21, the Harbour Bank founder pleaded guilty."
    assert when.plain_dates(s, ["Less than three weeks later", "May 21"], "When did he plead guilty?") == ["May 21", "Less than three weeks later"]
    s = "What today's ferries offer changed last year, when Nordvik bought Lakeside Ferries."
    assert when.plain_dates(s, ["today", "last year"], "When did Nordvik buy Lakeside Ferries?") == ["last year"]
    # "How long ...?" is a length of time, not when
    assert when.plain_dates("The mayor was away last week and for six days in May.", ["last week", "six days"], "How long was the mayor away?") == ["six days"]


def test_a_day_without_its_year_is_read_from_the_articles_date_and_the_tense():
    from qa.dates import day_meant

    sat = date(2023, 11, 18)  # a Saturday
    assert day_meant("late Friday", sat, -1) == date(2023, 11, 17)
    assert day_meant("on Friday", sat, 1) == date(2023, 11, 24)
    assert day_meant("yesterday", sat, -1) == date(2023, 11, 17)
    assert day_meant("Nov. 21", date(2023, 11, 30), -1) == date(2023, 11, 21)
    assert day_meant("Dec. 30", date(2024, 1, 3), -1) == date(2023, 12, 30)
    assert day_meant("Nov. 21, 2023", sat, 0) is None and day_meant("last week", sat, -1) is None
    # the sentence's tense says which way: the past ("was fired"), the future ("will meet"), else the nearest
    assert when.with_day("In a surprise move late Friday, the harbour chief was fired by the board.", "late Friday", "2023-11-18") \
        == "late Friday (17 Nov 2023)"
    assert when.with_day("The mayor will meet the ferry owners on Friday.", "Friday", "2023-11-18") == "Friday (24 Nov 2023)"
    assert when.with_day("The board's next meeting ends on November 1.", "November 1", "2023-10-04") == "November 1, 2023"
    assert when.with_day("The pier opened in May 2021.", "May 2021", "2023-10-04") == "May 2021"
    # a state in the past tense may be of a day to come: the nearest (a Thursday's article)
    assert when.with_day("The lease was due for renewal on Saturday.", "Saturday", "2019-08-22") == "Saturday (24 Aug 2019)"


def test_when_is_not_answered_by_how_long():
    s = "Few owners have driven the new ferry, because it has only been out for a couple weeks."
    assert when.plain_dates(s, ["a couple weeks"], "When did the ferry come out?") == []
    assert when.plain_dates("After four years, the ferry launch has come and gone.", ["four years"], "When did the ferry launch?") == []
    assert when.plain_dates("The ferry was booked for Friday.", ["Friday"], "When was the ferry booked?") == ["Friday"]


def test_a_name_the_recognizer_mostly_calls_an_organisation_is_no_person():
    texts = ["Northwind has appointed Ana Lopes as chief executive.", "Northwind said revenue rose.", "Shares of Northwind fell."]
    ents = [[(0, 9, "PERSON"), (24, 33, "PERSON")], [(0, 9, "ORG")], [(10, 19, "ORG")]]
    labels = [[label for _, _, label in es] for es in reader.one_sense(texts, ents)]
    assert labels == [["PERSON", "PERSON"], ["ORG"], ["ORG"]]


def test_whose_chief_the_question_asks_for_is_named_by_the_passage(fresh_engine, tmp_path):
    # Made-up: one article names a company's new chief; the other, on the company asked about, names none.
    made_up(fresh_engine, tmp_path,
            {"title": "Ferry boardroom", "source": "Metro News", "published_at": "2021-05-02",
             "body": "As the search for a permanent chief executive continues, Northwind Ferries has appointed Tom Reyes as interim CEO."},
            {"title": "Harbourline sales", "source": "Metro News", "published_at": "2021-05-03",
             "body": "Harbourline, a rival ferry operator, reported higher ticket sales in April. Harbourline also added two routes."})
    assert fresh_engine.ask("Who is the CEO of Harbourline?").abstained
    assert fresh_engine.ask("Who is the CEO of Northwind Ferries?").short.startswith("Tom Reyes")


def test_a_role_may_name_whose_it_is():
    s = "Tom Reyes, Northwind’s former head of regional routes, will be the operator’s new chief, the board said."
    assert reader.describe("Tom Reyes", s) == "Northwind’s former head of regional routes"
    s = "Ana Lopes, Tom Reyes’s chief of staff, spoke on Monday."
    assert reader.describe("Ana Lopes", s) == "Tom Reyes’s chief of staff"
    # a name set beside it is still another person, not a role
    assert reader.describe("Ana Lopes", "The ferry board, the port spokesperson, Ana Lopes, said.") == "the port spokesperson"


def test_where_an_act_was_done_by_the_place_that_names_the_thing_it_was_done_at(fresh_engine, tmp_path):
    s = "He appeared in a Lisbon federal court on Tuesday to enter his plea."
    assert circumstances.verb_places("appear", s, nlp.entities([s])[0]) == ["Lisbon"]
    s = "Late on Thursday, Ana Lopes had spoken over the phone with US Secretary Tom Reyes."
    assert circumstances.verb_places("speak", s, nlp.entities([s])[0]) == []  # with whom, not where
    # the sentence says "He": the one the question names, by the sentence before
    one_article(fresh_engine, tmp_path, "Ferry chief pleads guilty",
                 "Tom Reyes, the founder and chief of Northwind Ferries, is stepping down and has pleaded guilty to fraud. "
                 "He appeared in a Lisbon federal court on Tuesday to enter his plea. Northwind Ferries will pay a fine.")
    assert fresh_engine.ask("Where did Tom Reyes appear in court?").short.startswith("Lisbon")


def test_the_main_verb_is_not_the_modal_the_parse_puts_on_top():
    assert asking.main_verb("Which US officials might Lopes meet at the G7 meeting?") == "meet"


def test_which_country_is_answered_by_a_country_not_a_city(fresh_engine, tmp_path):
    from qa import lexicon

    assert lexicon.is_country("France") and lexicon.is_country("Japan") and not lexicon.is_country("Paris")
    assert asking.asks_country("Which country hosted the final?") and not asking.asks_country("Which city hosted the final?")
    made_up(fresh_engine, tmp_path,
            {"title": "Harbour Cup final", "source": "Metro News", "published_at": "2021-05-02",
             "body": "The 2021 Harbour Cup final between Northwind and Eastport was played at the national stadium in Saint-Denis, "
                     "France. Tickets sold out within an hour."},
            {"title": "Shipyard dispute", "source": "Metro News", "published_at": "2021-05-03",
             "body": "More recently, Norway filed a petition with the World Trade Organization, charging Denmark with subsidizing "
                     "its shipyards. The ministry in Denmark said it would respond."})
    assert fresh_engine.ask("Which country hosted the 2021 Harbour Cup final?").short.startswith("France")
    # the country that did the act (the question's subject), not a place the sentence names
    assert asking.asks_country("Which country filed a petition with the WTO?") == "doer"
    assert fresh_engine.ask("Which country filed a petition with the World Trade Organization?").short.startswith("Norway")


def test_which_one_is_the_title_the_question_sets_it_equal_to(fresh_engine, tmp_path):
    # Made-up: the secretary of state is named in both articles; the assistant secretary once.
    made_up(fresh_engine, tmp_path,
            {"title": "Ferry talks", "source": "Metro News", "published_at": "2021-05-02",
             "body": "Mayor Ana Lopes spoke with US Secretary of State Mark Dunn on Thursday. "
                     "At the summit she may also meet with Tom Reyes, the US assistant secretary for ferry affairs. "
                     "Harbour officials said the talks would go on."},
            {"title": "Ferry deal", "source": "Metro News", "published_at": "2021-05-04",
             "body": "US Secretary of State Mark Dunn praised the ferry deal on Monday."})
    assert fresh_engine.ask("Which official is the US assistant secretary for ferry affairs?").short.startswith("Tom Reyes")
    assert asking.equated("Which official is the US assistant secretary for ferry affairs?", "official") == "assistant secretary"
    assert asking.equated("Which official visited the pier?", "official") == ""


def test_a_hyphenated_role_is_whole_and_may_name_whose_it_is_by_a_preposition():
    s = "Tom Reyes, the co-founder of Northwind Ferries and Harbour Research and another college roommate."
    assert reader.describe("Tom Reyes", s) == "the co-founder of Northwind Ferries and Harbour Research and another college roommate"
    s = "The board has appointed Ana Lopes, the co-founder of video streaming site Twitch, as interim chief."
    assert reader.describe("Ana Lopes", s) == "the co-founder of video streaming site Twitch"


def test_how_old_is_answered_by_an_age_not_any_number(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Ferry founder on trial",
                 "Ferry founder Tom Reyes was once worth $8 billion. Thus far, Reyes, 31, has remained quiet in court. "
                 "His company ran 12 ferries.")
    assert fresh_engine.ask("How old is Tom Reyes?").short.startswith("31")
    (tmp_path / "second").mkdir()
    one_article(fresh_engine, tmp_path / "second", "Ferry founder worth billions", "Ferry founder Ana Lopes was once worth $8 billion and ran 12 ferries.")
    assert fresh_engine.ask("How old is Ana Lopes?").abstained


def test_a_participle_before_a_noun_does_not_tell_when_it_happened(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Ferry trial resumes",
                 "The trial of Tom Reyes, the founder of collapsed ferry operator Northwind, is entering its next chapter "
                 "as proceedings resume Thursday. Reyes denies fraud.")
    assert fresh_engine.ask("When did Northwind collapse?").abstained
    assert not reader.has_verb("The founder of collapsed ferry operator Northwind spoke.", "collapse", predicate=True)


def test_the_latest_is_told_by_a_sentence_not_a_caption(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Mayor at the pier", "source": "Metro News", "published_at": "2021-05-02",
             "body": "Mayor Ana Lopes toured the pier with the harbour board on Monday."},
            {"title": "Ferry talks go on", "source": "Metro News", "published_at": "2021-05-09",
             "body": "Ana Lopes and Tom Reyes.\n\nThe ferry talks between the two sides will resume next week, the council said of Ana Lopes and the operator."})
    a = fresh_engine.ask("What is the latest on Ana Lopes?")
    assert a.short.startswith("The ferry talks"), a.answer
    assert reader.has_predicate("The talks will resume.") and not reader.has_predicate("Ana Lopes and Tom Reyes.")


def test_an_amount_with_its_figure_over_a_vague_one(fresh_engine, tmp_path):
    one_article(fresh_engine, tmp_path, "Pier money",
                 "Northwind, which has invested millions of dollars into the pier, is its main backer. "
                 "Northwind put $12 million into the pier so far, the council said. Repairs start in June.")
    assert fresh_engine.ask("How much did Northwind invest in the pier?").short.startswith("$12 million")
