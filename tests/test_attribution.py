"""Trustworthy attribution: the right person, a clean name and role, or no name at all.

One group of tests per error class of issue 13, each on small made-up sentences written the
way news is written. A null speaker is acceptable where the text does not say who spoke; a
wrong name never is.
"""

from __future__ import annotations

import pytest

from digest.models import Attribution
from digest.nlp.naming import clean_role, is_variant, split_name
from digest.nlp.quotes import extract_quotes


def quote(nlp, fragment: str, *paragraphs: str):
    found = [q for q in extract_quotes(nlp("\n\n".join(paragraphs))) if fragment in q.text]
    assert found, f"no quote containing {fragment!r}"
    return found[0]


# -- evidence --------------------------------------------------------------------------


def test_every_attribution_says_how_the_speaker_was_found(nlp):
    text = ("“Prices will fall by the summer,” said Karen Obi, chief economist at Delta Bank.",
            "“Rents will follow,” she added.",
            "According to Paul Mensah, “the slowdown is already here.”")
    assert quote(nlp, "Prices will", *text).attribution is Attribution.SPEECH_VERB
    assert quote(nlp, "Rents", *text).attribution is Attribution.PRONOUN
    assert quote(nlp, "slowdown", *text).attribution is Attribution.ACCORDING_TO


def test_no_speaker_has_no_attribution(nlp):
    paragraphs = ("“We are living through strange days,” read a banner on the bridge.",)
    q = quote(nlp, "strange days", *paragraphs)
    assert q.speaker is None and q.attribution is None and not q.key


def test_extract_json_carries_the_attribution(tmp_path):
    from typer.testing import CliRunner

    from digest.cli import app

    article = tmp_path / "rates.md"
    article.write_text("---\ntitle: Rates\ndate: 2024-03-05\n---\n\n“We will hold rates steady,” "
                       "said Governor Lena Park.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert '"attribution": "speech_verb"' in result.output and '"speaker": "Lena Park"' in result.output


# -- calibrated abstention: evidence that cannot tell two people apart gives no name ------


def test_pronoun_with_only_its_person_named_before_resolves(nlp):
    text = ("Victor Hale called the plan a fantasy on Tuesday.",
            "“She has no answer for the deficit,” he said.")
    q = quote(nlp, "no answer", *text)
    assert q.speaker == "Victor Hale" and q.attribution is Attribution.PRONOUN


def test_person_named_only_as_possessor_or_object_does_not_compete(nlp):
    text = ("Senator Hugo Brandt said his party would fight the bill.",
            "He criticised Governor Tom Kessler's budget and met Mayor Ian Roe on Friday.",
            "“They are asking for the impossible,” he said.")
    q = quote(nlp, "impossible", *text)
    assert q.speaker == "Hugo Brandt" and q.attribution is Attribution.PRONOUN


def test_quote_only_paragraph_still_continues_its_speaker(nlp):
    text = ("“The figures speak for themselves,” said Omar Tilly, the finance director.",
            "“Margins are growing every quarter.”")
    q = quote(nlp, "Margins are growing", *text)
    assert q.speaker == "Omar Tilly" and q.attribution is Attribution.CONTINUED


# -- 1. the target of a threat never gets the words --------------------------------------


def test_threat_target_never_gets_the_threat(nlp):
    lead = "Federal prosecutors charged Mark Hollis, 52, with threatening Rep. Jane Orton in a voicemail."
    q = quote(nlp, "bullet", lead, "Orton received the voicemail in March: “I’ll put a bullet in your head.”")
    assert q.speaker != "Jane Orton"
    q = quote(nlp, "bullet", lead, "Orton has received dozens of threats this year.",
              "“I’ll put a bullet in your head,” the caller said.")
    assert q.speaker != "Jane Orton"


@pytest.mark.parametrize("paragraphs", [
    ("Prosecutors say Mark Hollis threatened Rep. Jane Orton in a voicemail left at her office.",
     "“I’ll put a bullet in her skull,” the voicemail said."),
    ("Rep. Jane Orton was threatened in a voicemail in March, prosecutors said.", "“I’ll put a bullet in her skull.”"),
    ("Jane Orton said she received threats almost daily. “I’ll put a bullet in your skull,” one message said.",),
    ("Rep. Jane Orton said Hollis threatened her.", "“I’ll put a bullet in her skull,” he told the FBI."),
])
def test_threat_in_a_story_about_its_target_goes_to_nobody_named_wrongly(nlp, paragraphs):
    q = quote(nlp, "bullet", *paragraphs)
    assert q.speaker in (None, "Mark Hollis", "Hollis")
    assert q.speaker != "Jane Orton" and not (q.speaker or "").lower().startswith("prosecutors")


def test_the_person_threatening_is_credited(nlp):
    q = quote(nlp, "bullet", "Hollis told an FBI agent, “I’ll put a bullet in her head.”",
              "Rep. Jane Orton has received dozens of threats this year.")
    assert q.speaker == "Hollis"


def test_target_who_answers_keeps_her_own_words(nlp):
    q = quote(nlp, "not be intimidated", "Hollis threatened Rep. Jane Orton in a voicemail in March.",
              "“I will not be intimidated,” Orton said on Friday.")
    assert q.speaker == "Jane Orton"


# -- 2. the named person over an organisation or descriptor ------------------------------


def test_named_person_in_apposition_over_the_group(nlp):
    q = quote(nlp, "proud", "“We are proud of this issue,” said Ann Lee, the magazine’s editor-in-chief.")
    assert q.speaker == "Ann Lee" and q.role == "magazine’s editor-in-chief"


def test_name_after_a_qualified_description_is_the_person_described(nlp):
    text = ("Farm groups say the reform has stalled.",
            "“We will keep marching,” said one organiser of the tenants' movement, Luis Brandao. "
            "“Nobody listens otherwise.”")
    assert quote(nlp, "keep marching", *text).speaker == "Luis Brandao"
    assert quote(nlp, "Nobody listens", *text).speaker == "Luis Brandao"
    q = quote(nlp, "rise", "“Fees will rise,” said a spokeswoman for the port authority, Mira Holt.")
    assert q.speaker == "Mira Holt"


def test_name_after_a_description_of_a_person_may_be_that_person(nlp):
    # the name may be the senator's, not the aide's: never the name for the aide's words
    q = quote(nlp, "bill is dead", "“The bill is dead,” said an aide to the senator, Paul Grady.")
    assert q.speaker != "Paul Grady"


def test_company_statement_after_its_spokeswoman_is_hers(nlp):
    q = quote(nlp, "strong quarter", "“Sales will recover next year,” spokeswoman Ann Lee said.",
              "“We expect a strong quarter,” the company said.")
    assert q.speaker == "Ann Lee" and q.attribution is Attribution.DESCRIPTOR


def test_named_person_in_apposition_to_a_title(nlp):
    q = quote(nlp, "difficult", "The president’s National Security Adviser, Frank Carter, added, "
              "“It looks like a very difficult situation at this point.”")
    assert q.speaker == "Frank Carter"


def test_tag_after_a_question_attributes_but_a_new_sentence_does_not(nlp):
    q = quote(nlp, "too big", "“Why is this bank not too big to manage?” Vitter asked angrily.")
    assert q.speaker == "Vitter"
    q = quote(nlp, "No, man", "Ann Cole was in the front row.",
              "“No, man. No!” Jackson joined the fight and threw punches.")
    assert q.speaker != "Jackson"


def test_organisation_names_keep_words_that_are_also_titles(nlp):
    q = quote(nlp, "layoffs", "“The layoffs could reach 2,000,” General Motors Corp said on Monday.")
    assert q.speaker == "General Motors Corp"
    q = quote(nlp, "bilateral", "“A solution can only be found by bilateral talks,” the Turkish Foreign Ministry said.")
    assert q.speaker in ("Turkish Foreign Ministry", "the Turkish Foreign Ministry")


def test_the_group_refers_to_the_organisation_named_before(nlp):
    q = quote(nlp, "loom", "The SOMC, a group of private economists, met in New York on Friday.",
              "The group said that “inflation and another recession now loom on the horizon.”")
    assert q.speaker == "SOMC" and q.attribution is Attribution.ORGANISATION


def test_a_statement_speaks_for_whoever_issued_it(nlp):
    q = quote(nlp, "bond sales", "The central bank said in a statement on Friday that reserves rose in May.",
              "“Net bond sales to other countries totalled about 2.5 billion crowns,” the statement added.")
    assert q.speaker is not None and "bank" in q.speaker.lower()


def test_the_newspaper_is_the_one_the_text_named_with_that_word(nlp):
    q = quote(nlp, "capital has been leaving",
              "Earlier today the newspaper Il Giorno cited remarks by the Bank of Rome on the deficit.",
              "“In practice, capital has been leaving for foreign markets,” said the newspaper.")
    assert q.speaker == "Il Giorno"


def test_a_statement_quoted_by_an_agency_is_its_authors_not_the_agencys(nlp):
    q = quote(nlp, "launched at a time",
              "Iran said on Sunday that its offensive against Iraq had ended.",
              "The statement by the Iranian High Command appeared to close the assault on the port city.",
              "“The operation was launched at a time when the enemy was weak,” said the statement quoted by IRNA.")
    assert q.speaker == "Iranian High Command"


def test_quotes_after_a_following_are_extracts_lead_are_the_documents(nlp):
    paragraphs = ("Following are extracts from the communique issued at the close of the ASEAN summit here.",
                  "“The summit noted that trade between members has grown strongly this year.",
                  "“The summit agreed to meet again in Manila in June.”",
                  "Officials said the talks ran late into the night.",
                  "“We are pleased,” one delegate said.")
    assert quote(nlp, "trade between members", *paragraphs).speaker == "ASEAN"
    assert quote(nlp, "meet again", *paragraphs).speaker == "ASEAN"
    assert quote(nlp, "pleased", *paragraphs).speaker == "one delegate"


def test_the_automaker_is_the_company_named_before(nlp):
    q = quote(nlp, "layoffs", "General Motors said its truck plant in Flint will close in May.",
              "At Flint, “layoffs could reach 2,000,” the automaker said.")
    assert q.speaker == "General Motors"


def test_qualified_description_is_someone_new(nlp):
    q = quote(nlp, "buyers market", "Analyst Paul Reed said prices would fall further.",
              "“OPEC has to learn that in a buyers market you cannot set quotas,” said the regional manager "
              "for one of the major oil companies.")
    assert q.speaker != "Paul Reed"


def test_reported_speech_before_a_quote_is_the_main_speakers(nlp):
    q = quote(nlp, "rebuild trust", "Senator Ann Cole said in an interview she was glad that the president "
              "had acknowledged some of his mistakes. “But one speech is not enough to rebuild trust.”")
    assert q.speaker == "Ann Cole"


def test_name_right_after_a_quote_speaks_when_the_sentence_breaks(nlp):
    q = quote(nlp, "long way", "“We have a long way to go,” Rep. Martin Frost (D-Tex.). told reporters.")
    assert q.speaker == "Martin Frost"


def test_person_before_an_apposition_naming_a_body_speaks(nlp):
    q = quote(nlp, "prefer to wait", "Colombia will not attend the meeting in Managua, Jorge Ruiz, manager of the "
              "National Coffee Growers' Federation, said.", "“We prefer to wait until things are better prepared,” "
              "he told Reuters.")
    assert q.speaker == "Jorge Ruiz"


def test_possessive_description_is_the_officer_named_before(nlp):
    q = quote(nlp, "ready", "OPEC president Rilwanu Lukman said the group would hold its price.",
              "“We are ready to pay that price,” the group's president said.")
    assert q.speaker == "Rilwanu Lukman"


@pytest.mark.parametrize("verb", ["appealed for help from the state", "criticised the state's budget"])
def test_a_quote_after_an_appeal_or_a_criticism_is_its_authors(nlp, verb):
    q = quote(nlp, "No city", "Mayor Ruth Kemp met reporters at the bridge on Monday.",
              "The storm closed two roads in the city last week, officials said.",
              f"Kemp also {verb} to repair the bridges.",
              "“No city can do this alone. We need the money now.”")
    assert q.speaker == "Ruth Kemp"


def test_person_named_after_a_long_office_name_speaks_for_the_quote_before(nlp):
    paragraphs = ("The agency charged that Brightway said it could prove its claims when it could not.",
                  "\"Labels matter to shoppers, but they can be hard to check.\" State Office of Fair Trading "
                  "Director Ann Leigh said in a statement. \"That is why we check them.\"")
    assert quote(nlp, "Labels matter", *paragraphs).speaker == "Ann Leigh"
    assert quote(nlp, "why we check", *paragraphs).speaker == "Ann Leigh"


def test_a_sentence_after_a_closed_quote_that_does_not_attribute_it_is_not_its_frame(nlp):
    q = quote(nlp, "Labels matter", "\"Labels matter to shoppers.\" State Office of Fair Trading Director Ann Leigh "
              "visited the market on Monday.")
    assert q.speaker is None
    q = quote(nlp, "Labels matter", "The minister spoke first.", "\"Labels matter to shoppers.\" State Office of Fair "
              "Trading Director Ann Leigh said on Monday that rents would rise.")
    assert q.speaker != "Ann Leigh"


# -- 3. surname only → the full name given earlier -------------------------------------


def test_surname_resolves_to_the_full_name(nlp):
    q = quote(nlp, "patients", "Dr. Ann B. Lee runs the clinic in Dayton.",
              "“We see more patients every week,” Lee said.")
    assert q.speaker == "Ann B. Lee"


def test_first_name_alone_is_the_one_person_of_that_name(nlp):
    q = quote(nlp, "afraid", "Melanie Duval, a nurse from Ohio, went to the rally with her husband.",
              "“I was never afraid,” Melanie said.")
    assert q.speaker == "Melanie Duval"


def test_shared_first_name_stays_as_written(nlp):
    q = quote(nlp, "afraid", "Anna Berg and Anna Holt, both nurses, went to the rally.",
              "“I was never afraid,” Anna said.")
    assert q.speaker == "Anna"


# -- 4. name spans that swallow their neighbours ----------------------------------------


@pytest.mark.parametrize("sentence, name, role", [
    ("“We will keep talking to both sides,” said envoy to Ukraine Kurt Volker.", "Kurt Volker", "envoy to Ukraine"),
    ("“The new phone is our best yet,” CEO Tim Cook told the crowd.", "Tim Cook", "CEO"),
    ("“I feel great about this team,” Browns DL Sheldon Richardson said.", "Sheldon Richardson", "Browns DL"),
    ("“The protests will continue,” said Cheuk Hau-yip, a student leader.", "Cheuk Hau-yip", "student leader"),
    ("“We will cut output,” oil minister Khalid al-Falih told reporters.", "Khalid al-Falih", "oil minister"),
    ("“They don’t understand the military,” said Army Capt. Christian Pardo.", "Christian Pardo", "Army Capt."),
    ("“The deal is close,” said Portuguese Ambassador to Chile Marta Reis.", "Marta Reis",
     "Portuguese Ambassador to Chile"),
    ("“The case is strong,” said Deputy Director of Public Prosecution Eva-Marie Lind.", "Eva-Marie Lind",
     "Deputy Director of Public Prosecution"),
])
def test_titles_go_to_the_role_never_into_the_name(nlp, sentence, name, role):
    q = quote(nlp, "", sentence)
    assert (q.speaker, q.role) == (name, role)


def test_a_name_with_a_person_apposition_speaks_whatever_the_tagger_labelled_it(nlp):
    from spacy.tokens import Span

    doc = nlp("“We will not overreact by adding needless rules,” Tom Berling, executive vice president of the "
              "National Guild of Grocers, said.")
    start = next(t.i for t in doc if t.text == "Tom")
    doc.ents = [Span(doc, start, start + 2, label="WORK_OF_ART")]  # the tagger's mistake after a quote
    (q,) = extract_quotes(doc)
    assert q.speaker == "Tom Berling"


def test_a_middle_initial_stays_inside_the_name(nlp):
    q = quote(nlp, "dangers", "Readers sent us their views on the debate.",
              "“The debate should waken ALL of us to the dangers of this man & his movement!” ― Julia A. Ruiz Montoya.")
    assert q.speaker == "Julia A. Ruiz Montoya"


def test_surnames_that_are_also_titles_stay_names(nlp):
    q = quote(nlp, "deal", "“The deal is done,” said Julie Bishop, the foreign minister.")
    assert q.speaker == "Julie Bishop"


def test_hyphenated_modifiers_never_join_a_name(nlp):
    q = quote(nlp, "strikes", "“The strikes will go on,” said Turki al-Malki, spokesman for the Saudi-led coalition.")
    assert q.speaker == "Turki al-Malki"


@pytest.mark.parametrize("text, name, role", [
    ("Public Ombudsman Nadia Cruz", "Nadia Cruz", "Public Ombudsman"),
    ("State Comptroller Tom Hall", "Tom Hall", "State Comptroller"),
])
def test_offices_written_before_a_name_go_to_the_role(text, name, role):
    assert split_name(text) == (name, role)


@pytest.mark.parametrize("text, name, role", [
    ("NASA Administrator Tom Vellner", "Tom Vellner", "NASA Administrator"),
    ("county Registrar Tom Vellner", "Tom Vellner", "county Registrar"),
    ("Director of Public Works Mara Kettle", "Mara Kettle", "Director of Public Works"),
    ("Secretary of Homeland Security Ruth Abbo", "Ruth Abbo", "Secretary of Homeland Security"),
    ("Secretary of State Ruth Ann Abbo", "Ruth Ann Abbo", "Secretary of State"),
    ("Director of National Intelligence Mara Kettle", "Mara Kettle", "Director of National Intelligence"),
    ("Minister of Foreign Affairs Tom Vellner", "Tom Vellner", "Minister of Foreign Affairs"),
])
def test_positions_and_offices_of_several_words_go_to_the_role(text, name, role):
    assert split_name(text) == (name, role)


@pytest.mark.parametrize("lead_in, name, role", [
    ("said NASA Administrator Tom Vellner", "Tom Vellner", "NASA Administrator"),
    ("said county Registrar Tom Vellner", "Tom Vellner", "county Registrar"),
    ("said Deputy Director of Public Prosecution Anna-Lise Borg", "Anna-Lise Borg",
     "Deputy Director of Public Prosecution"),
    ("said Director of Public Works Mara Kettle", "Mara Kettle", "Director of Public Works"),
    ("said Director of National Intelligence Mara Kettle", "Mara Kettle", "Director of National Intelligence"),
    ("said Fire Marshal Tom Vellner", "Tom Vellner", "Fire Marshal"),
])
def test_a_title_of_several_words_after_said_is_the_role_not_the_name(nlp, lead_in, name, role):
    q = quote(nlp, "keep going", "The town held a vote on Monday.", f"“We will keep going,” {lead_in}.")
    assert (q.speaker, q.role) == (name, role)


def test_chief_of_staff_is_a_position_not_part_of_the_name(nlp):
    q = quote(nlp, "keep going", "The town held a vote on Monday.",
              "“We will keep going,” said Chief of Staff Tom Vellner.")
    assert q.speaker == "Tom Vellner"


def test_split_name_moves_positions_to_the_role():
    assert split_name("envoy to Ukraine Kurt Volker") == ("Kurt Volker", "envoy to Ukraine")
    assert split_name("CEO Tim Cook") == ("Tim Cook", "CEO")
    assert split_name("Senator Maria Lopez") == ("Maria Lopez", "Senator")
    assert split_name("Superintendent Jennifer Moore") == ("Jennifer Moore", "Superintendent")
    assert split_name("Cheuk Hau-yip") == ("Cheuk Hau-yip", None)
    assert split_name("a Citicorp spokesman") == ("a Citicorp spokesman", None)
    assert split_name("a naval source in the Gulf") == ("a naval source in the Gulf", None)


# -- 5. roles -------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, role", [
    ("“I never expected to win,” said Oscar-winning actress Mary Steenburgen.", "Oscar-winning actress"),
    ("“I just kept running,” said Martin Taylor, a 43-year-old teacher.", "43-year-old teacher"),
    ("“We will vote no,” said Rep. Jane Orton.", None),
    ("“The clinic is full,” said Dr. Ann Lee.", None),
    ("“We build for everyone,” said Brightline founder and co-CEO Dana Marsh.", "co-CEO"),
    ("“Sales held up,” said Orbis vice-President Paul Kerr.", "Orbis vice-President"),
    ("“The deal is close,” said Secretary of Commerce Helen Marsh.", "Secretary of Commerce"),
])
def test_roles_are_whole_words_and_never_bare_honorifics(nlp, sentence, role):
    assert quote(nlp, "", sentence).role == role


def test_clean_role_refuses_fragments_marks_and_page_furniture():
    assert clean_role("former special envoy to Ukraine") == "former special envoy to Ukraine"
    assert clean_role("Instagram spokeswoman") == "Instagram spokeswoman"
    assert clean_role("the 43-year-old") == "43-year-old"
    assert clean_role("Rep.") is None
    assert clean_role("Dr.") is None
    assert clean_role("old") is None
    assert clean_role("founding members") is None
    assert clean_role("singer-guitarists") is None
    assert clean_role("Singer-guitarist") == "Singer-guitarist"
    assert clean_role("Former") is None
    assert clean_role("doctor at Chaoyang Hospital where the patients were") == "doctor at Chaoyang Hospital"
    assert clean_role("“deeply troubled”") is None
    assert clean_role("Home | News | Sport") is None
    assert clean_role("Governor of Ohio in 1983") == "Governor of Ohio"
    assert clean_role("head of the 1990s project") == "head of the 1990s project"


# -- 6. non-speakers --------------------------------------------------------------------


def test_determiners_are_not_speakers(nlp):
    q = quote(nlp, "round of talks", "Two diplomats spoke after the session.",
              "“Another round of talks would help nobody,” another said.")
    assert q.speaker is None


def test_wake_words_in_quotes_are_nobody_speaking(nlp):
    q = quote(nlp, "Hey Siri", "Users can say “Hey Siri, what is the weather like today?” to get a forecast.")
    assert q.speaker is None


@pytest.mark.parametrize("paragraphs", [
    ("The Harlow Group bought the label in June.",
     "Now the firm will be left to wonder: “What did we do to deserve this?”"),
    ("Dana Pike will have to explain to voters: “Why did you raise the fare twice in one year?”",),
    ("Shareholders of Orbis Bank may want to ask the board: “Who approved these loans?”",),
])
def test_words_nobody_has_said_yet_have_no_speaker(nlp, paragraphs):
    q = quote(nlp, "?", *paragraphs)
    assert q.speaker is None


def test_speech_told_as_done_keeps_its_speaker(nlp):
    q = quote(nlp, "good day", "After the vote, Senator Dana Pike went on to say: “This is a good day for the city.”")
    assert q.speaker == "Dana Pike"
    q = quote(nlp, "cannot afford", "Dana Pike told the council on Monday: “We cannot afford this.”")
    assert q.speaker == "Dana Pike"


def test_a_name_above_a_quoted_title_is_a_caption_not_a_speaker(nlp):
    q = quote(nlp, "Glass over Glass", "Ines Marlow", "‘Glass over Glass over Glass’", "City Gallery, 15 Main Street")
    assert q.speaker is None
    q = quote(nlp, "feel like water", "Ines Marlow", "“We wanted the light to feel like water.”")
    assert q.speaker == "Ines Marlow"


def test_a_transcript_label_names_the_speaker_or_nobody(nlp):
    paragraphs = ("On Sunday, Governor Mike Pence spoke to a television host about the debate.",
                  "Partial transcript as follows:",
                  "\"HOST: Let us start with the debate. Will she be there?",
                  "\"PENCE: Well, look, she will not be attending the debate tomorrow night.",
                  "\"But the truth is that he talks to people in a way they understand.",
                  "\"HOST: Governor, I do not want to interrupt.")
    assert quote(nlp, "Let us start", *paragraphs).speaker is None
    assert quote(nlp, "not be attending", *paragraphs).speaker == "Mike Pence"
    assert quote(nlp, "the truth is", *paragraphs).speaker == "Mike Pence"
    assert quote(nlp, "interrupt", *paragraphs).speaker is None


def test_a_title_written_by_someone_is_a_work_not_a_quote(nlp):
    doc = nlp("In a clip for her new show, Lia Moss sings Tom Hale's “Blue River” to the crowd.\n\n"
              "“Blue River (Live at Dawn)” was written by Hale after a flood in his home town.")
    assert not [q for q in extract_quotes(doc) if "Live at Dawn" in q.text]


def test_city_for_a_government_is_not_a_speaker(nlp):
    q = quote(nlp, "balance the market", "Riyadh signalled on Monday it would cut output.",
              "“We will do whatever it takes to balance the market,” said Riyadh.")
    assert q.speaker is None


@pytest.mark.parametrize("country", ["Sri Lanka", "Costa Rica", "New Zealand"])
def test_he_said_never_goes_back_to_a_country(nlp, country):
    q = quote(nlp, "paid back", f"{country} asked the lenders for a loan of 50 million dollars.",
              "“If approved, the loan would be paid back within five years,” he said.")
    assert q.speaker is None


def test_country_word_in_a_persons_name_keeps_the_person(nlp):
    q = quote(nlp, "paid back", "Finance Minister Nia Jordan asked the lenders for a loan.",
              "“If approved, the loan would be paid back within five years,” Jordan said.")
    assert q.speaker == "Nia Jordan"


def test_a_section_mark_is_not_a_name_heading(nlp):
    q = quote(nlp, "antidote", "X.", "“He was almost an antidote to the way politicians talk.”")
    assert q.speaker is None


def test_common_nouns_are_not_speakers(nlp):
    q = quote(nlp, "urgent review", "“An urgent review is needed,” the subject line said.")
    assert q.speaker is None
    q = quote(nlp, "wrong and should", "“The decision was wrong and should be reversed,” one percent said.")
    assert q.speaker is None


# -- 7. a group vs a named member who spoke ------------------------------------------------


def test_named_member_over_the_group(nlp):
    q = quote(nlp, "margins", "Analysts said the bank’s results were weak.",
              "“The margins are under real pressure this year,” said John Doe of Acme Securities.")
    assert q.speaker == "John Doe"


def test_dealer_who_spoke_over_dealers(nlp):
    q = quote(nlp, "heavy selling", "Dealers said the yen firmed in quiet trade.",
              "“There was heavy selling before the close,” a senior dealer at a Tokyo bank said.")
    assert q.speaker == "a senior dealer at a Tokyo bank"
    assert q.attribution is Attribution.UNNAMED


@pytest.mark.parametrize("middle", [
    "One said the state had cut farm spending by half.",
    "A deputy from Hunan said the state had cut farm spending by half.",
    "One member, described as a person with no party affiliation, said farm spending had been cut by half.",
    "Another delegate said farm spending had been cut by half.",
])
def test_he_after_someone_unnamed_never_goes_back_to_a_named_person(nlp, middle):
    q = quote(nlp, "promised", "Deputies from rural provinces said Premier Li Wei was not tough enough on their "
              "problems.", middle, "“This is not what farmers were promised,” he said.")
    assert q.speaker != "Li Wei"
    assert q.speaker is None or q.attribution is Attribution.UNNAMED


def test_he_after_a_described_spokesman_is_that_spokesman(nlp):
    paragraphs = ("A British spokesman said monitoring equipment remained in the embassy waiting room.",
                  "“Earlier we sent some food back to Britain as a precaution,” he said. “Then we stopped.”")
    assert quote(nlp, "Earlier we sent", *paragraphs).speaker == "A British spokesman"
    assert quote(nlp, "Then we stopped", *paragraphs).speaker == "A British spokesman"


def test_he_after_the_official_acts_again_is_the_official(nlp):
    q = quote(nlp, "book review",
              "The administration opposes a tax on share trades, an administration official said in an interview.",
              "The official also said President Carter was still opposed to a budget summit with Congress.",
              "Democrats said Carter needed a deficit package to rebuild his presidency.",
              "But the official dismissed the summit idea as a ploy. He accused the Democrats of being too critical.",
              "“It's easier to write a book review than to write a book,” he said.")
    assert q.speaker == "an administration official"


def test_she_never_goes_back_to_people_described_in_the_plural(nlp):
    q = quote(nlp, "jail time", "A cashier who steals a handful of bills is held to account, Senator Ruth Kemp said. "
              "Bank executives are not.",
              "“The only way the banks will change is if bosses face jail time” for fraud, she said.")
    assert q.speaker == "Ruth Kemp"


def test_a_quote_continuing_an_unnamed_source_stays_unnamed(nlp):
    paragraphs = ("Orbis Oil sued Brightway over the takeover in March.",
                  "“If the rule applied, then our contract was void,” said Orbis’s own counsel in court. "
                  "“Then we have no case at all.”")
    first, second = quote(nlp, "contract was void", *paragraphs), quote(nlp, "no case", *paragraphs)
    assert first.attribution is Attribution.UNNAMED
    assert second.speaker is None or second.attribution is Attribution.UNNAMED


def test_someone_unnamed_does_not_stand_for_he_paragraphs_later(nlp):
    q = quote(nlp, "credits to invest", "Bank chief Janos Varga said he hoped the devaluation would help exports.",
              "One Western commercial attache here said: “Devaluation alone will not change anything.”",
              "The country's debt rose to eight billion dollars last year.",
              "He said he feared the debt would rise again this year.",
              "“I am for credits to invest in industry,” he said.")
    assert q.speaker == "Janos Varga"


def test_a_description_after_someone_unnamed_spoke_is_read_without_failing(nlp):
    q = quote(nlp, "fail within", "Voters in the town were split. One said the plan was far too costly. "
              "“It will fail within a year,” the presidential candidate said.")
    assert q.speaker == "the presidential candidate" and q.attribution is Attribution.UNNAMED


def test_he_after_a_named_speaker_still_resolves(nlp):
    q = quote(nlp, "promised", "Deputies from rural provinces met on Monday.",
              "Deputy Wang Hao said the state had cut farm spending by half.",
              "“This is not what farmers were promised,” he said.")
    assert q.speaker == "Wang Hao"


def test_a_capitalised_official_after_a_is_described_not_named(nlp):
    q = quote(nlp, "loophole", "The pact makes hidden subsidies too costly.",
              "“A major loophole has been closed today,” a senior U.S. Official here commented.")
    assert q.attribution is Attribution.UNNAMED and q.speaker.startswith("a ")


def test_it_after_a_document_is_the_document_not_a_subject_inside_it(nlp):
    q = quote(nlp, "current rates", "The ministers met for two days in Rome.",
              "The communique said Orbis Bank affirmed its plan to cut lending to property firms.",
              "It said the ministers “reaffirmed the view that current rates are broadly in line with fundamentals.”")
    assert q.speaker != "Orbis Bank"


@pytest.mark.parametrize("sentence, fragment, speaker", [
    ("“It is a key test of the quota deal,” said one major U.S. roaster.", "key test", "one major U.S. roaster"),
    ("“I can't believe it,” mumbled one onlooker.", "believe it", "one onlooker"),
    ("“The club wants its money back,” one of the diplomatic sources said.", "club wants",
     "one of the diplomatic sources"),
    ("“It is a test,” said one trader. “Last time the trade did not act as a gentleman,” said another analyst "
     "adding, “the ball is in the producers' hands.”", "Last time", "another analyst"),
])
def test_someone_described_after_the_speech_verb_is_an_unnamed_source(nlp, sentence, fragment, speaker):
    q = quote(nlp, fragment, sentence)
    assert q.speaker == speaker and q.attribution is Attribution.UNNAMED


# -- 8. descriptive anaphora --------------------------------------------------------------


@pytest.mark.parametrize(("opening", "description"), [
    ("Senator Maria Lopez spoke in Austin on Friday.", "the Texas Democrat"),
    ("Senate Republican leader Maria Lopez told reporters the report was bad.", "the Kansas Republican"),
])
def test_party_description_refers_to_the_named_politician(nlp, opening, description):
    q = quote(nlp, "give up", opening, f"“We will not give up on this bill,” {description} said.")
    assert q.speaker == "Maria Lopez" and q.attribution is Attribution.DESCRIPTOR


def test_age_description_refers_to_the_named_person(nlp):
    q = quote(nlp, "trained", "Tom Briggs won the race in record time.",
              "“I trained for this moment for years,” the 43-year-old added.")
    assert q.speaker == "Tom Briggs"


def test_description_with_nobody_named_gives_no_speaker(nlp):
    q = quote(nlp, "trained", "The race was held in record heat.",
              "“I trained for this moment for years,” the 43-year-old added.")
    assert q.speaker is None


# -- 9. name variants ------------------------------------------------------------------


def test_name_variants_are_one_person():
    assert is_variant("Owen Dempsey", "Owen John Dempsey")
    assert is_variant("Dempsey", "Owen John Dempsey")
    assert is_variant("O. Dempsey", "Owen Dempsey")
    assert not is_variant("Mary Dempsey", "Owen John Dempsey")
    assert not is_variant("John Owen", "Owen John Dempsey")


# -- 10. marks ---------------------------------------------------------------------------


def test_two_right_single_marks_close_a_quote(nlp):
    q = quote(nlp, "tough day", "“It was a tough day for everyone here,’’ said coach Bill Hart. The team flew home.")
    assert q.text == "It was a tough day for everyone here,"
    assert (q.speaker, q.role) == ("Bill Hart", "coach")


def test_two_single_marks_open_and_close(nlp):
    q = quote(nlp, "rain", "‘‘We expect rain all week,’’ forecaster Jo Hall said.")
    assert q.text == "We expect rain all week," and q.speaker == "Jo Hall"


def test_lower_case_fragment_mid_sentence_is_partial_and_never_key(nlp):
    q = quote(nlp, "total disaster", "The mayor called the plan, “a total disaster for the people of this city.”")
    assert q.partial and not q.key


# -- class 1 in a built site: the target's page never shows the threat ------------------


def test_built_site_never_puts_a_threat_on_its_targets_page(tmp_path):
    from datetime import date

    from digest.build import build_site
    from digest.config import load_config

    (tmp_path / "content").mkdir()
    (tmp_path / "digest.toml").write_text('title = "Test"\nbase_url = "https://example.org/"\nsearch = false\n')
    (tmp_path / "content" / "threat.md").write_text(
        "---\ntitle: Man charged with threatening congresswoman\ndate: 2024-05-02\n---\n\n"
        "A Dayton man was charged on Thursday with threatening Rep. Jane Orton, prosecutors said.\n\n"
        "Mark Hollis, 52, left a voicemail at Orton’s office in March, according to the complaint.\n\n"
        "“I’ll put a bullet in her skull,” the voicemail said.\n\n"
        "Orton has received dozens of threats this year. “I will not be intimidated by anyone,” Orton said "
        "in a statement on Thursday.\n", encoding="utf-8")
    build_site(load_config(root=tmp_path), today=date(2024, 5, 2))
    site = tmp_path / "site"
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (site / "people").glob("*/index.html")}
    assert "jane-orton" in pages and "intimidated" in pages["jane-orton"]
    assert all("bullet" not in html for html in pages.values())
    article_page = next((site / "articles").glob("*/index.html")).read_text(encoding="utf-8")
    assert "bullet in her skull" in article_page  # still shown on its article, unattributed


def test_built_site_has_people_pages_only_for_real_speakers(tmp_path):
    from datetime import date

    from digest.build import build_site
    from digest.config import load_config

    (tmp_path / "content").mkdir()
    (tmp_path / "digest.toml").write_text('title = "Test"\nbase_url = "https://example.org/"\nsearch = false\n')
    (tmp_path / "content" / "label.md").write_text(
        "---\ntitle: Singer leaves her label\ndate: 2024-05-02\n---\n\n"
        "The singer Lia Moss said on Thursday she would leave Redwood Records, which the Harlow Group "
        "bought in June.\n\n“I want to own my songs,” Moss said in a statement.\n\n"
        "Now the Harlow Group will be left to wonder: “What did we do to deserve this?”\n", encoding="utf-8")
    (tmp_path / "content" / "gallery.md").write_text(
        "---\ntitle: Lights at the City Gallery\ndate: 2024-05-02\n---\n\n"
        "The City Gallery opens a show of glass lamps this week.\n\nInes Marlow\n\n"
        "‘Glass over Glass over Glass’\n\nCity Gallery, 15 Main Street\n\n"
        "The lamps hang in rows above the visitors.\n", encoding="utf-8")
    build_site(load_config(root=tmp_path), today=date(2024, 5, 2))
    pages = sorted(p.parent.name for p in (tmp_path / "site" / "people").glob("*/index.html"))
    assert pages == ["lia-moss"]


# -- calibrated abstention -------------------------------------------------------------


def evidence(nlp, fragment: str, *paragraphs: str):
    from digest.nlp.quotes import quote_evidence

    found = [(q, e) for q, e in quote_evidence(nlp("\n\n".join(paragraphs))) if fragment in q.text]
    assert found, f"no quote containing {fragment!r}"
    return found[0]


def test_evidence_of_a_name_in_the_quotes_own_sentence(nlp):
    q, e = evidence(nlp, "harvest", "“The harvest came in late this year,” said Tomas Weller, a grain farmer.")
    assert q.speaker == "Tomas Weller" and e.how is Attribution.SPEECH_VERB
    assert (e.paragraphs_back, e.sentences_back, e.rivals, e.near_rivals) == (0, 0, 0, 0)
    assert e.person and not e.quote_only and not e.named_in_quote and not e.one_word


def test_evidence_of_a_quote_that_goes_on_paragraphs_later(nlp):
    q, e = evidence(nlp, "second shift",
                    "“The plant will stay open,” said Rita Osei, the union's chief negotiator.",
                    "Talks resumed on Monday after a week's pause.",
                    "“Nobody wants to lose the second shift.”")
    assert q.speaker == "Rita Osei" and e.how is Attribution.CONTINUED
    assert e.paragraphs_back == 2 and e.quote_only


def test_evidence_counts_the_other_people_named_around_the_quote(nlp):
    q, e = evidence(nlp, "the bridge",
                    "Mayor Lina Brandt met councillor Omar Haddad and engineer Petra Vogt on Friday.",
                    "“We will rebuild the bridge by spring,” she said.")
    assert e.how is Attribution.PRONOUN and e.paragraphs_back == 1
    assert e.rivals == 2


def test_evidence_sees_the_speakers_name_inside_the_quote(nlp):
    q, e = evidence(nlp, "Kessler", "“Kessler never paid us a cent,” said Martin Kessler's former partner, "
                                    "Dana Royce.")
    assert q.speaker == "Dana Royce" and not e.named_in_quote
    assert e.mentions == 1


# -- unnamed people described by a numeral or "another" ------------------------------------


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("“We have never waited this long,” said one commuter at the station.", "one commuter"),
    ("“The roof just came down,” another onlooker told reporters.", "another onlooker"),
    ("“They will have to answer by Friday,” another Western diplomat said.", "another Western diplomat"),
    ("“Prices can only go up from here,” one arbitrageur said.", "one arbitrageur"),
])
def test_a_person_described_not_named_is_the_speaker(nlp, sentence, speaker):
    q = quote(nlp, "", "Crowds gathered outside the terminal on Monday.", sentence)
    assert (q.speaker or "").startswith(speaker) and q.attribution is Attribution.UNNAMED


def test_a_passenger_is_never_the_official_named_before(nlp):
    q = quote(nlp, "horrible", "Police spokesman John Ray said the bus left the road at dawn.",
              "“It was horrible,” the passenger said.")
    assert q.speaker == "the passenger"


def test_another_alone_is_still_nobody(nlp):
    q = quote(nlp, "warned", "Two men stood by the gate.", "“Nobody warned us,” said another.")
    assert q.speaker is None


def test_a_chant_is_said_by_those_who_chant(nlp):
    q = quote(nlp, "schools", "Teachers marched on the capitol on Friday.",
              "“Fund our schools!” chanted teachers outside the building.")
    assert (q.speaker or "").startswith("teachers") and q.attribution is Attribution.UNNAMED


def test_a_plural_description_is_never_the_person_named_before(nlp):
    q = quote(nlp, "staffing", "Hospital director Ann Lee met striking nurses on Monday.",
              "“Safe staffing saves lives,” the nurses said.")
    assert q.speaker in (None, "the nurses")


# -- organisations' names whole, asides, letters --------------------------------------------


def test_an_organisation_keeps_the_words_before_board(nlp):
    q = quote(nlp, "every level", "The Defense Science Board said the agency had failed to explain its goals.",
              "“Mistakes were made at every level,” the Defense Science Board said.")
    assert q.speaker == "Defense Science Board"


def test_a_possessive_inside_an_organisations_name_stays(nlp):
    q = quote(nlp, "fall sharply", "“Prices will fall sharply,” the official People's Daily said on Monday.")
    assert q.speaker == "People's Daily"


def test_a_possessive_between_two_names_still_splits(nlp):
    q = quote(nlp, "are done", "“We are done,” Clinton's Kaine said.")
    assert q.speaker == "Kaine"


def test_a_title_with_an_aside_is_the_person_named_with_that_title(nlp):
    q = quote(nlp, "right response", "Morocco's King Hassan met Vice President George Bush on Monday.",
              "Asked about the raid, the King, who is here on a state visit, replied, "
              "“It was the right response.”")
    assert q.speaker == "King Hassan"


def test_a_title_with_an_aside_never_borrows_another_persons_name(nlp):
    q = quote(nlp, "right response", "Vice President George Bush met the envoy on Monday.",
              "Asked about the raid, the ambassador, who arrived on Sunday, replied, “It was the right response.”")
    assert q.speaker != "George Bush"


def test_a_letter_speaks_for_its_writer_not_for_who_reported_it(nlp):
    q = quote(nlp, "autumn",
              "In a letter dated May 2, Commissioner Mara Voss told residents the bridge would close in June, "
              "Acme Builders said.",
              "“The bridge will be closed for repairs until the autumn,” the letter said.")
    assert q.speaker == "Mara Voss"


def test_a_letter_by_an_unnamed_writer_is_not_the_reporters(nlp):
    q = quote(nlp, "autumn",
              "In a letter dated May 2, the city's chief engineer told residents the bridge would close in June, "
              "Acme Builders said.",
              "“The bridge will be closed for repairs until the autumn,” the letter said.")
    assert q.speaker != "Acme Builders"


def test_a_statement_someone_made_is_theirs_not_who_released_it(nlp):
    q = quote(nlp, "never said",
              "Maria Lopez won the award on Friday.",
              "She restated her position in a statement issued by the Pulitzer Board that said: "
              "“I have never said that the vaccine was unsafe.”")
    assert q.speaker == "Maria Lopez"


def test_a_statement_whose_phrase_names_an_unnamed_issuer_is_not_an_earlier_documents(nlp):
    q = quote(nlp, "talks failed",
              "In a statement released by the White House, President Tom Reyes said the port would reopen.",
              "A statement released by the ministry said: “The talks failed.”")
    assert q.speaker in (None, "the ministry")


def test_a_company_named_after_its_founder_is_never_he(nlp):
    q = quote(nlp, "invest",
              "Henry Marlowe Ltd is weighing a move into Asia but has decided nothing yet, according to "
              "spokesman Ian Ferris.",
              "The company opened a Tokyo office last year, and “we are ready to invest there,” he said.")
    assert q.speaker == "Ian Ferris"


def test_a_speech_verb_in_a_clause_about_the_quote_loses_to_the_speaker_of_the_sentence(nlp):
    q = quote(nlp, "overreacted", "Yesterday, the ministry issued a report showing that half of the permits were used.",
              "“The export market overreacted to the buying reports,” which indicate that Moscow has booked "
              "over two and perhaps as much as four mln tonnes of wheat, one Kansas grain trader said.")
    assert (q.speaker or "").startswith("one Kansas grain trader")


def test_a_quote_nobody_said_ends_the_continuation(nlp):
    q = quote(nlp, "every newspaper", "“We will appeal the decision,” a company spokesman said on Tuesday.",
              "The ruling by the appeals court, which upheld a lower court, said, “the notice program used by "
              "the company was reasonable.”",
              "“The evidence shows that every newspaper in the country carried the notice.”")
    assert q.speaker != "a company spokesman"


def test_quote_only_paragraphs_go_on_from_the_speaker_before(nlp):
    paragraphs = ("“We will appeal,” said Ann Lee, the firm's lawyer.", "“The judge got it wrong.”",
                  "“We expect to win.”")
    assert quote(nlp, "expect to win", *paragraphs).speaker == "Ann Lee"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("“Rates will stay where they are,” said the University of Chicago.", "University of Chicago"),
    ("“The data are clear,” the Centre for Economic Policy Research said.", "Centre for Economic Policy Research"),
    ("“We will not pay,” said the Government of Kenya.", "Government of Kenya"),
])
def test_an_organisation_named_with_of_or_for_is_named_whole(nlp, sentence, speaker):
    q = quote(nlp, "", sentence)
    assert q.speaker == speaker and q.attribution is Attribution.ORGANISATION


def test_a_title_with_of_before_a_name_is_still_the_person(nlp):
    q = quote(nlp, "appeal", "“We will appeal,” said Secretary of State Ann Brooks.")
    assert q.speaker == "Ann Brooks"


@pytest.mark.parametrize("sentence", [
    "Harbour master Ines Varga noted that the shipping companies had cut their fleets and added: "
    "“We expect a quiet summer.”",
    "Harbour master Ines Varga noted despite the strike, the shipping companies had cut their fleets and added "
    "“We expect a quiet summer.”",
])
def test_a_second_speech_verb_shares_the_first_verbs_subject_not_the_reported_clauses(nlp, sentence):
    assert quote(nlp, "quiet summer", sentence).speaker == "Ines Varga"


def test_a_second_speech_verb_after_a_reported_clause_without_a_name_keeps_the_speaker(nlp):
    q = quote(nlp, "Demand", "Analyst Rob Fenn said prices rose and added, “Demand is strong.”")
    assert q.speaker == "Rob Fenn"


# -- page furniture: bylines, photo credits and lone name lines name nobody who spoke --------


@pytest.mark.parametrize("furniture", [
    "Photo: Getty Images",
    "Picture credit: Lorna Vance",
    "By Daniel Roper",
    "Dana Whitfield",
])
def test_a_byline_credit_or_lone_name_is_no_antecedent_of_he_said(nlp, furniture):
    q = quote(nlp, "other choice", "The council voted to close the library on Monday.", furniture,
              "“We had no other choice,” he said.")
    assert q.speaker is None


def test_a_bracketed_photo_credit_is_no_antecedent(nlp):
    q = quote(nlp, "disgrace", "Residents gathered outside the town hall on Friday. (Reuters/John Smith)",
              "“This is a disgrace,” she said.")
    assert q.speaker is None


def test_a_person_in_the_prose_is_still_the_antecedent_after_a_byline(nlp):
    q = quote(nlp, "grateful", "By Daniel Roper", "Ann Wells won the seat on Sunday.", "“I am grateful,” she said.")
    assert q.speaker == "Ann Wells"


def test_a_name_alone_still_heads_a_quote_without_a_speech_verb(nlp):
    q = quote(nlp, "never felt", "The singer spoke before the show.", "Marla Quint",
              "“I have never felt better about my music.”")
    assert q.speaker == "Marla Quint"


def test_a_picture_agency_line_heads_no_quote(nlp):
    q = quote(nlp, "pay for it", "The candidate spoke at the border.", "Getty.",
              "“Nobody will pay for it.”")
    assert q.speaker is None


def test_a_name_heading_only_heads_a_quote_that_opens_its_paragraph(nlp):
    q = quote(nlp, "completely useless", "Victor Salas",
              "The plan drew scorn abroad. Critics in the capital mocked the wall. “It is completely useless.”")
    assert q.speaker != "Victor Salas"


# -- stage directions and plural common nouns are no one's name ------------------------------


@pytest.mark.parametrize("direction", ["Pause.", "Laughter"])
def test_a_stage_direction_heads_no_quote(nlp, direction):
    q = quote(nlp, "appreciate", "“Well, thank you so much.”", direction,
              "“Well, you do that! The party will appreciate it.”")
    assert q.speaker is None


def test_a_plural_common_noun_some_lines_above_names_no_speaker(nlp):
    q = quote(nlp, "overcome", "Aides say the former governor plans to campaign.", "“We must overcome the divisions.”")
    assert q.speaker is None


def test_a_plural_common_noun_saying_the_words_is_a_description_not_a_name(nlp):
    q = quote(nlp, "numbers", "“The numbers are moving against him,” Aides said on Tuesday.")
    assert q.speaker is None or q.attribution is Attribution.UNNAMED


def test_a_name_after_a_dash_before_the_colon_is_the_speaker(nlp):
    q = quote(nlp, "lessons", "Pollsters agree - Nora Pell: “One of the biggest lessons was a simple one.”")
    assert q.speaker == "Nora Pell"


def test_a_caption_without_a_verb_is_no_antecedent(nlp):
    q = quote(nlp, "spread very fast", "Firefighters battled the blaze for six hours.",
              "Fire chief Anna Brook at the scene on Tuesday.", "Officials said the cause was unknown.",
              "“It spread very fast,” he said.")
    assert q.speaker is None


# -- embedded tweets ------------------------------------------------------------------

SIGNATURE = "— Ann Lee (@annlee) November 19, 2019"


@pytest.mark.parametrize("tweet", [
    ("“We will not stop until the road is fixed.” Thanks to all who came out! pic.twitter.com/abc123XYZ",
     SIGNATURE),
    (f"“We will not stop until the road is fixed.” pic.twitter.com/abc123XYZ {SIGNATURE}",),
    ("“We will not stop until the road is fixed.”", "pic.twitter.com/abc123XYZ", SIGNATURE),
])
def test_a_quote_opening_a_tweet_is_its_authors(nlp, tweet):
    q = quote(nlp, "road is fixed", "Mayor Tom Vellner spoke at the rally on Monday.", *tweet,
              "The council met again on Tuesday.")
    assert q.speaker == "Ann Lee"


@pytest.mark.parametrize("tweet", [
    ("Proud of our neighbours. “We will not stop until the road is fixed,” she said. pic.twitter.com/abc123XYZ",
     SIGNATURE),
    ("Proud of our neighbours tonight. “We will not stop until the road is fixed,” he wrote.", SIGNATURE),
])
def test_a_tweet_is_never_credited_to_someone_named_before_it(nlp, tweet):
    q = quote(nlp, "road is fixed", "Mayor Tom Vellner spoke at the rally on Monday, and the crowd cheered.",
              *tweet, "The council met again on Tuesday.")
    assert q.speaker in (None, "Ann Lee")


def test_a_tweet_signed_by_the_person_named_before_it_stays_theirs(nlp):
    q = quote(nlp, "Sad day", "Tom Vellner responded on Twitter:", "“Sad day for the town. We deserve better.”",
              "— Tom Vellner (@tomvellner) November 19, 2019")
    assert q.speaker == "Tom Vellner"


@pytest.mark.parametrize(
    ("fragment", "paragraphs"),
    [
        ("Hey Nova", ["Easy setup for every device.", "Quick access to Nova by saying “Hey Nova”"]),
        ("Orla, play", ["Orla Home speaker", "Ask Orla by saying “Orla, play the news” to any speaker."]),
    ],
)
def test_whoever_a_quote_is_said_to_never_said_it(nlp, fragment, paragraphs):
    assert quote(nlp, fragment, *paragraphs).speaker is None


@pytest.mark.parametrize(
    ("fragment", "paragraphs"),
    [
        ("play my morning", ["Brightline Buds", "Quick access to Nova by saying “Hey Nova, play my morning playlist”"]),
        ("counting down", ["Kitchen Timer Pro",
                           "Start the timer by saying “Go ahead and start counting down from ten minutes” now."]),
        ("lights off", ["Harbor Lamp Mini",
                        "To dim the room, try saying “Turn the lights off in the kitchen please”."]),
    ],
)
def test_a_gerund_or_infinitive_without_a_subject_names_nobody(nlp, fragment, paragraphs):
    assert quote(nlp, fragment, *paragraphs).speaker is None


def test_a_gerund_takes_the_subject_of_its_clause(nlp):
    q = quote(nlp, "thank you", "Kitchen Timer Pro",
              "Dara Lee ended the call by saying “Goodbye, and thank you for all of your help today.”")
    assert q.speaker == "Dara Lee"


@pytest.mark.parametrize("opening", [
    "Humidifier use had a transformative effect on her sleep.",
    "Humidifier use had a transformative effect, her doctor found.",
])
def test_a_capitalised_common_word_opening_a_sentence_is_nobody(nlp, opening):
    q = quote(nlp, "breathe better", opening, "“I breathe better at night now and wake up rested,” she said.")
    assert q.speaker is None


@pytest.mark.parametrize("paragraph", [
    "The Center for\nHuman Rights and Democracy said “the arrests are unlawful and must stop at once.”",
    "Amnesty and the Institute\nfor Human Rights said “the arrests are unlawful and must stop at once.”",
])
def test_the_end_of_an_organisation_name_cut_at_a_line_break_is_no_name(nlp, paragraph):
    assert quote(nlp, "arrests are unlawful", paragraph).speaker in (
        None, "Center for Human Rights and Democracy", "Institute for Human Rights")


@pytest.mark.parametrize("opening", [
    "Key Security Council members met on Monday to discuss the draft.",
    "Several Security Council members met on Monday to discuss the draft.",
])
def test_a_qualifier_before_an_organisation_is_no_part_of_its_name(nlp, opening):
    q = quote(nlp, "read the text", opening, "“We need more time to read the text before any vote,” the council said.")
    assert q.speaker in (None, "Security Council")


def test_a_plural_opening_an_organisation_name_with_for_is_the_whole_organisation(nlp):
    q = quote(nlp, "arrests are unlawful",
              "Physicians for Human Rights said “the arrests are unlawful and must stop at once.”")
    assert q.speaker in (None, "Physicians for Human Rights")


@pytest.mark.parametrize("sentence", [
    "Just say “Hey Nova, play my morning playlist” and the music starts.",
    "Saying “Hey Nova, play my morning playlist” starts the music.",
])
def test_an_imperative_or_a_gerund_subject_names_nobody(nlp, sentence):
    assert quote(nlp, "play my morning", "Brightline Buds", sentence).speaker is None


# -- parser slips and pronouns (newswire5 study half) ----------------------------------------


# The next two guard parser slips of en_core_web_sm ("…, chairman and chief executive X said" with no
# subject; "X, Acme's vice president of trade, said" with the position as subject) that made-up
# sentences do not always reproduce: they hold before and after the rules that mend those slips.
def test_a_name_right_before_a_subjectless_speech_verb_speaks(nlp):
    paragraphs = ("Sales fell to 3.2 billion dlrs from 3.9 billion, in a very difficult market, chairman "
                  "and chief executive Roland Tessier said in a statement.",
                  "“A margin of two pct is a very poor result for a firm of our size,” he said.")
    assert quote(nlp, "margin of two pct", *paragraphs).speaker == "Roland Tessier"


def test_a_name_set_off_before_the_position_the_parser_took_as_subject_speaks(nlp):
    paragraphs = ("Olga Veremeeva, Gazprom's deputy director of export sales, said demand in Europe was "
                  "recovering. “Buyers are coming back faster than we planned,” she said.",)
    assert quote(nlp, "Buyers are coming", *paragraphs).speaker == "Olga Veremeeva"


def test_a_name_written_with_a_company_ending_elsewhere_is_the_company(nlp):
    paragraphs = ("Harlan Bright Corp chairman Walter Osgood said the company wants another acquisition.",
                  "The company could spend up to 300 mln dlrs, Osgood said. Harlan Bright would only want "
                  "a friendly deal, he added.",
                  "“We are not looking at anything high-tech,” he said.")
    assert quote(nlp, "high-tech", *paragraphs).speaker == "Walter Osgood"


def test_the_subject_of_what_he_reports_is_not_he(nlp):
    paragraphs = ("Senator Ruth Calder said on Monday that the bill had a chance.",
                  "Governor Tom Avery would sign it in its present form, she added. “We have the votes "
                  "now,” she said.")
    # "she" of "she added" is Calder, not the governor inside what she reported
    assert quote(nlp, "We have the votes", *paragraphs).speaker == "Ruth Calder"


def test_another_unnamed_source_is_not_the_company_in_what_he_said(nlp):
    paragraphs = ("“It is a case of takeover fever,” said one arbitrageur.",
                  "Another said Brellan might have trouble finding a white knight. “It is a jumble of "
                  "unrelated businesses,” he said.")
    assert quote(nlp, "jumble", *paragraphs).speaker != "Brellan"


def test_they_is_the_group_that_spoke_not_an_organisation_before_it(nlp):
    paragraphs = ("The government said on Monday it welcomed the new loan.",
                  "Development bank sources said the bank cut 300 mln dlrs of loans during the last years of "
                  "President Anton Velik's rule. Velik was ousted by a revolt in 1986.",
                  "“The loans were cut because the projects were badly run,” they said.")
    assert quote(nlp, "badly run", *paragraphs).speaker == "Development bank sources"


def test_a_bare_singular_noun_opening_a_sentence_is_nobody_a_pronoun_can_mean(nlp):
    paragraphs = ("“We expect a deal by Friday,” one official said.",
                  "Overall, however, trader and roaster opinion on the chances of a new deal was mildly "
                  "gloomy, varying between even odds and 60-40 against.",
                  "“Our main problem will be to persuade the biggest producer,” he said.")
    assert quote(nlp, "main problem", *paragraphs).speaker == "one official"


def test_a_name_in_a_comparison_before_the_verb_is_not_the_subject(nlp):
    paragraphs = ("Exporters' chief Pablo Ruiz spoke at length on Tuesday.",
                  "However, Ruiz, like Finance Minister Ana Castro last week, was blunt and said the "
                  "United States would have to change its policy.",
                  "“Washington will have to face the consequences of a collapse in prices.”")
    assert quote(nlp, "face the consequences", *paragraphs).speaker != "Ana Castro"


@pytest.mark.parametrize("verb", ["accused", "condemned", "denounced"])
def test_a_quote_paragraph_after_an_accusation_is_the_accusers(nlp, verb):
    paragraphs = ("“There is still a big gap between us,” a union spokesman said.",
                  f"Employers' chairman Hendrik Vos {verb} the union of stalling for two months.",
                  "“The union is not serious about these talks and I am not hopeful at all.”")
    assert quote(nlp, "not serious", *paragraphs).speaker == "Hendrik Vos"


def test_another_after_an_unnamed_source_is_another_of_that_kind(nlp):
    paragraphs = ("“The worry is that a refusal would hurt the round,” one diplomat said.",
                  "Another said the neighbour was waiting in the wings. “If they let one in, they must let "
                  "the other in too,” he said.")
    found = quote(nlp, "let one in", *paragraphs)
    assert found.speaker == "another diplomat" and found.attribution is Attribution.UNNAMED


def test_one_after_a_group_of_unnamed_sources_is_one_of_them(nlp):
    paragraphs = ("Although dealers were unwilling to give details of the plan, they said it would leave quotas "
                  "unchanged for two years.",
                  "“The main sticking point has been the biggest producer's attitude,” one said.")
    found = quote(nlp, "sticking point", *paragraphs)
    assert found.speaker == "one dealer" and found.attribution is Attribution.UNNAMED


def test_he_after_someone_described_but_not_named_is_that_description(nlp):
    paragraphs = ("One veteran loan negotiator said the former chairman deserved credit for saving the banks.",
                  "“Whether you agreed with him or not, he had a superb grasp of ideas,” he said.")
    found = quote(nlp, "superb grasp", *paragraphs)
    assert found.speaker == "One veteran loan negotiator" and found.attribution is Attribution.UNNAMED


def test_a_delegation_speaks_as_itself_when_no_one_is_named(nlp):
    paragraphs = ("“Our goals are contradicted by the actions of our partners,” the Canadian delegation said "
                  "in a statement.",)
    assert quote(nlp, "goals are contradicted", *paragraphs).speaker == "the Canadian delegation"


def test_each_speaker_says_what_it_is(nlp):
    from digest.models import SpeakerKind

    paragraphs = ("“Rates will hold,” said Karen Obi, chief economist at Delta Bank.",
                  "“We see no change,” Delta Bank said in a statement.",
                  "“It is too early,” a Citicorp spokesman said.")
    kinds = {q.speaker: q.speaker_kind for q in extract_quotes(nlp("\n\n".join(paragraphs)))}
    assert kinds == {"Karen Obi": SpeakerKind.PERSON, "Delta Bank": SpeakerKind.ORGANISATION,
                     "a Citicorp spokesman": SpeakerKind.DESCRIBED}


def test_the_field_of_an_office_after_for_is_no_speaker(nlp):
    found = quote(nlp, "change the law", "“It does not change the law,” the UN High Commissioner for Human Rights "
                  "said in a statement.")
    assert found.speaker != "Human Rights" and not found.attribution.names_someone


# -- classes from the Wikinews sources' study half (web news) --------------------------


def test_a_name_set_after_a_description_by_a_comma_alone_is_who_spoke(nlp):
    q = quote(nlp, "We all knew", "“We all knew it,” said the panel’s top Democrat, Rep. Tom Hale of California.")
    assert q.speaker == "Tom Hale"


def test_a_name_joined_by_and_is_another_person_not_the_description(nlp):
    q = quote(nlp, "It is over", "“It is over,” said the bank’s chairman and Rep. Dana Whitfield.")
    assert q.speaker != "Dana Whitfield"


def test_people_who_were_told_something_did_not_say_it(nlp):
    paragraphs = ("John Reed, a lawyer for the families, spoke on Monday. Sri Lankans who applied for visas were "
                  "told that they could stay for only one month.",
                  "“It is cruel,” he said.")
    assert quote(nlp, "It is cruel", *paragraphs).speaker in (None, "John Reed")


def test_an_infinitive_after_a_description_has_no_speaker_of_its_own(nlp):
    paragraphs = ("The activist Mara Kellen won the Grant Prize on Friday, named after its founder, Oskar Grant.",
                  "Her Grant prize is the first to acknowledge farming as a means of building peace.",
                  "“The committee has challenged the world,” she said.")
    assert quote(nlp, "challenged the world", *paragraphs).speaker == "Mara Kellen"


def test_a_name_closing_the_posts_phrase_holds_the_post(nlp):
    paragraphs = ("A senior official said on Monday that the details had not been worked out.",
                  "U.S. Ambassador to the U.N. Paul Brandt, whose name had also been mentioned as a possible "
                  "successor, told reporters on Monday that he had not been approached about the job. "
                  "“It has not been mentioned by me or to me,” he said.")
    assert quote(nlp, "mentioned by me", *paragraphs).speaker == "Paul Brandt"


def test_a_site_named_by_its_address_does_not_cut_the_sentence(nlp):
    q = quote(nlp, "impossible to tell",
              'In a FarmWatch.Net editorial last year, Ann Lee, director of the soil programme, wrote, '
              '"It may be impossible to tell."')
    assert q.speaker == "Ann Lee"


def test_an_abbreviated_rank_before_a_name_does_not_cut_the_sentence(nlp):
    paragraphs = ('"We will hold the line," academy commandant Col. Ruth Ferris told a news conference.',
                  '"The base stays open," army spokesman Maj. Tom Hale told reporters.')
    first, second = quote(nlp, "hold the line", *paragraphs), quote(nlp, "base stays open", *paragraphs)
    assert (first.speaker, second.speaker) == ("Ruth Ferris", "Tom Hale")


def test_a_public_body_is_never_a_company_named_before(nlp):
    paragraphs = ("Acme Corp said on Monday it would close a plant in the north.",
                  "“We were not consulted,” the ministry said.",
                  "“We will close it,” the company said.")
    assert quote(nlp, "not consulted", *paragraphs).speaker != "Acme Corp"
    assert quote(nlp, "close it", *paragraphs).speaker == "Acme Corp"


def test_who_is_accused_or_praised_did_not_say_the_words(nlp):
    paragraphs = ("General Ortiz, accused of running “a state within the state” for a decade, died on Monday.",
                  "Mayor Ann Lee was accused by her rival of keeping “a slush fund for friends” at the council.",
                  "The judge, praised by lawyers as “a model of patience”, retired on Friday.")
    assert quote(nlp, "state within", *paragraphs).speaker is None
    assert quote(nlp, "slush fund", *paragraphs).speaker != "Ann Lee"
    assert quote(nlp, "model of patience", *paragraphs).speaker == "lawyers"


def test_who_was_told_something_is_not_the_speaker_but_who_told_them_is(nlp):
    q = quote(nlp, "sent back", "Refugees were told by border officials that “nobody will be sent back tonight”.")
    assert q.speaker == "border officials"


def test_a_surname_the_tagger_takes_for_a_verb_or_place_is_still_the_person(nlp):
    paragraphs = ("Donald Trump and John Kasich met voters in Ohio on Saturday.",
                  "“Jeb wants to be a tough guy tonight,” Trump shot back.",
                  "“It is time,” Kasich weighed in.")
    assert quote(nlp, "tough guy", *paragraphs).speaker == "Donald Trump"
    assert quote(nlp, "It is time", *paragraphs).speaker == "John Kasich"


def test_a_month_is_not_the_surname_of_someone_named_may(nlp):
    paragraphs = ("Theresa May met John Kasich on Saturday.",
                  "Talks began in May. “It is time,” the envoy said.")
    assert quote(nlp, "It is time", *paragraphs).speaker != "Theresa May"


def test_he_is_not_the_person_his_own_quote_names(nlp):
    paragraphs = ("Ohio pastor Ray Dunmore says people do not really know the candidate.",
                  "Dunmore wants to change the view that Walt Brenner is cruel. He rejects claims that Brenner "
                  "has stoked anger. He believes, he said, that “Walt Brenner is a really good man.”")
    assert quote(nlp, "really good man", *paragraphs).speaker in (None, "Ray Dunmore")


@pytest.mark.parametrize("sentence", [
    "After Governor Tom Hale attacked her record in the debate, Senator Ann Lee shot back, “I chose to work.”",
    "Senator Ann Lee weighed in: “I chose to work.”",
    "Senator Ann Lee hit back at Governor Tom Hale, saying “I chose to work.”",
])
def test_a_speech_verb_with_its_particle_reports_speech(nlp, sentence):
    assert quote(nlp, "chose to work", sentence).speaker == "Ann Lee"


def test_a_quote_run_is_not_taken_by_the_next_speaker_reporting_his_own_words(nlp):
    paragraph = ("“It is a sad day,” Senator Ann Lee told reporters in Ohio. “This is what the campaign has "
                 "become.” Governor Tom Hale said he would have fired the manager on the spot.")
    assert quote(nlp, "what the campaign", paragraph).speaker == "Ann Lee"


def test_a_bare_tag_after_a_quote_still_attributes_it(nlp):
    paragraph = "Tom Hale spoke first. “We will win this fight.” Governor Ann Lee told reporters."
    assert quote(nlp, "win this fight", paragraph).speaker == "Ann Lee"


def test_a_colon_lead_in_without_a_speech_verb_names_its_subject_not_its_first_name(nlp):
    paragraphs = ("When Walt Brenner died in 1998, Governor Ann Lee released the following statement:",
                  "“Tom and I offer our condolences to the family and friends of Walt Brenner.”")
    assert quote(nlp, "condolences", *paragraphs).speaker == "Ann Lee"


def test_a_thing_that_threatens_makes_no_threat_story(nlp):
    paragraph = ("Melting glaciers threaten villages in the valley. “The villagers are not to blame,” said Ana "
                 "Rivas, director of the valley trust. “We might share a little of it, but this is global.”")
    assert quote(nlp, "share a little", paragraph).speaker == "Ana Rivas"


def test_they_after_two_named_writers_is_no_earlier_group(nlp):
    paragraph = ("Scientists have long warned about the heat. In a note in the journal, Ann Lee, who led the "
                 "study, and the lawyer Tom Hale write about what the finding means. “These ideas may seem "
                 "far-fetched now,” they write, “but farmers could one day sue.”")
    assert quote(nlp, "far-fetched", paragraph).speaker in (None, "Ann Lee", "Tom Hale")  # not "Scientists"


def test_a_bodys_short_name_in_brackets_is_not_its_officials_name(nlp):
    q = quote(nlp, "most extraordinary",
              "“The timing is most extraordinary,” one official at the Department of Trade and Industry (DTI) "
              "said.")
    assert q.speaker != "DTI" and "official" in (q.speaker or "official")


def test_one_of_the_people_a_sentence_before_has_as_subject(nlp):
    q = quote(nlp, "keep growing",
              "Few analysts believed a correction would end the rally.",
              "“As long as profits keep growing, the pressure will be there,” one said.")
    assert q.speaker == "one analyst"


def test_one_after_a_named_speaker_is_not_one_of_an_earlier_group(nlp):
    q = quote(nlp, "see soon",
              "Few analysts believed a correction would end the rally.",
              "“Prices will hold,” said trader Ann Lee. “We will see soon,” one said.")
    assert q.speaker in (None, "Ann Lee")


@pytest.mark.parametrize(
    ("fragment", "paragraphs", "speaker"),
    [
        # a capitalised "He" before a name is a surname, so "He said" names him
        ("hardest part", ("But He Weiming, a director of the Shanghai Reform Institute, said reforms were safe.",
                          "“The hardest part is the banks,” He said."), "He Weiming"),
        # "the firm" is the company, not the regulator named since
        ("not tolerated", ("Carver Lynch and Co said its head of trading in London has been suspended.",
                           "Carver Lynch said it has been helping a Securities and Exchange Commission inquiry. "
                           "The SEC charged the trader with using inside information.",
                           "“Breaches of the law are not tolerated,” the firm said in a statement."), "Carver Lynch"),
        # "saying" after the reported clause of a speech verb is the reporter's
        ("national interest", ("Ambassador Tom Reid said the bill would hurt trade.",
                               "Reid added that a president should keep some freedom in trade cases, saying “in the "
                               "end, any government must decide in the national interest.”"), "Tom Reid"),
        # a person after a body's name, right before the verb, is who speaks
        ("good chance", ("“There is a good chance that a majority government could result from early elections,” "
                         "Confederation of Spanish Industry (CSI) president Pedro Ferraz da Silva said.",),
         "Pedro Ferraz da Silva"),
    ],
    ids=["surname-he", "the-firm-not-the-regulator", "saying-after-reported-clause", "officer-after-body"],
)
def test_the_speaker_is_who_the_sentence_names_whatever_the_parse(nlp, fragment, paragraphs, speaker):
    assert quote(nlp, fragment, *paragraphs).speaker == speaker


@pytest.mark.parametrize(("text", "starts"), [
    ("She would see her counterpart Zhou Wen. Pereira said the last round would be Monday.", True),
    ("The talks were held at the Dept. Store union's offices.", False),
    ("He joined Sime Darby Bhd. Chairman Tan said so.", False),
])
def test_a_full_stop_after_a_name_ends_the_sentence_before_the_parser_reads_it(nlp, text, starts):
    from digest.nlp.model import PARAGRAPH_COMPONENT

    doc = nlp.get_pipe(PARAGRAPH_COMPONENT)(nlp.make_doc(text))
    stop = next(t for t in doc if t.text == ".")
    assert bool(doc[stop.i + 1].is_sent_start) is starts


@pytest.mark.parametrize(("paragraphs", "speaker"), [
    (("Oil analyst and forecaster Dana Pruitt, editor of the newsletter \"Crude Facts,\" said in her latest note "
      "that stocks may fall.", "\"The outlook is poor,\" she said."), "Dana Pruitt"),
    (("\"MITI has been moving hot and heavy throughout the industry to get things done,\" said Kasch Securities "
      "(Japan) associate vice president Pieter Wolfe.",), "Pieter Wolfe"),
    (("Pieter Wolfe of Kasch Securities spoke.", "\"They are going to have to start running their businesses like "
      "businesses,\" Kasch's Wolfe said."), "Pieter Wolfe"),
    (("Klaus Brenner, an economist, spoke.", "\"The market will be in a very weak position,\" said Salomon, Smith, "
      "Barney's Brenner."), "Klaus Brenner"),
])
def test_a_firm_or_a_bare_title_parsed_as_the_subject_gives_way_to_the_person_it_names(nlp, paragraphs, speaker):
    (q,) = extract_quotes(nlp("\n\n".join(paragraphs)))
    assert q.speaker == speaker


def test_a_speech_verb_that_opens_its_sentence_is_followed_by_its_subject(nlp):
    q = quote(nlp, "flood", "Underwriters said treasurers would wait.",
              "Said one underwriter, “We will not see a flood of new offerings.”")
    assert q.speaker == "one underwriter"


def test_a_quote_that_ends_its_sentence_is_not_framed_by_the_verb_of_the_next_quote(nlp):
    text = ("“Imagine buying a Sears tool set at Kmart,” said Marta Cole, chief retail analyst with NPD Group. "
            "“To Kmart shoppers, the brand may not mean anything, but now it will.” "
            "“We do not want two separate cultures but to blend them into one.” Kmart Chairman Ed Lamb said Thursday.")
    found = [(q.text[:9], q.speaker) for q in extract_quotes(nlp(text))]
    assert found == [("Imagine b", "Marta Cole"), ("To Kmart ", "Marta Cole"), ("We do not", "Ed Lamb")]


@pytest.mark.parametrize("tail", [
    'although "we keep our eyes open for the right chances."',
    'adding he saw no purchase in the "near future," although "we keep our eyes open for the right chances."',
])
def test_a_speech_verb_inside_the_reported_clause_does_not_frame_a_quote_outside_it(nlp, tail):
    q = quote(nlp, "eyes open", "Northfield Trust is expanding abroad, president Anton Weiss said.",
              f"The Northfield president said the company was stressing growth in its foreign units, {tail}")
    assert q.speaker == "Anton Weiss"


def test_a_quote_told_to_listeners_in_a_reported_clause_is_the_tellers(nlp):
    q = quote(nlp, "brink", "Tehran Radio quoted defence spokesman Ali Rahimi telling a visiting delegation yesterday, "
                            "\"At the moment the United States is moving towards the brink.\"")
    assert q.speaker == "Ali Rahimi"


# -- threats of a measure are no threat story ---------------------------------------------


def test_a_threat_of_a_measure_is_no_threat_story(nlp):
    q = quote(nlp, "will veto",
              "Trade Representative Ann Kline said the bill would hurt exporters.",
              "Kline renewed the threat of a presidential veto.",
              "She said, “The President will veto any bill that contains such flaws.”")
    assert q.speaker == "Ann Kline"


def test_a_threat_of_violence_still_makes_a_threat_story(nlp):
    q = quote(nlp, "regret",
              "Police said Rep. Jane Orton faced the threat of violence after the vote.",
              "She said, “You will regret this.”")
    assert q.speaker is None


# -- 4. names the tagger read as common words ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a surname that is also a common word, after a given name
        ("Suzanne Early, assistant trade representative, told reporters the meeting was to discuss strategy on "
         "the vegetable oils issue. Asked about retaliation, she said “sometimes it is better not to be specific.”",
         "Suzanne Early"),
        # a hyphenated given name the tagger read as common nouns inside the person's name
        ("“The market will rebound,” said Park Sin-bom, a director of Lucky Securities.", "Park Sin-bom"),
    ],
)
def test_a_name_the_tagger_read_as_common_words_stays_whole(nlp, text, speaker):
    before = "“We do not think we are at that point yet,” said one trade official.\n\n"
    assert [q.speaker for q in extract_quotes(nlp(before + text))][1:] == [speaker]


def test_the_chief_is_whoever_leads_by_the_title_given_first(nlp):
    q = quote(nlp, "arm-twisting",
              "The Pacific Credit Bank will not change its lending rules, bank president Hiro Tanaka said.",
              "“Rates will rise,” said Mary Olsen, an economist at Delta Securities.",
              "“I suspect there is some arm-twisting,” the bank chief said.")
    assert q.speaker == "Hiro Tanaka"
