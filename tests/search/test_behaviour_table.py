"""The behaviour table: the same Vietnamese queries give the same answers on every engine.

Runs on SQLite and PostgreSQL (the database backend) in the plain suite, and on
OpenSearch in the run where ops/test-suite.sh exports SEARCH_URL.
"""

import pytest

from search.results import autocomplete, run_search

from .conftest import ENGINES, engine_in_use

pytestmark = pytest.mark.django_db

# (query, title expected first, titles that must also be found)
FIRST = [
    ("cap phep xay dung", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
    ("Cấp giấy phép xây dựng", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
    ("giay phep", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
    ("dang ky kinh doanh", "Đăng ký kinh doanh hộ cá thể"),
    ("Đăng ký kinh doanh", "Đăng ký kinh doanh hộ cá thể"),
    ("ĐĂNG KÝ KINH DOANH", "Đăng ký kinh doanh hộ cá thể"),
    ("đạt chuẩn", "Xã đạt chuẩn nông thôn mới năm 2024"),
    ("dat chuan", "Xã đạt chuẩn nông thôn mới năm 2024"),
    ("nông thôn mới", "Xã đạt chuẩn nông thôn mới năm 2024"),
    ("07/KH-UBND", "Kế hoạch 07/KH-UBND ứng dụng công nghệ thông tin"),
    ("07/kh-ubnd", "Kế hoạch 07/KH-UBND ứng dụng công nghệ thông tin"),
    ("ke hoach 07", "Kế hoạch 07/KH-UBND ứng dụng công nghệ thông tin"),
    ("1.001612", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
    ("2.000908", "Thủ tục 2.000908 chứng thực bản sao từ bản chính"),
    ("15/2011/QĐ-UBND", "Quyết định 15/2011/QĐ-UBND về quản lý cổng thông tin"),
    ("15/2011/QD-UBND", "Quyết định 15/2011/QĐ-UBND về quản lý cổng thông tin"),
    ("can cuoc cong dan", "Cấp lại thẻ căn cước công dân"),
    ("căn cước", "Cấp lại thẻ căn cước công dân"),
    ("nop ho so truc tuyen", "Hướng dẫn nộp hồ sơ trực tuyến"),
    ("tiem chung", "Tiêm chủng mở rộng cho trẻ em"),
    ("vac xin", "Tiêm chủng mở rộng cho trẻ em"),
    ("hoc phi", "Chính sách hỗ trợ học phí"),
    ("quy hoach su dung dat", "Quy hoạch sử dụng đất cấp huyện"),
    ("duong tran hung dao", "Đường Trần Hưng Đạo được nâng cấp"),
    ("Đường Trần Hưng Đạo", "Đường Trần Hưng Đạo được nâng cấp"),
    ("bao hiem xa hoi", "Bảo hiểm xã hội tự nguyện"),
    ("BẢO HIỂM", "Bảo hiểm xã hội tự nguyện"),
    ("chứng thực bản sao", "Thủ tục 2.000908 chứng thực bản sao từ bản chính"),
    ("phong chong dich", "Thông báo lịch tiếp công dân"),
    ("trồng lúa", "Đất trồng lúa và chuyển mục đích"),
]

# (query, title that must come before, title that must come after)
BEFORE = [
    # Exact accents first: "đạt" and "đất" both fold to "dat".
    ("đạt", "Xã đạt chuẩn nông thôn mới năm 2024", "Giao đất, cho thuê đất cho tổ chức"),
    ("đất", "Giao đất, cho thuê đất cho tổ chức", "Xã đạt chuẩn nông thôn mới năm 2024"),
    ("đất", "Đất trồng lúa và chuyển mục đích", "Xã đạt chuẩn nông thôn mới năm 2024"),
    # Title matches outrank body matches.
    ("quy hoach su dung dat", "Quy hoạch sử dụng đất cấp huyện", "Thông tin chung về tỉnh"),
    ("tiem chung", "Tiêm chủng mở rộng cho trẻ em", "Thông báo lịch tiếp công dân"),
]

# Both of these must be found (accent-insensitive body matches).
FOUND = [
    ("uy ban nhan dan", {"Đăng ký kinh doanh hộ cá thể", "Thủ tục 2.000908 chứng thực bản sao từ bản chính"}),
    ("dat", {"Xã đạt chuẩn nông thôn mới năm 2024", "Giao đất, cho thuê đất cho tổ chức"}),
    ("quy hoach su dung dat", {"Quy hoạch sử dụng đất cấp huyện", "Thông tin chung về tỉnh"}),
]

NOTHING = ["khong co tu nay xyzq", "07/KH-XYZQ"]

# Typos: (query as typed, the correction shown, title expected first, note). A query that finds
# nothing and has one nearest indexed spelling shows that spelling's results at once.
TYPOS = [
    ("dang ky kinh doanhh", "đăng ký kinh doanh", "Đăng ký kinh doanh hộ cá thể", "a doubled last letter"),
    ("dnag ky kinh doanh", "đăng ký kinh doanh", "Đăng ký kinh doanh hộ cá thể", "two letters swapped"),
    ("giay pheo xay dung", "giấy phép xây dựng", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "a neighbouring key"),
    ("tiem chungg", "tiêm chủng", "Tiêm chủng mở rộng cho trẻ em", "accents restored from the results"),
    ("căn cướcc", "căn cước", "Cấp lại thẻ căn cước công dân", "typed with accents, one letter too many"),
    ("bao hiemm xa hoi", "bảo hiểm xã hội", "Bảo hiểm xã hội tự nguyện", "unaccented, one letter too many"),
]

# Queries no correction may touch: every word is indexed, or a word has no near indexed word.
NOT_CORRECTED = [
    ("dang ky kinh doanh", "every word is indexed"),
    ("khong co tu nay xyzq", "xyzq is nothing like an indexed word"),
    ("07/KH-XYZQ", "numbers and short words are never corrected"),
]

AUTOCOMPLETE = [
    ("dang k", "Đăng ký kinh doanh hộ cá thể"),
    ("Đăng k", "Đăng ký kinh doanh hộ cá thể"),
    ("giay ph", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
    ("tiêm ch", "Tiêm chủng mở rộng cho trẻ em"),
    ("duong tran", "Đường Trần Hưng Đạo được nâng cấp"),
]


def titles(query):
    return [hit.title for hit in run_search(query, per_page=50).hits]


def _check_engine(engine):
    outcome = run_search("thủ tục")
    if engine == "opensearch":
        assert engine_in_use() and outcome.backend == "default" and not outcome.fell_back
    else:
        assert outcome.backend == "database"


@pytest.mark.parametrize("engine", ENGINES)
def test_vietnamese_queries_find_the_expected_page_first(engine, corpus, subtests):
    _check_engine(engine)
    for query, expected in FIRST:
        with subtests.test(query=query):
            found = titles(query)
            assert found and found[0] == expected, found


@pytest.mark.parametrize("engine", ENGINES)
def test_exact_accents_and_titles_rank_first(engine, corpus, subtests):
    _check_engine(engine)
    for query, first, second in BEFORE:
        with subtests.test(query=query, first=first):
            found = titles(query)
            assert first in found and second in found, found
            assert found.index(first) < found.index(second), found


@pytest.mark.parametrize("engine", ENGINES)
def test_unaccented_queries_find_every_accented_spelling(engine, corpus, subtests):
    _check_engine(engine)
    for query, expected in FOUND:
        with subtests.test(query=query):
            assert expected <= set(titles(query))
    for query in NOTHING:
        with subtests.test(query=query):
            assert titles(query) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_typos_show_the_results_of_the_nearest_indexed_spelling(engine, corpus, subtests):
    _check_engine(engine)
    for query, shown, expected, note in TYPOS:
        with subtests.test(query=query, note=note):
            outcome = run_search(query, per_page=50)
            assert (outcome.corrected_from, outcome.query) == (query, shown)
            assert outcome.hits and outcome.hits[0].title == expected, [hit.title for hit in outcome.hits]
    for query, note in NOT_CORRECTED:
        with subtests.test(query=query, note=note):
            outcome = run_search(query)
            assert not outcome.corrected_from and not outcome.suggestion


@pytest.mark.parametrize("engine", ENGINES)
def test_autocomplete_completes_the_last_word_without_accents(engine, corpus, subtests):
    _check_engine(engine)
    for query, expected in AUTOCOMPLETE:
        with subtests.test(query=query):
            suggestions = [item["title"] for item in autocomplete(query)]
            assert expected in suggestions and len(suggestions) <= 10, suggestions
