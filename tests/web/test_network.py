"""The actor network legible at 50+ actors (issue 12, deliverable 5): labels that name the country where two actors
would read the same, no overlapping labels at 60 actors, a note when more actors match than are drawn, and the
timeline below it as the network's time slider - in headless Chromium."""

from __future__ import annotations

import pytest

from tests.web.test_dashboard import ARTIFACTS, _assert_readable, _label_boxes, browser_page, serving


@pytest.fixture()
def page(fused_store_url):
    with serving(fused_store_url) as base, browser_page(base) as page:
        yield page


def _draw(page, nodes: int, actors: int | None = None) -> list[str]:
    page.click("button[data-tab=network]")
    page.wait_for_selector("#network-svg[data-nodes]", state="attached")
    return page.evaluate("""([count, total]) => {
      const countries = ["Libya", "Syria", "Yemen", "Sudan", "Mali", "Somalia"];
      const nodes = [], edges = [];
      for (let i = 0; i < total; i++) nodes.push({id: `gen.x${i}.${countries[i % 6].slice(0, 2).toUpperCase()}`,  // unique
        events: 200 - i, name: i % 4 === 0 && i < 24 ? `Civilians (${countries[i / 4]})`
          : (i % 4 === 1 ? `Military Forces of ${countries[i % 6]} (2014-) Brigade ${i}` : `Militia ${i} (${countries[i % 6]})`)});
      for (let i = 1; i < count; i++) edges.push({source: nodes[i % 7].id, target: nodes[i].id,
        kind: i % 5 ? "fights" : "supports", weight: 1 + (i % 6)});
      Network.draw(document.getElementById("network-svg"), {nodes, edges});
      return Object.values(Object.fromEntries(Network.labels(nodes.slice(0, 60))));
    }""", [nodes, actors or nodes])


@pytest.mark.browser
def test_two_actors_of_one_name_are_told_apart_by_their_country(page) -> None:
    labels = page.evaluate("""() => Object.fromEntries(Network.labels([
      {id: "gen.civilians.LY", name: "Civilians (Libya)"}, {id: "gen.civilians.SY", name: "Civilians (Syria)"},
      {id: "lby.police", name: "Police Forces of Libya (2014-) Tobruk"}, {id: "sdn.police", name: "Police Forces of Sudan (2019-) Tobruk"},
      {id: "lby.lna", name: "Military Forces of Libya (2014-) Libyan National Army"}]))""")
    assert labels["gen.civilians.LY"] == "Civilians (Libya)" and labels["gen.civilians.SY"] == "Civilians (Syria)"
    assert labels["lby.police"] != labels["sdn.police"]
    assert labels["lby.lna"] == "Libyan National Army"


@pytest.mark.browser
def test_sixty_actors_are_drawn_without_overlapping_labels(page) -> None:
    full = _draw(page, 60, 75)
    assert len(set(full)) == len(full) == 60  # no two actors read the same
    assert page.get_attribute("#network-svg", "data-nodes") == "60"
    assert "the 60 most active of 75 actors" in page.text_content("#network-svg .net-note")
    svg, labels = _label_boxes(page)
    _assert_readable(svg, labels)
    texts = [label["text"] for label in labels]
    assert len(texts) >= 30  # the rest show on hover
    assert any(t.startswith("Civilians (") for t in texts) and "Civilians" not in texts
    page.screenshot(path=str(ARTIFACTS / "network-60.png"))


@pytest.mark.browser
def test_the_timeline_is_the_networks_time_slider(page) -> None:
    page.click("button[data-tab=network]")
    page.wait_for_selector("#network-svg[data-nodes='3']", state="attached")
    box = page.locator("#timeline").bounding_box()
    assert box is not None and page.locator("#timeline").is_visible()  # under the network as under the map
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + 20)
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('since=20')")
    assert page.locator("#range-label").inner_text() != "all"
    # only the 2020 protest (one actor) is left in these dates: no pair of actors
    page.wait_for_function("() => !document.querySelector('#network-svg').dataset.nodes || "
                           "document.querySelector('#network-svg text.empty')")


@pytest.mark.browser
def test_sixty_actors_do_not_pile_up(page) -> None:
    _draw(page, 60)
    circles = page.eval_on_selector_all("#network-svg .node circle", "cs => cs.map(c => "
                                        "[+c.getAttribute('cx'), +c.getAttribute('cy'), +c.getAttribute('r')])")
    assert len(circles) == 60
    piled = [(a, b) for i, a in enumerate(circles) for b in circles[i + 1:]
             if ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 < a[2] + b[2]]
    assert not piled
