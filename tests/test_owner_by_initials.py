"""A fault the natural questions showed (thirty-seventh session): "Who is the chief economist of the
National Association of Realtors?" abstained, although a sentence gives "NAR chief economist Lawrence
Yun": the title's owner written by its initials was taken for another owner. English shortens a
body's name to its initials, so those letters are the same owner.
The real engine (the real model and spaCy) on made-up articles."""

from __future__ import annotations

from conftest import made_up


def test_an_owner_written_by_its_initials_is_the_same(fresh_engine, tmp_path):
    made_up(fresh_engine, tmp_path,
            {"title": "Candy sales slip as prices climb", "source": "Trade Daily", "published_at": "2023-10-20",
             "body": "Candy sales fell 12% in September from a year earlier, according to the National Confectioners Association. "
                     "“High prices and weak demand continue to hamper sales,” NCA chief economist Maria Kestrel said in a statement. "
                     "The association counts 4,000 member firms."})
    a = fresh_engine.ask("Who is the chief economist of the National Confectioners Association?")
    assert a.short.startswith("Maria Kestrel"), a.answer
