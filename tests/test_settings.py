import pytest

from assistant.settings import ROOT, Settings


def test_env_overrides_and_types():
    s = Settings.from_env(env={"ASSISTANT_TOP_K": "5", "ASSISTANT_ANONYMOUS": "yes",
                               "ASSISTANT_MIN_CONFIDENCE": "0.5"})
    assert (s.top_k, s.anonymous, s.min_confidence) == (5, True, 0.5)


def test_bad_value_names_the_variable():
    with pytest.raises(ValueError, match="ASSISTANT_TOP_K"):
        Settings.from_env(env={"ASSISTANT_TOP_K": "many"})


def test_every_setting_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name, _, _ in Settings.help() if f"`{name}`" not in readme]
    assert not missing, f"add these to the README settings table: {missing}"
