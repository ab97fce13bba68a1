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
    text = (
        "Президент Республики Казахстан Касым-Жомарт Токаев провел переговоры в Сиане, "
        "где обсуждались вопросы торговли, инвестиций, транспорта и культуры (Қасым-Жомарт)."
    )
    assert detect(text).lang == "ru"


def test_kazakh_letters():
    assert has_kazakh_letters("Тоқаев") and not has_kazakh_letters("Токаев")
    assert kazakh_letter_share("қққ ааа") == 0.5


def test_nothing_to_detect():
    assert detect("2023 — 17 / 5") is None


def test_russian_evidence_in_cyrillic_without_kazakh_letters():
    from aligner.langid import russian_evidence

    assert russian_evidence("Файлы и папки").words == ("и",)
    assert russian_evidence("Сохранить файл").endings == ("сохранить",)
    assert russian_evidence("Файлды сақтау") is None  # Kazakh letters: Kazakh
    plain = russian_evidence("Баптаулар")
    assert not plain.words and not plain.endings  # nothing Russian about it
    # a name is no evidence: "Остров Мэн" reads the same in Kazakh
    assert not russian_evidence("Остров Мэн").words


def test_kazakh_russian_detector_is_loaded_only_when_asked():
    import subprocess
    import sys

    code = "import sys, aligner.checks; print('lingua' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    assert result.stdout.strip() == "False"
    from aligner.langid import is_russian_not_kazakh

    assert is_russian_not_kazakh("Запретить смену пользователя")
    assert not is_russian_not_kazakh("Пайдаланушыны ауыстыруға тыйым салу")
