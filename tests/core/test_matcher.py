from videomanager.core.matcher import Query, candidate_from_result, decide, score_candidates, title_similarity
from videomanager.core.models import Candidate


def C(i, title, year, pop=10.0, original=None):
    return Candidate(tmdb_id=i, kind="movie", title=title, year=year, original_title=original, popularity=pop)


def test_title_similarity_basics():
    assert title_similarity("The Matrix", "Matrix, The") == 1.0
    assert title_similarity("Amelie", "Amélie") == 1.0
    assert title_similarity("Mission Impossible Fallout", "Mission: Impossible - Fallout") == 1.0
    assert title_similarity("Heat", "The Heat") < 1.0
    assert title_similarity("Carter", "Coach Carter") < 0.7
    assert title_similarity("Terminator 2", "The Terminator") < 0.7  # sequel numbers must agree
    assert title_similarity("Rocky II", "Rocky 2") > 0.6


def test_remake_decided_by_year_not_popularity():
    cands = [C(97020, "RoboCop", 2014, pop=40), C(5548, "RoboCop", 1987, pop=25)]
    d = decide(score_candidates(Query("RoboCop", 1987), cands))
    assert d.state == "matched" and d.best.tmdb_id == 5548
    assert "year exact" in d.reasons and "2nd best" in d.reasons


def test_remake_without_year_is_ambiguous_with_candidates_kept():
    cands = [C(97020, "RoboCop", 2014, pop=40), C(5548, "RoboCop", 1987, pop=25)]
    d = decide(score_candidates(Query("RoboCop", None), cands))
    assert d.state == "ambiguous"
    assert {c.tmdb_id for c in d.candidates} == {97020, 5548}


def test_exact_short_title_beats_more_popular_longer_one():
    cands = [C(7214, "Coach Carter", 2005, pop=30), C(1, "Carter", 2022, pop=8)]
    d = decide(score_candidates(Query("Carter", 2022), cands))
    assert d.state == "matched" and d.best.tmdb_id == 1


def test_regional_year_off_by_one_and_year_filter_evidence():
    cands = [C(10, "Amélie", 2001, original="Le Fabuleux Destin d'Amélie Poulain")]
    d = decide(score_candidates(Query("Le Fabuleux Destin d'Amelie Poulain", 2002), cands))
    assert d.state == "matched"
    d2 = decide(score_candidates(Query("Amelie", 2003), cands, in_year_search={10}))
    assert d2.state == "matched" and "released 2003 somewhere" in d2.reasons


def test_alternative_titles_rescue_and_unrelated_results_not_found():
    cands = [C(63, "Twelve Monkeys", 1995)]
    assert decide(score_candidates(Query("12 Monkeys", 1995), cands)).state != "matched"
    d = decide(score_candidates(Query("12 Monkeys", 1995), cands, alt_titles={63: ["12 Monkeys"]}))
    assert d.state == "matched" and d.best.tmdb_id == 63
    assert (
        decide(score_candidates(Query("Birthday Party", 2019), [C(5, "The Party", 1968)])).state
        == "not_found"
    )
    assert decide([]).state == "not_found"


def test_subtitle_prefix():
    assert title_similarity("Terminator 2", "Terminator 2: Judgment Day") >= 0.9
    assert title_similarity("Alien", "Alien: Covenant") >= 0.9  # close: the year must decide
    cands = [C(1, "Alien", 1979, pop=30), C(2, "Alien: Covenant", 2017, pop=50)]
    d = decide(score_candidates(Query("Alien", 1979), cands))
    assert d.state == "matched" and d.best.tmdb_id == 1


# --- the long tail: a famous film and its obscure namesakes ---------------------------------------------


def V(i, title, year, pop, votes):
    return Candidate(tmdb_id=i, kind="movie", title=title, year=year, popularity=pop, vote_count=votes)


def test_famous_film_beats_same_year_namesakes_with_the_reason_shown():
    cands = [V(949, "Heat", 1995, 45.3, 7000), V(40001, "Heat", 1995, 0.8, 3), V(40002, "Heat", 1995, 0.6, 0)]
    d = decide(score_candidates(Query("Heat", 1995), cands))
    assert d.state == "matched" and d.best.tmdb_id == 949
    assert "2 close namesakes far less known" in d.reasons and "7000 votes vs 3" in d.reasons
    assert [c.tmdb_id for c in d.candidates][:1] == [949]


def test_famous_film_beats_namesakes_when_the_name_has_no_year():
    cands = [
        V(64690, "Drive", 2011, 40.6, 12500),
        V(40003, "Drive", 1997, 1.2, 8),
        V(40004, "Drive", 2014, 0.7, 1),
    ]
    d = decide(score_candidates(Query("Drive", None), cands))
    assert d.state == "matched" and d.best.tmdb_id == 64690


def test_comparable_films_stay_ambiguous():
    remakes = [V(97020, "RoboCop", 2014, 40.0, 7000), V(5548, "RoboCop", 1987, 31.2, 3950)]
    assert decide(score_candidates(Query("RoboCop", None), remakes)).state == "ambiguous"
    # Popular, but not with far more votes: a namesake with a real audience is comparable.
    known = [V(1, "Heat", 1995, 45.0, 7000), V(2, "Heat", 1995, 9.0, 1500)]
    assert decide(score_candidates(Query("Heat", 1995), known)).state == "ambiguous"


def test_dominance_needs_the_title_and_the_year_to_tie():
    # The obscure film has the exact year: the famous one two years off does not win by popularity.
    cands = [V(1, "Parasite", 2019, 60.0, 15000), V(2, "Parasite", 2021, 0.9, 2)]
    d = decide(score_candidates(Query("Parasite", 2021), cands))
    assert d.state != "matched" or d.best.tmdb_id == 2


def test_without_votes_popularity_alone_must_dominate():
    cands = [V(1, "Heat", 1995, 45.0, 0), V(2, "Heat", 1995, 0.7, 0)]
    assert decide(score_candidates(Query("Heat", 1995), cands)).best.tmdb_id == 1
    close = [V(1, "Heat", 1995, 3.0, 0), V(2, "Heat", 1995, 0.9, 0)]
    assert decide(score_candidates(Query("Heat", 1995), close)).state == "ambiguous"
    # A catalog that gives votes to the namesakes only: the famous film's popularity still speaks.
    unknown = [V(1, "Heat", 1995, 45.0, 0), V(2, "Heat", 1995, 0.7, 4)]
    assert decide(score_candidates(Query("Heat", 1995), unknown)).best.tmdb_id == 1


def test_candidate_from_a_search_result_carries_votes():
    item = {"id": 949, "title": "Heat", "release_date": "1995-12-15", "popularity": 45.3, "vote_count": 7000}
    assert candidate_from_result(item, "movie").vote_count == 7000
    assert candidate_from_result({**item, "vote_count": "many"}, "movie").vote_count == 0


# --- title and subtitle ------------------------------------------------------------------------------


def test_the_full_title_beats_a_film_named_like_its_head():
    cands = [
        C(9502, "Kung Fu Panda", 2008, pop=72),
        C(15854, "Kung Fu Panda: Secrets of the Furious Five", 2008, pop=14),
    ]
    q = Query("Kung Fu Panda", 2008, full_title="Kung Fu Panda - Secrets of the Furious Five")
    d = decide(score_candidates(q, cands))
    assert d.state == "matched" and d.best.tmdb_id == 15854
    # The head alone still matches a film whose TMDb title is only the head (Star Wars - A New Hope).
    d = decide(
        score_candidates(
            Query("Star Wars", 1977, full_title="Star Wars - A New Hope"), [C(11, "Star Wars", 1977)]
        )
    )
    assert d.state == "matched" and d.best.tmdb_id == 11


def test_parts_of_a_saga_are_told_apart():
    cands = [C(8881, "Che: Part One", 2008, pop=12.6), C(8880, "Che: Part Two", 2008, pop=11.9)]
    q = Query("Che", 2008, alternative_titles=("Che Part 2",), full_title="Che - Part Two")
    d = decide(score_candidates(q, cands))
    assert d.state == "matched" and d.best.tmdb_id == 8880


def test_a_skipped_middle_still_matches():
    cands = [
        C(1893, "Star Wars: Episode I - The Phantom Menace", 1999, pop=45),
        C(11, "Star Wars", 1977, pop=78),
    ]
    q = Query("Star Wars", 1999, full_title="Star Wars - The Phantom Menace")
    d = decide(score_candidates(q, cands))
    assert d.state == "matched" and d.best.tmdb_id == 1893
    hp = [C(12444, "Harry Potter and the Deathly Hallows: Part 1", 2010, pop=86),
          C(12445, "Harry Potter and the Deathly Hallows: Part 2", 2011, pop=90)]  # fmt: skip
    d = decide(score_candidates(Query("Harry Potter", None, full_title="Harry Potter - Part 2"), hp))
    assert d.state == "matched" and d.best.tmdb_id == 12445


def test_spelled_out_letters_are_no_roman_numerals():
    assert title_similarity("V.H.S.2.", "V/H/S/2") > 0.95
    assert title_similarity("Rocky V", "Rocky") < 0.7  # a real roman numeral still counts
