"""Language detection: fixed seed, Kazakh told from Russian by its own letters."""

from aligner.langid import detect, has_kazakh_letters, kazakh_letter_share


def test_detection_is_deterministic_and_right_for_our_languages():
    samples = {
        "en": "The two sides agreed to deepen cooperation in trade, investment and energy.",
        "zh": "双方同意深化贸易、投资和能源领域合作。",
        "ru": "Стороны договорились углублять сотрудничество в области торговли и энергетики.",
        "kk": "Тараптар сауда, инвестиция және энергетика салаларындағы ынтымақтастықты тереңдетуге келісті.",
    }
    for lang, text in samples.items():
        first = detect(text)
        assert first is not None and first.lang == lang
        assert detect(text) == first


def test_russian_with_a_kazakh_name_stays_russian():
    text = ("Президент Республики Казахстан Касым-Жомарт Токаев провел переговоры в Сиане, "
            "где обсуждались вопросы торговли, инвестиций, транспорта и культуры (Қасым-Жомарт).")
    assert detect(text).lang == "ru"


def test_kazakh_letters():
    assert has_kazakh_letters("Тоқаев") and not has_kazakh_letters("Токаев")
    assert kazakh_letter_share("қққ ааа") == 0.5


def test_nothing_to_detect():
    assert detect("2023 — 17 / 5") is None
