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


# --- How citizens speak: synonyms, abbreviations, i/y spellings, the full procedure record ---
# Run over the demo procedure catalogue (services/demo_data), the guidance pages above, the
# pages below and the shipped synonym list (search/data/synonyms.json). Each case says what it proves.

SPELLING_PAGES = [
    "Hỗ trợ kỹ thuật cho hợp tác xã",
    "Tập huấn kĩ thuật nuôi tôm",
    "Tỷ lệ hộ nghèo giảm còn 2%",
    "Tỉ lệ trẻ em đi học đúng tuổi",
    "Bác sĩ về công tác tại trạm y tế xã",
    "Đội ngũ bác sỹ gia đình",
    "Gia đình liệt sĩ hy sinh được thăm hỏi",
    "Triển lãm Mỹ thuật ứng dụng",
    "Lịch thi học kì II",
    "Kỳ họp thứ 10 Hội đồng nhân dân tỉnh",
    "Công ty cấp nước thông báo lịch ngừng cấp nước",
    "Tai nạn giao thông giảm ba năm liền",
    "Tuyên truyền phổ biến pháp luật",
    "Kiểm tra vệ sinh an toàn thực phẩm bếp ăn trường học",
    "Hội thảo an toàn thực phẩm nông sản",
    "Thực phẩm chức năng an toàn cho người cao tuổi",
]

# (query, title expected first, what it proves)
SPOKEN_FIRST = [
    ("sang tên sổ đỏ", "Đăng ký biến động quyền sử dụng đất do chuyển nhượng", "“sang tên” is chuyển nhượng"),
    ("CCCD", "Cấp lại thẻ căn cước công dân", "an abbreviation finds the full name"),
    ("cccd", "Cấp lại thẻ căn cước công dân", "abbreviations match in any case"),
    ("cấp lại CCCD", "Cấp lại thẻ căn cước công dân", "an abbreviation inside a longer query"),
    ("GPLX", "Cấp đổi giấy phép lái xe", "GPLX is giấy phép lái xe"),
    ("đổi bằng lái", "Cấp đổi giấy phép lái xe", "the colloquial “bằng lái”, with another word"),
    ("doi bang lai xe", "Cấp đổi giấy phép lái xe", "a colloquial term typed without accents"),
    ("giấy khai sinh", "Đăng ký khai sinh", "one-way: the paper citizens ask for finds the procedure"),
    ("giay khai sinh", "Đăng ký khai sinh", "the same without accents"),
    ("giấy chứng tử", "Đăng ký khai tử", "one-way: giấy chứng tử is khai tử"),
    ("giấy độc thân", "Cấp giấy xác nhận tình trạng hôn nhân", "the colloquial name of the marital status paper"),
    ("xac nhan doc than", "Cấp giấy xác nhận tình trạng hôn nhân", "the same, accent-free"),
    ("giấy kết hôn", "Đăng ký kết hôn", "one-way: giấy kết hôn is đăng ký kết hôn"),
    ("LLTP", "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", "LLTP is lý lịch tư pháp"),
    ("tiền mai táng", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "tiền mai táng is chi phí mai táng"),
    ("cây xăng", "Cấp giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu", "cây xăng is a xăng dầu shop"),
    ("chuyển trường cấp 3", "Chuyển trường đối với học sinh trung học phổ thông", "cấp 3 is trung học phổ thông"),
    ("mẫu giáo tư thục", "Cho phép trường mầm non tư thục hoạt động giáo dục", "mẫu giáo is mầm non"),
    ("ĐTM", "Thẩm định báo cáo đánh giá tác động môi trường", "ĐTM is đánh giá tác động môi trường"),
    ("dtm", "Thẩm định báo cáo đánh giá tác động môi trường", "an abbreviation with đ typed as d"),
    ("KCB", "Cấp lại chứng chỉ hành nghề khám bệnh, chữa bệnh", "a phrase matches across the comma"),
    ("CCHN dược", "Cấp chứng chỉ hành nghề dược", "an abbreviation with a plain word"),
    ("work permit", "Cấp giấy phép lao động cho người lao động nước ngoài", "the English name foreigners use"),
    ("BHXH", "Bảo hiểm xã hội tự nguyện", "BHXH is bảo hiểm xã hội"),
    ("lí lịch tư pháp", "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", "i/y inside a multi-word term"),
    ("li lich tu phap", "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", "the same, accent-free"),
    ("chữ kí", "Chứng thực chữ ký trong giấy tờ, văn bản", "kí finds ký"),
]

# (query, titles that must all be found, what it proves)
SPOKEN_FOUND = [
    ("sổ đỏ", {"Đăng ký đất đai, tài sản gắn liền với đất lần đầu"}, "sổ đỏ is the land use right certificate"),
    ("so do", {"Đăng ký đất đai, tài sản gắn liền với đất lần đầu"}, "sổ đỏ typed without accents"),
    ("SỔ HỒNG", {"Đăng ký biến động quyền sử dụng đất do chuyển nhượng"}, "sổ hồng, in capitals"),
    ("CMND", {"Cấp lại thẻ căn cước công dân"}, "one-way: the old ID card leads to the new one"),
    ("chứng minh thư", {"Cấp lại thẻ căn cước công dân"}, "the colloquial name of the old ID card"),
    (
        "giấy phép kinh doanh",
        {"Đăng ký kinh doanh hộ cá thể", "Đăng ký kinh doanh – thành lập doanh nghiệp tư nhân"},
        "citizens call business registration a business licence",
    ),
    ("ĐKKD", {"Đăng ký kinh doanh hộ cá thể"}, "ĐKKD is đăng ký kinh doanh"),
    ("mở công ty", {"Đăng ký kinh doanh – thành lập doanh nghiệp tư nhân"}, "mở công ty is thành lập doanh nghiệp"),
    ("HĐND", {"Kỳ họp thứ 10 Hội đồng nhân dân tỉnh"}, "HĐND is Hội đồng nhân dân"),
    ("hdnd", {"Kỳ họp thứ 10 Hội đồng nhân dân tỉnh"}, "an abbreviation with đ typed as d, lower case"),
    ("UBND cấp xã", {"Thủ tục 2.000908 chứng thực bản sao từ bản chính"}, "UBND inside a longer query"),
    (
        "công chứng bản sao",
        {"Chứng thực bản sao từ bản chính giấy tờ, văn bản"},
        "citizens say công chứng for chứng thực",
    ),
    ("sao y bản chính", {"Chứng thực bản sao từ bản chính giấy tờ, văn bản"}, "sao y is chứng thực bản sao"),
    ("GPXD", {"Cấp giấy phép xây dựng nhà ở riêng lẻ"}, "GPXD is giấy phép xây dựng"),
    ("xây nhà", {"Cấp giấy phép xây dựng nhà ở riêng lẻ"}, "one-way: xây nhà is xây dựng nhà ở"),
    ("sửa nhà", {"Cấp giấy phép xây dựng sửa chữa, cải tạo công trình"}, "one-way: sửa nhà is sửa chữa, cải tạo"),
    (
        "KHCN",
        {"Đăng ký đề tài khoa học công nghệ cấp tỉnh", "Đăng ký thực hiện nhiệm vụ khoa học và công nghệ cấp cơ sở"},
        "both written forms, with and without “và”",
    ),
    ("nộp online", {"Đăng ký kinh doanh – thành lập doanh nghiệp tư nhân"}, "nộp online is dịch vụ công trực tuyến"),
    # The full procedure record: legal basis, steps, dossier documents.
    (
        "Luật Hộ tịch",
        {"Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Cấp giấy xác nhận tình trạng hôn nhân"},
        "the legal basis is indexed",
    ),
    ("luat ho tich", {"Đăng ký khai sinh", "Đăng ký kết hôn"}, "the legal basis, accent-free"),
    (
        "Luật Đất đai",
        {"Đăng ký biến động quyền sử dụng đất do chuyển nhượng", "Giao đất, cho thuê đất đối với tổ chức"},
        "a law cited by several procedures finds them all",
    ),
    ("60/2014/QH13", {"Đăng ký khai sinh", "Đăng ký kết hôn"}, "a law's number in the legal basis"),
    (
        "Nghị định 23/2015/NĐ-CP",
        {
            "Chứng thực chữ ký trong giấy tờ, văn bản",
            "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
        },
        "a decree with its number",
    ),
    ("định danh điện tử", {"Đăng ký kinh doanh – thành lập doanh nghiệp tư nhân"}, "the steps are indexed"),
    ("bản vẽ thiết kế", {"Cấp giấy phép xây dựng nhà ở riêng lẻ"}, "the dossier documents are indexed"),
    # i/y: the same syllable in both spellings, with and without accents.
    ("kỹ thuật", {"Hỗ trợ kỹ thuật cho hợp tác xã", "Tập huấn kĩ thuật nuôi tôm"}, "ký finds kĩ"),
    ("kĩ thuật", {"Hỗ trợ kỹ thuật cho hợp tác xã", "Tập huấn kĩ thuật nuôi tôm"}, "kĩ finds kỹ"),
    ("ky thuat", {"Hỗ trợ kỹ thuật cho hợp tác xã", "Tập huấn kĩ thuật nuôi tôm"}, "ky finds ki, folded"),
    ("tỉ lệ", {"Tỷ lệ hộ nghèo giảm còn 2%", "Tỉ lệ trẻ em đi học đúng tuổi"}, "tỉ finds tỷ"),
    ("ty le", {"Tỷ lệ hộ nghèo giảm còn 2%", "Tỉ lệ trẻ em đi học đúng tuổi"}, "ty finds ti, folded"),
    ("bác sỹ", {"Bác sĩ về công tác tại trạm y tế xã", "Đội ngũ bác sỹ gia đình"}, "s is an i/y onset"),
    ("liệt sỹ hi sinh", {"Gia đình liệt sĩ hy sinh được thăm hỏi"}, "two i/y words in one query; h is an onset"),
    ("Mĩ thuật", {"Triển lãm Mỹ thuật ứng dụng"}, "Mĩ finds Mỹ, in any case"),
    ("học kỳ", {"Lịch thi học kì II"}, "kỳ finds kì"),
    ("kì họp HĐND", {"Kỳ họp thứ 10 Hội đồng nhân dân tỉnh"}, "i/y and an abbreviation together"),
    ("công ti", {"Công ty cấp nước thông báo lịch ngừng cấp nước"}, "ti finds ty"),
    (
        "an toàn thực phẩm",
        {"Kiểm tra vệ sinh an toàn thực phẩm bếp ăn trường học", "Hội thảo an toàn thực phẩm nông sản"},
        "a term whose longer synonym holds it (vệ sinh an toàn thực phẩm) finds both",
    ),
    (
        "VSATTP",
        {"Kiểm tra vệ sinh an toàn thực phẩm bếp ăn trường học", "Hội thảo an toàn thực phẩm nông sản"},
        "an abbreviation of the longer term finds the shorter one too, as the list says",
    ),
]

# (query, title that must come before, title that must come after, what it proves)
SPOKEN_BEFORE = [
    (
        "hộ tịch",
        "Đăng ký thay đổi, cải chính hộ tịch",
        "Đăng ký khai sinh",
        "a title match outranks a legal-basis match",
    ),
    (
        "đất đai",
        "Đăng ký đất đai, tài sản gắn liền với đất lần đầu",
        "Giao đất, cho thuê đất đối với tổ chức",
        "the legal basis weighs less than the title",
    ),
]

# (query, title that must not be found, what it proves)
SPOKEN_NOT_FOUND = [
    ("tay nạn giao thông", "Tai nạn giao thông giảm ba năm liền", "ay and ai are different rhymes"),
    ("tuiên truyền", "Tuyên truyền phổ biến pháp luật", "yê is not an i/y variant"),
    ("i tế", "Bác sĩ về công tác tại trạm y tế xã", "y alone (y tế) keeps its spelling"),
    (
        "an toan thuc pham",
        "Thực phẩm chức năng an toàn cho người cao tuổi",
        "a term is searched as a phrase: its words in another order are not it",
    ),
]


@pytest.fixture
def spoken_corpus(corpus, procedures, default_synonyms, home_page):
    from .conftest import add_page, reindex

    for title in SPELLING_PAGES:
        add_page(home_page, title)
    reindex()


@pytest.mark.parametrize("engine", ENGINES)
def test_citizens_words_find_the_procedures_they_mean(engine, spoken_corpus, subtests):
    _check_engine(engine)
    for query, expected, note in SPOKEN_FIRST:
        with subtests.test(query=query, proves=note):
            found = titles(query)
            assert found and found[0] == expected, found
    for query, expected, note in SPOKEN_FOUND:
        with subtests.test(query=query, proves=note):
            found = set(titles(query))
            assert expected <= found, expected - found
    for query, first, second, note in SPOKEN_BEFORE:
        with subtests.test(query=query, proves=note):
            found = titles(query)
            assert first in found and second in found, found
            assert found.index(first) < found.index(second), found
    for query, unwanted, note in SPOKEN_NOT_FOUND:
        with subtests.test(query=query, proves=note):
            assert unwanted not in titles(query)
