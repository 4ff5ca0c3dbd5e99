from videomanager.core.matcher import Query, decide, score_candidates, title_similarity
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
