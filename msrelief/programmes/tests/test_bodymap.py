from msrelief.clients import regions
from msrelief.programmes import bodymap


def test_every_region_of_the_controlled_list_is_drawn_once_and_nothing_else_is():
    drawn = bodymap.drawn_regions()
    assert sorted(drawn) == sorted(regions.LABELS)
    assert len(drawn) == len(set(drawn))


def test_left_and_right_are_the_clients_own_in_both_views():
    def centre(shape):
        return shape.x + shape.w / 2 if shape.kind == "rect" else shape.x

    shapes = {s.region: s for _, _, view in bodymap.VIEWS for s in view if s.region}
    # front: the client's left is on the viewer's right
    assert centre(shapes["thigh_left"]) > centre(shapes["thigh_right"])
    assert centre(shapes["hand_left"]) > centre(shapes["hand_right"])
    # back: the client's left is on the viewer's left
    assert centre(shapes["shoulder_left"]) < centre(shapes["shoulder_right"])
    assert centre(shapes["hip_left"]) < centre(shapes["hip_right"])


def test_each_region_is_big_enough_to_hit_and_lies_above_every_outline_shape():
    for _, _, shapes in bodymap.VIEWS:
        regions_seen = False
        for shape in shapes:
            width, height = (
                (shape.w, shape.h) if shape.kind == "rect" else (2 * shape.w, 2 * shape.h)
            )
            if shape.region:
                regions_seen = True
                # 20 drawing units is 25 px at the map's 16rem width on a phone
                assert min(width, height) >= 20, shape.region
            else:
                assert not regions_seen, "an outline shape is drawn over a region"


def test_a_snomed_code_is_given_only_for_a_region_of_the_list_and_says_where_it_was_checked():
    assert set(regions.SNOMED) <= set(regions.LABELS)
    for code, (concept, display, source) in regions.SNOMED.items():
        assert concept.isdigit() and display and source, code
        assert regions.snomed(code) == concept
    assert regions.snomed("hip_left") == ""  # no code was checked for it
