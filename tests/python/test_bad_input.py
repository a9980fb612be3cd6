"""Bad input raises crossalign.Error subclasses that carry the code and a message naming the input."""

import pathlib

import pytest

import crossalign
from crossalign import StatusCode

GOOD = "The bridge reopened on Friday. Trains will cross it daily."


def test_empty_text():
    with pytest.raises(crossalign.FailedPreconditionError) as e:
        crossalign.align("", GOOD)
    assert e.value.code == StatusCode.FAILED_PRECONDITION
    assert "src" in e.value.message and "empty" in e.value.message
    with pytest.raises(crossalign.FailedPreconditionError) as e:
        crossalign.align(GOOD, "  \n\t ", tgt_name="article B")
    assert "article B" in str(e.value)
    with pytest.raises(crossalign.Error):
        crossalign.align([], ["One."])


def test_missing_file(tmp_path):
    missing = tmp_path / "missing.en.txt"
    with pytest.raises(crossalign.NotFoundError) as e:
        crossalign.align(missing, pathlib.Path(__file__))
    assert e.value.code == StatusCode.NOT_FOUND
    assert str(missing) in e.value.message
    assert isinstance(e.value, crossalign.Error)


def test_directory_as_article(tmp_path):
    with pytest.raises(crossalign.InvalidArgumentError) as e:
        crossalign.align(tmp_path, tmp_path)
    assert str(tmp_path) in e.value.message


def test_binary_file(tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x00 not text \x00" * 20)
    with pytest.raises(crossalign.DataLossError) as e:
        crossalign.align(binary, GOOD)
    assert "binary.txt" in e.value.message


def test_invalid_utf8_text_is_refused_by_python():
    # A str cannot hold invalid UTF-8 but can hold a lone surrogate, which
    # is what decoding invalid bytes with surrogateescape gives.
    broken = b"Caf\xe9 au lait. The bridge reopened.".decode("utf-8", "surrogateescape")
    with pytest.raises(crossalign.InvalidArgumentError) as e:
        crossalign.align(broken, GOOD)
    assert "src" in e.value.message and "surrogate" in e.value.message


def test_invalid_utf8_bytes_are_decoded_like_a_file(tmp_path):
    # Bytes in a legacy encoding are decoded as the align tool decodes a file.
    raw = "Кафе відкрилося в понеділок. Міст знову працює.".encode("windows-1251")
    path = tmp_path / "cp1251.txt"
    path.write_bytes(raw)
    from_bytes = crossalign.split(raw)
    from_file = crossalign.split(path)
    assert [s.text for s in from_bytes] == [s.text for s in from_file]
    assert from_bytes[0].text == "Кафе відкрилося в понеділок."


def test_corrupt_model(tmp_path):
    model = tmp_path / "lid.176.ftz"
    model.write_bytes(b"this is not a fastText model" * 10)
    with pytest.raises(crossalign.Error) as e:
        crossalign.align(GOOD, GOOD, lid_model=model)
    assert str(model) in e.value.message
    assert e.value.code in (StatusCode.DATA_LOSS, StatusCode.INVALID_ARGUMENT)


def test_missing_model(tmp_path):
    with pytest.raises(crossalign.NotFoundError) as e:
        crossalign.detect(GOOD, lid_model=tmp_path / "nowhere.ftz")
    assert "nowhere.ftz" in e.value.message


def test_bad_options():
    with pytest.raises(crossalign.InvalidArgumentError) as e:
        crossalign.align(GOOD, GOOD, mode="sideways")
    assert "sideways" in str(e.value)
    with pytest.raises(crossalign.InvalidArgumentError) as e:
        crossalign.align(GOOD, GOOD, src_lang="english")
    assert "src_lang" in str(e.value)
    with pytest.raises(crossalign.InvalidArgumentError):
        crossalign.align(GOOD, 42)
    with pytest.raises(ValueError):  # the error classes are ValueErrors where it fits
        crossalign.align(GOOD, GOOD, mode="sideways")


def test_missing_dictionary(tmp_path):
    with pytest.raises(crossalign.NotFoundError) as e:
        crossalign.align(GOOD, GOOD, dictionary=tmp_path / "none.dict")
    assert "none.dict" in e.value.message


def test_malformed_tmx(tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx version='1.4'><header/><body><tu>", encoding="utf-8")
    with pytest.raises(crossalign.DataLossError) as e:
        crossalign.read_tmx(bad)
    assert "bad.tmx" in e.value.message
    with pytest.raises(crossalign.NotFoundError):
        crossalign.read_tmx(tmp_path / "absent.tmx")


def test_articles_need_two(tmp_path):
    with pytest.raises(crossalign.FailedPreconditionError):
        crossalign.align_articles([GOOD])
