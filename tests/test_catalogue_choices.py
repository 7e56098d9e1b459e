"""What a coach reads into a choice, as the catalogue and the value terms state it: the
standard lift before its specialist variation, the lift before a hold of it, a core drill as
trunk work only, and a four-set pattern as one main-lift dose. Each test fails without the
rule it names (found by the stop hook's week and the blind review of round 18)."""

from __future__ import annotations

from workbench.client import Client
from workbench.optimize.catalogue import catalogue
from workbench.optimize.terms import term_values
from workbench.problem import make_problem

FULL_GYM = ("barbell", "dumbbell", "bench", "cable", "machine", "pullup_bar", "band", "trap_bar")


def _catalogue(library, profiles, **fields):
    client = Client(**{"weekdays": ("Mon", "Wed", "Fri"), "minutes_per_session": 45, **fields})
    return catalogue(make_problem(library, client, profiles))


def test_the_heavy_hinge_is_the_standard_deadlift_not_the_deficit(library, profiles) -> None:
    """An advanced trail runner's one heavy hinge was a deficit deadlift, valued level with
    the conventional lift it varies (the stop hook's week of 2026-12-06)."""
    for sport in ("runner", "strength"):
        groups = _catalogue(library, profiles, equipment=FULL_GYM, level="advanced", sport=sport)
        heavy = {e.id for e in groups.heavy_hinge}
        assert "barbell_deadlift" in heavy and "deficit_deadlift" not in heavy, heavy


def test_a_hang_is_a_regression_where_the_pull_up_is_at_hand(library, profiles) -> None:
    """Rounds 13-18: a flexed-arm hang as the vertical pull of intermediates with a bar (and a
    cable stack); a plank or a carry is no hold of a lift."""
    groups = _catalogue(library, profiles, equipment=FULL_GYM, level="intermediate")
    assert "flexed_arm_hang" in groups.regressions
    assert not {"pull_up", "plank", "side_plank", "farmer_carry"} & groups.regressions


def test_a_core_drill_doses_the_trunk_not_the_shoulders(library, profiles) -> None:
    """Round 18: a bear crawl (abdominals; shoulders and quadriceps as secondaries) was a
    runner's filler, worth its shoulder credit where a dead bug was not. For the anterior
    muscles' dose the two drills are the same three sets of abdominal work."""
    groups = _catalogue(
        library, profiles, equipment=("kettlebell", "band", "pullup_bar"), sport="runner"
    )
    crawl = term_values(groups, {("bear_crawl", "Mon"): 3})
    bug = term_values(groups, {("dead_bug", "Mon"): 3})
    assert crawl["anterior_dose"] == bug["anterior_dose"] > 0


def test_a_four_set_press_goal_is_one_days_dose(library, profiles) -> None:
    """A runner's press goal is 4 sets a week: one main-lift dose, not two days of four sets
    (the stop hook's 5k runner: 12 press sets with the overhead press). A general client's
    six go on two days."""
    runner = _catalogue(library, profiles, equipment=FULL_GYM, sport="runner")
    once = term_values(runner, {("bench_press", "Mon"): 4})
    twice = term_values(runner, {("bench_press", "Mon"): 4, ("dumbbell_bench_press", "Fri"): 4})
    assert once["pattern_days"] == twice["pattern_days"]
    general = _catalogue(library, profiles, equipment=FULL_GYM)
    once = term_values(general, {("bench_press", "Mon"): 3})
    twice = term_values(general, {("bench_press", "Mon"): 3, ("dumbbell_bench_press", "Fri"): 3})
    assert twice["pattern_days"] > once["pattern_days"]


def test_a_back_to_spare_rows_seated_not_bent_over(library, profiles) -> None:
    """Round 18: a band bent-over row for a disc history, where a band seated row was at
    hand; light as the band is, the trunk is held bent over."""
    groups = _catalogue(library, profiles, equipment=("band",), avoid=("high_spinal_load",))
    bent = term_values(groups, {("band_bent_over_row", "Mon"): 3})
    seated = term_values(groups, {("band_seated_row", "Mon"): 3})
    assert bent["spine_sparing"] < seated["spine_sparing"] == 0


def test_a_dumbbell_bent_over_row_the_day_after_a_deadlift_loads_the_same_back(
    library, profiles
) -> None:
    """The stop hook's week of 2026-12-07: a deadlift on Friday, a dumbbell bent-over row on
    Saturday, a straight-leg deadlift on Sunday. A row on a bench is another matter."""
    groups = catalogue(
        make_problem(
            library,
            Client(weekdays=("Fri", "Sat", "Sun"), minutes_per_session=60, equipment=FULL_GYM),
            profiles,
        )
    )
    bent = term_values(groups, {("barbell_deadlift", "Fri"): 4, ("bent_over_row", "Sat"): 4})
    supported = term_values(
        groups, {("barbell_deadlift", "Fri"): 4, ("chest_supported_row", "Sat"): 4}
    )
    assert bent["low_back_days"] < supported["low_back_days"] == 0


def test_a_beginner_is_not_given_swings_as_a_staple(library, profiles) -> None:
    """Rounds 22-24: swings opened the weeks of unsupervised beginners of 42-55, a staple the
    value paid 30 points for. For a beginner a swing is no staple and costs its sets; an
    intermediate's swing is the staple still, and a beginner who asks for it keeps it."""
    kit = ("kettlebell", "band", "pullup_bar")
    beginner = _catalogue(library, profiles, equipment=kit, level="beginner")
    assert "kettlebell_swing" not in beginner.staples
    assert term_values(beginner, {("kettlebell_swing", "Mon"): 3})["beginner_ballistic"] < 0
    intermediate = _catalogue(library, profiles, equipment=kit, level="intermediate")
    assert "kettlebell_swing" in intermediate.staples
    asked = _catalogue(
        library, profiles, equipment=kit, level="beginner", require=("kettlebell_swing",)
    )
    assert "kettlebell_swing" in asked.staples


def test_a_missing_hamstring_curl_costs_like_a_missing_press(library, profiles) -> None:
    """Round 23: a desk worker's single hour in a machine gym held a bird dog and no leg curl
    (two more weeks had no knee-flexion work); the curl's two points a set lost to any
    accessory. Its floor is now the rubric floors' ten a set, shrinking in a short week."""
    machines = ("dumbbell", "bench", "cable", "machine")
    week = _catalogue(
        library, profiles, equipment=machines, sport="desk_worker", minutes_per_session=60
    )
    none = term_values(week, {})["rubric_floors"]
    curled = term_values(week, {("seated_leg_curl", "Mon"): 2})["rubric_floors"]
    assert curled - none == 2
    short = _catalogue(
        library,
        profiles,
        equipment=machines,
        weekdays=("Tue",),
        minutes_per_session=30,
    )
    curl = term_values(short, {("seated_leg_curl", "Tue"): 2})["rubric_floors"]
    assert curl == term_values(short, {})["rubric_floors"]


def test_a_calf_machine_beats_a_dumbbell_on_the_knee(library, profiles) -> None:
    """Round 25: dumbbell and kettlebell seated calf raises in two full gyms with a calf
    machine. A machine's isolation drill is the better tool; a main lift is not judged so (a
    dumbbell row is no lighter variant of a machine row)."""
    groups = _catalogue(library, profiles, equipment=(*FULL_GYM, "kettlebell"))
    steps = groups.lighter_steps
    assert steps.get("dumbbell_seated_calf_raise", 0) >= 1
    assert steps.get("kettlebell_seated_calf_raise", 0) >= 1
    assert "seated_calf_raise" not in steps
    # The barbell row a class above the dumbbell's, no machine row's class on top.
    assert steps.get("dumbbell_row", 0) <= 1


def test_pogo_hops_are_a_runners_power_and_anyone_elses_calf_work(library, profiles) -> None:
    """Round 25: pogo hops the only jumps of an MMA fighter's week, "they train the ankles
    rather than hip extension"; for a runner they are the sport's staple power drill."""
    fighter = _catalogue(library, profiles, equipment=("band",), sport="fighter")
    assert "pogo_hop" in {e.id for e in fighter.patterns["calf"]}
    assert "pogo_hop" not in {e.id for e in fighter.patterns["power"]}
    runner = _catalogue(library, profiles, equipment=("band",), sport="runner")
    assert "pogo_hop" in {e.id for e in runner.patterns["power"]}


def test_a_fighters_neck_work_goes_on_two_days(library, profiles) -> None:
    """Round 27: a BJJ competitor's and a wrestler's neck work on one day a week; a coach
    trains it twice (Eckner et al. 2014)."""
    groups = _catalogue(library, profiles, equipment=("kettlebell", "band"), sport="grappler")
    once = term_values(groups, {("band_neck_extension", "Mon"): 4})
    twice = term_values(
        groups, {("band_neck_extension", "Mon"): 2, ("band_neck_extension", "Fri"): 2}
    )
    assert twice["pattern_days"] > once["pattern_days"]


def test_a_clients_own_emphasis_is_read_as_the_lifts_it_leads(library, profiles) -> None:
    """Round 27: a glute medius x1.5 met by single-leg RDLs with three sets of abduction. A
    client's own emphasis counts the lifts the muscle leads; a sport's priority keeps every
    prime mover's sets (a strength profile's glutes are its squats' too)."""
    kit = ("dumbbell", "bench", "cable", "machine", "band")
    own = _catalogue(library, profiles, equipment=kit, priorities={"gluteus_medius": 1.5})
    rdl = term_values(own, {("dumbbell_single_leg_rdl", "Mon"): 3})
    abduction = term_values(own, {("hip_abduction_machine", "Mon"): 3})
    assert rdl["emphasis"] == 0 < abduction["emphasis"]
    six = term_values(
        own, {("hip_abduction_machine", "Mon"): 3, ("hip_abduction_machine", "Fri"): 3}
    )
    assert six["emphasis"] == 2 * abduction["emphasis"]  # two sessions' worth, all first sets
    sport = _catalogue(library, profiles, equipment=(*kit, "barbell"), sport="strength")
    assert term_values(sport, {("back_squat", "Mon"): 3})["emphasis"] > 0


def test_pogo_hops_are_filler_outside_running(library, profiles) -> None:
    """Round 27: pogo hops in a BJJ competitor's week, "add little for a grappler"."""
    grappler = _catalogue(library, profiles, equipment=("kettlebell",), sport="grappler")
    assert "pogo_hop" in {e.id for e in grappler.filler}
    runner = _catalogue(library, profiles, equipment=("kettlebell",), sport="runner")
    assert "pogo_hop" not in {e.id for e in runner.filler}


def test_a_sports_accessory_floor_is_held_like_the_rubrics(library, profiles) -> None:
    """Round 28: a trail runner's week with no direct hip abduction, whose profile sets a
    floor of four sets. The sport's accessory floors cost the rubric floors' points a set
    short, shrinking with a short week."""
    kit = ("dumbbell", "band")
    runner = _catalogue(library, profiles, equipment=kit, sport="runner", minutes_per_session=60)
    none = term_values(runner, {})["rubric_floors"]
    walked = term_values(runner, {("lateral_band_walk", "Mon"): 3})["rubric_floors"]
    assert walked - none == 3


def test_a_powerlifters_swing_is_worth_a_third_of_a_staple(library, profiles) -> None:
    """Rounds 23 and 28: a powerlifter's swings and calf raises were worth his second squat
    day. The article's staples the strength profile leaves out are worth a third."""
    gym = (*FULL_GYM, "kettlebell")
    strength = _catalogue(library, profiles, equipment=gym, sport="strength")
    general = _catalogue(library, profiles, equipment=gym)
    swing = {("kettlebell_swing", "Mon"): 3}
    assert term_values(strength, swing)["staple"] < term_values(general, swing)["staple"] == 1


def test_a_clients_trapezius_emphasis_is_a_shrug_not_a_carry(library, profiles) -> None:
    """Round 29: a Muay Thai fighter's upper trapezius x2 met by farmer carries, "no shrug"."""
    own = _catalogue(library, profiles, equipment=FULL_GYM, priorities={"trapezius_upper": 2.0})
    carry = term_values(own, {("trap_bar_carry", "Mon"): 3})
    shrug = term_values(own, {("trap_bar_shrug", "Mon"): 3})
    assert carry["emphasis"] == 0 < shrug["emphasis"]


def test_a_posterior_chain_strength_week_asks_for_no_squat_or_bench(library, profiles) -> None:
    """Round 30: a posterior-chain strongman's week held a back squat and a close-grip bench
    ("out of scope, the legs' and the press's work the client does elsewhere"), paid as the
    strength profile's staples, specifics and defining lifts. In that scope they are none."""
    gym = (*FULL_GYM, "kettlebell")
    scoped = _catalogue(library, profiles, equipment=gym, sport="strength", scope="posterior_chain")
    whole = _catalogue(library, profiles, equipment=gym, sport="strength")
    for lift in ("close_grip_bench_press", "back_squat"):
        week = {(lift, "Mon"): 3}
        for term in ("staple", "sport_specific", "sport_lifts"):
            assert term_values(scoped, week)[term] <= term_values(scoped, {})[term], (lift, term)
        assert term_values(whole, week)["sport_specific"] > term_values(whole, {})["sport_specific"]


def test_a_clients_glute_emphasis_is_not_a_lunge(library, profiles) -> None:
    """Round 30: a glute max x2 met by reverse lunges ("quad-leaning") beside one day of hip
    thrusts. For a client's own glute emphasis a lunge is no direct work; a bridge is."""
    own = _catalogue(library, profiles, equipment=FULL_GYM, priorities={"gluteus_maximus": 2.0})
    lunge = term_values(own, {("reverse_lunge", "Mon"): 3})
    bridge = term_values(own, {("barbell_hip_thrust", "Mon"): 3})
    assert lunge["emphasis"] == 0 < bridge["emphasis"]


def test_a_cranky_knee_squats_to_a_box_with_the_bell_in_hand(library, profiles) -> None:
    """The stop hook's week of 2026-12-06: a client with kettlebells and a cranky knee got
    the bodyweight box squat, the one squat the knee allowed. A goblet box squat to knee height
    is the loaded one; the bodyweight squat is then the lighter variant."""
    groups = _catalogue(
        library, profiles, equipment=("kettlebell", "band"), avoid=("deep_knee_flexion",)
    )
    knee = {e.id for e in groups.patterns["knee"]}
    assert "kettlebell_goblet_box_squat" in knee and "goblet_squat" not in knee, knee
    assert groups.lighter_steps.get("box_squat", 0) > 0
    assert "kettlebell_goblet_box_squat" not in groups.lighter_steps


def test_a_back_to_spare_hinges_heavy_with_dumbbells(library, profiles) -> None:
    """Round 33: a barbell straight-leg deadlift as the heavy hinge of an MMA fighter with a
    disc history, and a barbell RDL for a parent with one, where a coach gives a dumbbell
    RDL. Without the back to spare the barbell leads."""
    spared = _catalogue(
        library, profiles, equipment=FULL_GYM, level="advanced", avoid=("high_spinal_load",)
    )
    heavy = {e.id for e in spared.heavy_hinge}
    assert heavy and not heavy & spared.spine_spared, heavy
    assert {"romanian_deadlift", "straight_leg_deadlift"} <= spared.spine_spared
    free = _catalogue(library, profiles, equipment=FULL_GYM, level="advanced")
    assert "barbell_deadlift" in {e.id for e in free.heavy_hinge}
    assert not free.spine_spared


def test_an_emphasis_counts_a_set_by_its_stimulus(library, profiles) -> None:
    """Round 33: a band pulldown and a kettlebell pullover as an advanced wrestler's lat x2
    work in a full gym (scored 4/10): a band set is not a cable set where the stack is at
    hand. And the client's own emphasis asks for more direct sets than six."""
    week = _catalogue(
        library,
        profiles,
        equipment=FULL_GYM,
        level="advanced",
        priorities={"latissimus_dorsi": 2.0},
    )
    band = term_values(week, {("band_lat_pulldown", "Mon"): 3})["emphasis"]
    cable = term_values(week, {("lat_pulldown", "Mon"): 3})["emphasis"]
    assert band < cable
    six = {("lat_pulldown", "Mon"): 3, ("pull_up", "Wed"): 3}
    nine = {**six, ("chin_up", "Fri"): 3}
    assert term_values(week, nine)["emphasis"] > term_values(week, six)["emphasis"]


def test_a_full_body_day_holds_a_press_a_pull_a_hinge_and_a_squat(library, profiles) -> None:
    """Round 33: a general client's two 35-minute days, one a deadlift, a hip thrust and a
    bench, the other lunges and pulls ("most muscles trained once a week"). On a full-body
    day the four patterns are each worth a point; on a split's lower day the press is not."""
    week = _catalogue(library, profiles, equipment=FULL_GYM, weekdays=("Mon", "Thu"))
    four = {
        ("barbell_deadlift", "Mon"): 3,
        ("goblet_squat", "Mon"): 3,
        ("bench_press", "Mon"): 3,
        ("seated_cable_row", "Mon"): 3,
    }
    three = {k: v for k, v in four.items() if k[0] != "bench_press"}
    gained = (
        term_values(week, four)["session_balance"] - term_values(week, three)["session_balance"]
    )
    assert gained == 1
    split = _catalogue(library, profiles, equipment=FULL_GYM, weekdays=("Mon", "Tue"))
    assert (
        term_values(split, four)["session_balance"] == term_values(split, three)["session_balance"]
    )


def test_calf_raises_past_a_staples_dose_are_filler_outside_running(library, profiles) -> None:
    """Round 33: nine calf-raise sets on three days of an MMA fighter's week beside two of
    quad work. Past four sets a week they are filler for a sport that sets no calf work; a
    runner's are not."""
    calves = {
        ("standing_calf_raise", "Mon"): 3,
        ("seated_calf_raise", "Wed"): 3,
        ("leg_press_calf_raise", "Fri"): 3,
    }
    for sport, costs in (("fighter", True), ("general", True), ("runner", False)):
        week = _catalogue(library, profiles, equipment=FULL_GYM, sport=sport)
        filler = term_values(week, calves)["filler"]
        assert (filler < 0) is costs, (sport, filler)
        assert term_values(week, {("standing_calf_raise", "Mon"): 3})["filler"] == 0


def test_a_runners_and_a_desk_workers_upper_trapezius_floor_is_halved(library, profiles) -> None:
    """Round 32: seven sets of prone neck extensions for a 5k runner with a pull-up bar and a
    box met the library's upper trapezius and levator floors (4 and 2), scored 4/10; for a
    desk worker those muscles are the tight side of rounded shoulders."""

    def floors(sport: str) -> tuple[float, float]:
        days = ("Mon", "Tue", "Thu", "Fri")
        client = Client(weekdays=days, minutes_per_session=90, sport=sport)
        targets = make_problem(library, client, profiles).targets
        return targets["trapezius_upper"].min_sets, targets["levator_scapulae"].min_sets

    assert floors("general") == (4, 2)  # a long week: the library's floors, whole
    for sport in ("runner", "desk_worker"):
        assert floors(sport) == (2, 1), sport


def test_a_back_to_spare_is_given_no_swing_or_loaded_twist_unasked(library, profiles) -> None:
    """Round 34: a dumbbell swing and a cable woodchop in the week of a client with an old
    back tweak ("ballistic hinging and loaded rotation are what I would hold back"). The swing
    is then no staple and costs its sets; so does a loaded twist. Asked for, the swing stays."""
    back = _catalogue(library, profiles, equipment=FULL_GYM, avoid=("high_spinal_load",))
    assert "dumbbell_swing" not in {e.id for e in back.staples.get("kettlebell_swing", ())}
    assert {"dumbbell_swing", "cable_woodchop"} <= back.spine_spared
    assert term_values(back, {("cable_woodchop", "Mon"): 3})["spine_sparing"] < 0
    free = _catalogue(library, profiles, equipment=FULL_GYM)
    assert "dumbbell_swing" in {e.id for e in free.staples["kettlebell_swing"]}
    asked = _catalogue(
        library,
        profiles,
        equipment=FULL_GYM,
        avoid=("high_spinal_load",),
        require=("dumbbell_swing",),
    )
    assert "dumbbell_swing" in {e.id for e in asked.staples["kettlebell_swing"]}


def test_face_pulls_count_as_pulling_against_the_presses(library, profiles) -> None:
    """Round 34: "pull far outweighing push" in almost every week, a reader counting face
    pulls, reverse flies and Y raises as pulling."""
    week = _catalogue(library, profiles, equipment=FULL_GYM)
    rows = {("seated_cable_row", "Mon"): 4, ("lat_pulldown", "Wed"): 4, ("bench_press", "Fri"): 4}
    more = {**rows, ("face_pull", "Mon"): 3, ("reverse_fly", "Wed"): 3}
    assert term_values(week, more)["push_pull"] < term_values(week, rows)["push_pull"] == 0


def test_bodyweight_made_hard_by_leverage_is_no_lighter_than_a_band(library, profiles) -> None:
    """Rounds 32 and 35: band chest presses, RDLs and split squats for advanced clients with a
    band, where feet-elevated push-ups and Cossack squats were at hand ("too light for this
    level"). A bodyweight lift at a trained level counts as the band's class, or above; a
    beginner's bodyweight lift stays below it."""
    week = _catalogue(library, profiles, equipment=("band", "pullup_bar"), level="advanced")
    steps = week.lighter_steps
    assert "decline_push_up" not in steps and "cossack_squat" not in steps, steps
    assert steps.get("push_up", 0) > 0 and steps.get("split_squat", 0) > 0


def test_a_sore_shoulder_is_given_no_feet_elevated_push_up(library, profiles) -> None:
    """Round 36: feet-elevated push-ups for a BJJ competitor and a strength athlete with a
    sore shoulder, "a poor choice". Flat push-ups stay free."""
    sore = _catalogue(library, profiles, equipment=("kettlebell", "band"), avoid=("overhead",))
    assert "decline_push_up" in sore.shoulder_spared and "push_up" not in sore.shoulder_spared
    assert term_values(sore, {("decline_push_up", "Mon"): 3})["shoulder_sparing"] < 0
    free = _catalogue(library, profiles, equipment=("kettlebell", "band"))
    assert "decline_push_up" not in free.shoulder_spared


def test_a_fighters_jumps_are_a_staple_unless_a_knee_or_back_is_spared(library, profiles) -> None:
    """Rounds 33, 35 and 37 and the fourth block review: fighter weeks and a fight camp with no
    jump, beside coaches' broad and box jumps ("explosive hip extension first"). A jump is a
    fighter's staple; for a cranky knee it is not."""
    kit = (*FULL_GYM, "box")
    fighter = _catalogue(library, profiles, equipment=kit, sport="fighter")
    assert {"box_jump", "broad_jump"} <= {e.id for e in fighter.staples["jump"]}
    knee = _catalogue(
        library, profiles, equipment=kit, sport="fighter", avoid=("deep_knee_flexion",)
    )
    assert "jump" not in knee.staples
    general = _catalogue(library, profiles, equipment=kit)
    assert "jump" not in general.staples


def test_a_close_grip_bench_is_no_general_clients_only_press(library, profiles) -> None:
    """The stop hook's week of 7 December 2026 and round 33: a close-grip bench as a general
    client's only press ("an odd choice"). Its sets past the bench's cost a regression's; as
    a powerlifter's second bench day beside the bench it costs nothing, and beside the bench
    in a fighter's week (round 41: "not this athlete's priority") each set costs."""
    lone = {("close_grip_bench_press", "Mon"): 4}
    pair = {("close_grip_bench_press", "Mon"): 4, ("bench_press", "Fri"): 4}
    week = _catalogue(library, profiles, equipment=FULL_GYM)
    assert term_values(week, lone)["below_level"] < 0
    strength = _catalogue(library, profiles, equipment=FULL_GYM, sport="strength")
    assert term_values(strength, lone)["below_level"] < term_values(strength, pair)["below_level"]
    assert term_values(strength, pair)["below_level"] == 0
    fighter = _catalogue(library, profiles, equipment=FULL_GYM, sport="fighter")
    assert term_values(fighter, pair)["below_level"] < 0


def test_a_full_gym_presses_and_rows_with_dumbbells_not_a_kettlebell(library, profiles) -> None:
    """Rounds 32 and 38: kettlebell floor presses, rows, RDLs and pullovers in full gyms
    ("kettlebell substitutes"). A bell's slow lift sits half a class below a dumbbell's; in
    a kettlebell kit it is the heaviest at hand, and a swing is the bell's own."""
    gym = _catalogue(library, profiles, equipment=(*FULL_GYM, "kettlebell"))
    steps = gym.lighter_steps
    assert steps.get("kettlebell_floor_press", 0) > 0 and steps.get("kettlebell_row", 0) > 0
    assert "kettlebell_swing" not in steps
    home = _catalogue(library, profiles, equipment=("kettlebell", "band", "pullup_bar"))
    assert "kettlebell_floor_press" not in home.lighter_steps
    assert "kettlebell_row" not in home.lighter_steps


def test_a_back_to_spare_is_given_no_russian_twist(library, profiles) -> None:
    """Round 40: Russian twists for a client with an old back tweak ("loaded rotation and
    flexion, the wrong choice"). The seated twist is spared like a loaded one; a rotational
    throw, the sport's power work, is not."""
    kit = (*FULL_GYM, "medicine_ball")
    back = _catalogue(library, profiles, equipment=kit, avoid=("high_spinal_load",))
    assert {"russian_twist", "cable_woodchop"} <= back.spine_spared
    assert "medicine_ball_rotational_throw" not in back.spine_spared
    assert not _catalogue(library, profiles, equipment=kit).spine_spared


def test_a_beginner_with_dumbbells_alone_has_a_row(library, profiles) -> None:
    """The stop hook's week of 7 December 2026: a beginner with dumbbells and no bench had no
    row at their level (the bent-over row is an intermediate's), so the lats' floor fell to
    swings at five sets and the structured week gave way to one of ten exercises."""
    groups = _catalogue(library, profiles, equipment=("dumbbell",), level="beginner")
    rows = {e.id for e in groups.patterns["row"]}
    assert "split_stance_dumbbell_row" in rows


def test_a_short_week_holds_less_of_a_sports_emphasis_and_staples(library, profiles) -> None:
    """Round 39: a kickboxer's one 40-minute session of a slam, a deadlift, a neck extension,
    a suitcase carry and a twist (the obliques x2 and five staples), with no press or pull.
    The sport's emphasis and its own staples shrink with a short week as its floors do; the
    article's staples (the deadlift, the row) and a client's own emphasis stay whole."""
    kit = ("kettlebell", "band", "pullup_bar", "medicine_ball")
    fighter = {"sport": "fighter", "equipment": kit}
    short = _catalogue(library, profiles, weekdays=("Sat",), minutes_per_session=40, **fighter)
    whole = _catalogue(library, profiles, minutes_per_session=60, **fighter)
    carry = {("suitcase_carry", "Mon"): 3, ("suitcase_carry", "Sat"): 3}
    assert term_values(short, carry)["emphasis"] < term_values(whole, carry)["emphasis"]
    assert term_values(short, carry)["staple"] < term_values(whole, carry)["staple"] == 1
    row = {("kettlebell_row", "Mon"): 3, ("kettlebell_row", "Sat"): 3}
    assert term_values(short, row)["staple"] == term_values(whole, row)["staple"] == 1
    chop = {("medicine_ball_rotational_throw", "Sat"): 3}
    own = _catalogue(
        library,
        profiles,
        weekdays=("Sat",),
        minutes_per_session=40,
        priorities={"obliques_external": 2.0},
        **fighter,
    )
    assert term_values(own, chop)["emphasis"] > term_values(short, chop)["emphasis"]


def test_a_main_lifts_dose_of_pulling_needs_no_press(library, profiles) -> None:
    """Round 39: the kickboxer's one session left out its pull-ups too, each pulling set a
    point against no press. A main lift's dose of pulling costs nothing; past it, pulling
    more than twice the pressing still costs."""
    groups = _catalogue(library, profiles, equipment=FULL_GYM)
    assert term_values(groups, {("pull_up", "Mon"): 3})["push_pull"] == 0
    assert term_values(groups, {("pull_up", "Mon"): 4, ("lat_pulldown", "Fri"): 4})["push_pull"] < 0


def test_a_whole_weeks_knee_and_press_sets_are_worth_the_floors_rate_to_target(
    library, profiles
) -> None:
    """Round 40: a general client's squat pattern held to one lunge at the floor's four sets
    ("dropped the squat") beside coaches' two knee-dominant lifts. Past the floor, to the
    target, a knee-dominant or press set is worth what a set to the floor is; a striker's
    pressing, which the fighter profile holds low, keeps its table's rate."""
    general = _catalogue(library, profiles, equipment=FULL_GYM)
    four = term_values(general, {("walking_lunge", "Mon"): 4})["patterns"]
    seven = term_values(general, {("walking_lunge", "Mon"): 4, ("dumbbell_goblet_squat", "Fri"): 3})
    assert seven["patterns"] - four == 3 * 2.0
    fighter = _catalogue(library, profiles, equipment=FULL_GYM, sport="fighter")
    four = term_values(fighter, {("bench_press", "Mon"): 4})["patterns"]
    five = term_values(fighter, {("bench_press", "Mon"): 5})["patterns"]
    assert five - four == 1.0


def test_a_one_session_week_asks_a_required_lift_for_a_sessions_dose(library, profiles) -> None:
    """Round 42: a desk worker's one 25-minute session gave its required glute bridge five
    sets of fifteen (toward a weekly six no single session of five can reach), a third of the
    time, and no hamstring curl. One session asks three sets; a week carrying the whole floors
    six; a short week its share of six, never below one session's three (round 101: a
    62-year-old's required farmer carry on two of three 15-minute sessions, 12 of 45
    minutes)."""
    one = _catalogue(library, profiles, weekdays=("Sun",), require=("glute_bridge",))
    assert term_values(one, {("glute_bridge", "Sun"): 3})["required"] == 0
    three = ("Mon", "Wed", "Fri")
    whole = _catalogue(
        library, profiles, weekdays=three, minutes_per_session=60, require=("glute_bridge",)
    )
    assert whole.problem.required_weekly_sets == 6
    assert term_values(whole, {("glute_bridge", "Mon"): 3})["required"] < 0
    short = _catalogue(
        library, profiles, weekdays=three, minutes_per_session=20, require=("farmer_carry",)
    )
    assert short.problem.required_weekly_sets == 3
    assert term_values(short, {("farmer_carry", "Mon"): 3})["required"] == 0
    two = _catalogue(
        library,
        profiles,
        weekdays=("Mon", "Thu"),
        minutes_per_session=90,
        require=("glute_bridge",),
    )
    assert 3 < two.problem.required_weekly_sets < 6
    assert term_values(two, {("glute_bridge", "Mon"): 3})["required"] < 0


def test_a_short_week_of_several_sessions_asks_a_hamstring_curl(library, profiles) -> None:
    """Rounds 41 and 42: a desk worker's 3 x 25, a runner's 3 x 30 and a parent's 3 x 30 with
    no knee-flexion hamstring work, marked down each time (the curl's floor had shrunk below a
    set). In two sessions or more it stays whole; one session keeps the short week's share."""
    short = _catalogue(library, profiles, equipment=("band",), minutes_per_session=20)
    curl = {("band_leg_curl", "Mon"): 2}
    assert term_values(short, curl)["rubric_floors"] > term_values(short, {})["rubric_floors"]
    one = _catalogue(
        library, profiles, equipment=("band",), minutes_per_session=25, weekdays=("Mon",)
    )
    assert term_values(one, curl)["rubric_floors"] == term_values(one, {})["rubric_floors"]


def test_a_pull_up_bar_loads_the_pull_ups_not_the_whole_weeks_main_lifts(library, profiles) -> None:
    """Round 44: with a pull-up bar alone C13's loaded share counted every bodyweight squat,
    hinge and push-up against it, and a bodyweight client's 40-minute sessions ran 10
    minutes short. Only the patterns the client can load count; in a gym a bodyweight
    lunge still does."""
    bar = _catalogue(library, profiles, equipment=("pullup_bar",), level="intermediate")
    week = {("split_squat", "Mon"): 4, ("push_up", "Wed"): 4, ("pull_up", "Fri"): 4}
    assert term_values(bar, week)["loaded_share"] == 0
    gym = _catalogue(library, profiles, equipment=FULL_GYM, level="intermediate")
    assert term_values(gym, week)["loaded_share"] < 0


def test_a_bodyweight_week_has_a_hinge(library, profiles) -> None:
    """Round 44: a bodyweight client's week held no hinge (hamstrings two sets of sliding
    curls a week); the library had none without a load. The bodyweight single-leg RDL is a
    hinge, and the loaded one comes first where there is a load."""
    bar = _catalogue(library, profiles, equipment=("pullup_bar",))
    assert "bodyweight_single_leg_rdl" in {e.id for e in bar.patterns["hinge"]}
    bells = _catalogue(library, profiles, equipment=("kettlebell",))
    assert "bodyweight_single_leg_rdl" in bells.lighter_steps


def test_a_back_to_spare_gets_trunk_work_every_week(library, profiles) -> None:
    """Round 44: a back-tweak client's one session had no trunk work, "which this client
    needs most". Three sets of core work are a floor where the back is spared."""
    week = {("kettlebell_deadlift", "Mon"): 3}
    core = {**week, ("bird_dog", "Mon"): 3}
    back = _catalogue(library, profiles, equipment=("kettlebell",), avoid=("high_spinal_load",))
    plain = _catalogue(library, profiles, equipment=("kettlebell",))

    def gain(groups) -> float:
        before, after = term_values(groups, week), term_values(groups, core)
        return after["patterns"] - before["patterns"]

    assert gain(back) > gain(plain)


def test_a_fighters_upper_day_has_a_power_drill(library, profiles) -> None:
    """Rounds 40 and 41: a fighter's upper-body day after a hip day had no power work: every
    throw, slam and jump had a hip, oblique or lat primary the day before or on the day. The
    medicine-ball chest pass is power work for the press muscles, not a press."""
    groups = _catalogue(library, profiles, equipment=("medicine_ball", *FULL_GYM), sport="fighter")
    power = {e.id for e in groups.patterns["power"]}
    assert "medicine_ball_chest_pass" in power
    assert "medicine_ball_chest_pass" not in {e.id for e in groups.patterns.get("press", ())}
    # A runner's power is in the legs (round 48: a chest pass opening a trail runner's day).
    runner = _catalogue(library, profiles, equipment=("medicine_ball", *FULL_GYM), sport="runner")
    assert "medicine_ball_chest_pass" not in {e.id for e in runner.patterns["power"]}
    assert runner.patterns["power"]


def test_a_hamstring_emphasis_reads_romanian_deadlifts_as_direct_work(library, profiles) -> None:
    """Round 45: an advanced fighter's hamstrings x2 met by band good mornings and a 2-set
    leg curl, its dumbbell RDLs not counted as the hamstrings' direct work (a deadlift was
    read as the erectors' only). A trap-bar deadlift is still no glute max's direct work."""
    groups = _catalogue(
        library, profiles, equipment=FULL_GYM, level="advanced", priorities={"hamstrings": 2.0}
    )
    rdl = term_values(groups, {("dumbbell_romanian_deadlift", "Mon"): 3})
    assert rdl["emphasis"] > 0
    glutes = _catalogue(library, profiles, equipment=FULL_GYM, priorities={"gluteus_maximus": 2.0})
    trap_bar = term_values(glutes, {("trap_bar_deadlift", "Mon"): 3})
    thrust = term_values(glutes, {("barbell_hip_thrust", "Mon"): 3})
    assert trap_bar["emphasis"] < thrust["emphasis"]


def test_a_trained_clients_lighter_variant_costs_more(library, profiles) -> None:
    """Round 45: band good mornings, a band pulldown and a band glute bridge in an advanced
    fighter's hotel-gym week; round 44: a kettlebell glute bridge at 4x15 for an advanced
    athlete. A lighter variant than one at hand costs an advanced client more; a power
    drill's lighter variant the same at every level."""
    hotel = ("dumbbell", "bench", "cable", "machine", "band")
    week = {("band_glute_bridge", "Mon"): 3}
    cost = {
        level: term_values(_catalogue(library, profiles, equipment=hotel, level=level), week)[
            "lighter_variant"
        ]
        for level in ("beginner", "intermediate", "advanced")
    }
    assert cost["beginner"] == cost["intermediate"] > cost["advanced"], cost
    jump = {("squat_jump", "Mon"): 3}
    jumps = {
        term_values(_catalogue(library, profiles, equipment=FULL_GYM, level=level), jump)[
            "lighter_variant"
        ]
        for level in ("intermediate", "advanced")
    }
    assert len(jumps) == 1 and jumps != {0}, jumps


def test_a_runners_calf_day_holds_a_straight_and_a_bent_knee_raise(library, profiles) -> None:
    """Round 45: three runners' weeks of 6-9 calf sets lost to coaches' 12-16, a standing and
    a seated raise on each leg day; one calf raise a session held them down. Two straight-knee
    raises in one session are still a copy, and a general client's second raise too."""
    runner = _catalogue(library, profiles, equipment=FULL_GYM, sport="runner")
    pair = {("standing_calf_raise", "Mon"): 3, ("seated_calf_raise", "Mon"): 3}
    copy = {("standing_calf_raise", "Mon"): 3, ("leg_press_calf_raise", "Mon"): 3}
    assert term_values(runner, pair)["same_family"] == 0
    assert term_values(runner, copy)["same_family"] < 0
    general = _catalogue(library, profiles, equipment=FULL_GYM)
    assert term_values(general, pair)["same_family"] < 0


def test_a_runners_upper_day_holds_calf_and_hip_work(library, profiles) -> None:
    """Rounds 48 and 50: a 5k runner's Sunday of twelve upper-body sets after Saturday's legs
    ("time that could go to hips and calves goes to the upper body"). The split's upper day
    takes a runner's calf raises and hip abduction too (priority 2), not a general client's."""
    from workbench.optimize.split import UPPER, anywhere, fits
    from workbench.planner import make_plan

    runner = make_problem(
        library, Client(weekdays=("Sat", "Sun"), minutes_per_session=45, sport="runner"), profiles
    )
    assert anywhere(runner.priorities) == {"abduction", "plantar_flexion"}
    general = make_problem(library, Client(weekdays=("Sat", "Sun")), profiles)
    assert anywhere(general.priorities) == set()
    calf = library.exercise("standing_calf_raise")
    assert fits(calf, UPPER, anywhere(runner.priorities)) and not fits(calf, UPPER)
    assert not fits(library.exercise("lying_leg_curl"), UPPER, anywhere(runner.priorities))
    client = Client(
        weekdays=("Sat", "Sun"),
        minutes_per_session=45,
        sport="runner",
        equipment=("machine", "cable", "dumbbell", "band"),
    )
    plan = make_plan(library, client, profiles, explain=False).plan
    sunday = {library.exercise(e.exercise_id).pattern for e in plan.session("Sun")}
    assert sunday & {"abduction", "plantar_flexion"}, sunday


def test_a_hang_is_a_beginners_regression_where_a_pulldown_is_at_hand(library, profiles) -> None:
    """Rounds 53 and 54: a flexed-arm hang the only vertical pull of beginners of 51 and 60,
    a cable or band pulldown at hand ("beyond most 60-year-old beginners and a poor way to
    train pulling"); beside the pull-up negative of a bar alone too. A Copenhagen plank is no
    regression of the adductor machine (an accessory, not a main lift)."""
    cable = _catalogue(library, profiles, equipment=("cable", "pullup_bar"), level="beginner")
    assert "flexed_arm_hang" in cable.regressions
    band = _catalogue(library, profiles, equipment=("band", "pullup_bar"), level="beginner")
    assert "flexed_arm_hang" in band.regressions
    bar = _catalogue(library, profiles, equipment=("pullup_bar",), level="beginner")
    assert "flexed_arm_hang" in bar.regressions
    gym = _catalogue(library, profiles, equipment=("bench", "machine"), sport="grappler")
    assert "copenhagen_plank" not in gym.regressions


def test_the_cossack_squat_is_no_ones_main_squat(library, profiles) -> None:
    """Rounds 50-70: intermediates' and advanced lifters' weeks held the Cossack squat as
    their knee-dominant lift ("more a mobility drill", "a weak main squat", "no bilateral
    squat for an advanced lifter with a barbell"). It is an adductor drill: a grappler's,
    filler for a client whose sport does not ask adductor work."""
    band = ("band", "pullup_bar")
    trained = _catalogue(library, profiles, equipment=band, level="advanced")
    cossack = library.exercise("cossack_squat")
    assert not cossack.is_main_lift and cossack.family == "adduction"
    assert "cossack_squat" in {e.id for e in trained.filler}
    grappler = _catalogue(library, profiles, equipment=band, level="advanced", sport="grappler")
    assert "cossack_squat" not in {e.id for e in grappler.filler}


def test_an_advanced_clients_heavy_hinge_with_one_bell_is_single_leg(library, profiles) -> None:
    """Rounds 53, 57 and 62: kettlebell deadlifts of 3 x 10 as advanced clients' heavy hinge
    ("a beginner week", "easy options for an advanced lifter"); one bell on one leg is their
    heavy hinge, two legs stay an intermediate's."""
    kit = ("kettlebell", "band", "pullup_bar")
    advanced = _catalogue(library, profiles, equipment=kit, level="advanced")
    assert {e.id for e in advanced.heavy_hinge} == {"single_leg_rdl"}
    middle = _catalogue(library, profiles, equipment=kit, level="intermediate")
    assert "kettlebell_deadlift" in {e.id for e in middle.heavy_hinge}


def test_a_power_sports_back_to_spare_keeps_power_with_care(library, profiles) -> None:
    """Rounds 55-62: four fighters and grapplers with an old back tweak went without any
    explosive work (swings, jumps and throws all spared for the back). For a power sport the
    two-hand swing, a two-footed jump and a light medicine-ball throw stay (the swing as the
    staple it is, a jump as power work no staple asks); bounds, sprawls and loaded twisting
    do not. A general client's back still goes without the swing."""
    kit = ("kettlebell", "band", "pullup_bar", "medicine_ball", "box")
    back = ("high_spinal_load",)
    fighter = _catalogue(library, profiles, equipment=kit, sport="fighter", avoid=back)
    assert not {"kettlebell_swing", "squat_jump", "box_jump"} & fighter.spine_spared
    assert not {"medicine_ball_chest_pass", "medicine_ball_rotational_throw"} & fighter.spine_spared
    assert {"broad_jump", "sprawl", "kettlebell_clean"} <= fighter.spine_spared
    problem = fighter.problem
    assert not problem.spared(library.exercise("kettlebell_swing"))
    assert problem.spared(library.exercise("squat_jump"))
    general = _catalogue(library, profiles, equipment=kit, avoid=back)
    assert {"kettlebell_swing", "squat_jump"} <= general.spine_spared
    assert general.problem.spared(library.exercise("kettlebell_swing"))


def test_a_back_tweak_fighter_on_kettlebells_gets_power_work(library, profiles) -> None:
    """Round 64's Muay Thai fighter with an old back tweak, a kettlebell kit on 2 x 40: no
    power drill at all in the week."""
    from workbench.planner import make_plan

    client = Client(
        weekdays=("Thu", "Sun"),
        minutes_per_session=40,
        warmup_minutes=0,
        equipment=("kettlebell", "band", "pullup_bar"),
        sport="fighter",
        avoid=("high_spinal_load",),
    )
    plan = make_plan(library, client, profiles, explain=False).plan
    explosive = [e.exercise_id for e in plan.entries if library.exercise(e.exercise_id).explosive]
    assert explosive, [e.exercise_id for e in plan.entries]


def test_a_hang_costs_more_than_an_assisted_rep(library, profiles) -> None:
    """Rounds 53, 54, 62 and 64: a flexed-arm hang, half a minute a set shorter, kept winning
    short sessions from the pulldown beside it (a 60-year-old beginner on 2 x 20 in a full
    gym; an advanced MMA fighter on 3 x 30). A set of it costs four of an assisted pull-up."""
    gym = _catalogue(library, profiles, equipment=FULL_GYM, level="intermediate")
    hang = term_values(gym, {("flexed_arm_hang", "Mon"): 3})
    assisted = term_values(gym, {("band_assisted_pull_up", "Mon"): 3})
    assert hang["below_level"] == 4 * assisted["below_level"] < 0


def test_a_dumbbell_hinge_and_a_bent_over_row_on_days_running_load_the_back(
    library, profiles
) -> None:
    """Rounds 63-64: dumbbell Romanian deadlifts on Friday and dumbbell bent-over rows on
    Saturday, "loads the spine on back-to-back days"; a chest-supported row is the coach's."""
    groups = _catalogue(
        library, profiles, weekdays=("Fri", "Sat"), equipment=("dumbbell", "bench", "cable")
    )
    rdl = ("dumbbell_romanian_deadlift", "Fri")
    bent = term_values(groups, {rdl: 4, ("bent_over_row", "Sat"): 4})
    supported = term_values(groups, {rdl: 4, ("chest_supported_row", "Sat"): 4})
    assert bent["low_back_days"] < supported["low_back_days"] == 0


def test_slow_low_back_lifts_go_on_half_the_sessions(library, profiles) -> None:
    """Round 64: a straight-leg deadlift, a deadlift and a barbell bent-over row on a
    44-year-old's three days, "heavy spinal loading every day". Two of three days is fine;
    a squat is no low-back lift."""
    groups = _catalogue(library, profiles, equipment=FULL_GYM)
    two = {("straight_leg_deadlift", "Mon"): 4, ("barbell_deadlift", "Wed"): 3}
    three = {**two, ("barbell_row", "Fri"): 4}
    squat = {**two, ("back_squat", "Fri"): 4}
    assert term_values(groups, three)["low_back_days"] < term_values(groups, two)["low_back_days"]
    assert term_values(groups, squat)["low_back_days"] == term_values(groups, two)["low_back_days"]


def test_a_beginner_runner_in_a_garage_hinges_with_a_load(library, profiles) -> None:
    """Round 63: a beginner trail runner in a garage gym on 4 x 30 hinged only with bodyweight
    single-leg RDLs ("the only loaded hinge is bodyweight"): the single-leg sets outbid a
    dumbbell RDL. The week holds a loaded two-legged hinge."""
    from workbench.planner import make_plan

    client = Client(
        weekdays=("Wed", "Thu", "Sat", "Sun"),
        minutes_per_session=30,
        equipment=("barbell", "dumbbell", "kettlebell", "bench", "pullup_bar", "box", "band"),
        level="beginner",
        sport="runner",
    )
    plan = make_plan(library, client, profiles, explain=False).plan
    placed = [library.exercise(e.exercise_id) for e in plan.entries]
    loaded = [e.id for e in placed if e.pattern == "hinge" and e.loaded and not e.unilateral]
    assert loaded, [e.id for e in placed]


def test_every_posterior_muscle_gets_a_lift_of_its_own(library, profiles) -> None:
    """Rounds 63-66: the coaches' weeks gave the erectors, the trapezius, the obliques and
    both calf heads lifts of their own where ours covered them with other lifts' secondary
    credit ("no erector work", "gastrocnemius only", "no soleus"). A direct set is worth it
    up to two a week; a desk worker's lumbar extensors (anterior tilt) are trained through
    the hinges instead."""
    gym = _catalogue(library, profiles, equipment=FULL_GYM)
    week = {("dumbbell_romanian_deadlift", "Mon"): 4, ("standing_calf_raise", "Mon"): 2}
    soleus = {**week, ("seated_calf_raise", "Wed"): 2}
    more = {**soleus, ("seated_calf_raise", "Fri"): 2}
    values = [term_values(gym, w)["direct_work"] for w in (week, soleus, more)]
    assert values[0] < values[1] == values[2], values
    back = {("back_extension", "Wed"): 3}
    assert term_values(gym, back)["direct_work"] > term_values(gym, {})["direct_work"]
    desk = _catalogue(library, profiles, equipment=FULL_GYM, sport="desk_worker")
    assert term_values(desk, back)["direct_work"] == term_values(desk, {})["direct_work"]


def test_a_supported_row_is_no_lighter_variant_of_a_bent_over_one(library, profiles) -> None:
    """Rounds 67-68: a barbell row the day after deadlifts held its place because a seated
    cable row read as a lighter variant a level below it. A supported row is compared with
    supported rows, a bent-over row with bent-over rows."""
    gym = _catalogue(library, profiles, equipment=FULL_GYM, level="advanced")
    assert "seated_cable_row" not in gym.lighter_steps
    cable = term_values(gym, {("seated_cable_row", "Mon"): 4})
    assert cable["lighter_variant"] == 0 and cable["level_fit"] == 0
    assert gym.lighter_steps.get("bent_over_row", 0) > 0  # a dumbbell's below the barbell's


def test_a_trained_lifter_with_a_barbell_squats_with_it(library, profiles) -> None:
    """Round 70: an advanced parent in a garage gym on 3 x 60 squatted only with Cossack
    squats and walking lunges ("no bilateral squat for an advanced lifter with a barbell").
    The heaviest two-legged squat at hand is asked once a week; not of a runner (single-leg
    work) or a desk worker (no knee-dominant standard)."""
    from workbench.planner import make_plan

    garage = ("barbell", "dumbbell", "kettlebell", "bench", "pullup_bar", "box", "band")
    groups = _catalogue(library, profiles, equipment=garage, level="advanced")
    assert {e.id for e in groups.heavy_squat} == {"back_squat", "front_squat"}
    for sport in ("runner", "desk_worker"):
        assert not _catalogue(library, profiles, equipment=garage, sport=sport).heavy_squat
    client = Client(
        weekdays=("Mon", "Wed", "Sat"), minutes_per_session=60, equipment=garage, level="advanced"
    )
    plan = make_plan(library, client, profiles, explain=False).plan
    squats = [e for e in plan.entries if e.exercise_id in ("back_squat", "front_squat")]
    assert squats and max(e.sets for e in squats) >= 3, [e.exercise_id for e in plan.entries]


def test_calf_raises_on_days_running_load_one_achilles(library, profiles) -> None:
    """Rounds 73-74 and block round 11: calves on four days, three running (a straight-knee
    raise, then a bent-knee one, then a straight-knee one), the recovery limit met muscle by
    muscle. A calf raise the day after another costs; on alternate days it does not."""
    groups = _catalogue(
        library,
        profiles,
        weekdays=("Mon", "Tue", "Wed"),
        equipment=FULL_GYM,
        sport="runner",
    )
    running = {("standing_calf_raise", "Mon"): 3, ("seated_calf_raise", "Tue"): 3}
    apart = {("standing_calf_raise", "Mon"): 3, ("seated_calf_raise", "Wed"): 3}
    assert term_values(groups, running)["calf_days"] < term_values(groups, apart)["calf_days"] == 0


def test_a_strikers_rotation_is_thrown_where_a_ball_is_at_hand(library, profiles) -> None:
    """Round 65: a kickboxer's, an MMA fighter's and a Muay Thai fighter's rotation all on one
    day; block rounds 10-12: a landmine rotation and a windmill as a camp's rotation beside a
    medicine ball. Rotation on two days is worth it, thrown where the ball is at hand."""
    gym = (*FULL_GYM, "medicine_ball")
    groups = _catalogue(library, profiles, equipment=gym, sport="fighter")
    throw = "medicine_ball_rotational_throw"
    once = term_values(groups, {(throw, "Mon"): 3})
    twice = term_values(groups, {(throw, "Mon"): 3, (throw, "Fri"): 3})
    slow = term_values(groups, {(throw, "Mon"): 3, ("landmine_rotation", "Fri"): 3})
    assert once["pattern_days"] < twice["pattern_days"]
    assert slow["pattern_days"] == once["pattern_days"]


def test_a_runners_calves_train_on_two_days_and_lead_the_accessories(library, profiles) -> None:
    """Rounds 73-75: runners' calf raises once a week, last on the last day ("calves last
    despite the runner brief"). Calf work on a second day is worth it; a runner's calf raises
    and hip abduction lead the work after the main lifts."""
    groups = _catalogue(library, profiles, equipment=FULL_GYM, sport="runner")
    once = term_values(groups, {("standing_calf_raise", "Mon"): 3, ("seated_calf_raise", "Mon"): 3})
    abduction = term_values(groups, {("hip_abduction_machine", "Mon"): 3})
    both = term_values(
        groups, {("hip_abduction_machine", "Mon"): 3, ("cable_hip_abduction", "Fri"): 3}
    )
    assert abduction["pattern_days"] < both["pattern_days"]
    twice = term_values(
        groups, {("standing_calf_raise", "Mon"): 3, ("seated_calf_raise", "Fri"): 3}
    )
    assert once["pattern_days"] < twice["pattern_days"]
    own = groups.problem.own_families
    for exercise_id in ("standing_calf_raise", "seated_calf_raise", "hip_abduction_machine"):
        assert library.exercise(exercise_id).family in own, exercise_id
    general = _catalogue(library, profiles, equipment=FULL_GYM)
    assert not general.problem.own_families


def test_a_runners_calf_sets_are_worth_the_floors_rate_to_the_target(library, profiles) -> None:
    """Rounds 75-78: runners' calves at the floor (3 + 3 sets a week) where the coaches gave
    10-14, "the client's first priority". A runner's calf and abduction sets keep the floor's
    rate up to the target; a general client's calf raises are worth nothing past the floor."""
    runner = _catalogue(library, profiles, equipment=FULL_GYM, sport="runner")
    week = {("standing_calf_raise", "Mon"): 3, ("seated_calf_raise", "Mon"): 3}
    more = {**week, ("standing_calf_raise", "Fri"): 3}
    floor_rate = term_values(runner, week)["patterns"] - term_values(runner, {})["patterns"]
    past = term_values(runner, more)["patterns"] - term_values(runner, week)["patterns"]
    assert past == floor_rate / 2  # three sets at the floor's rate, as the first six


def test_a_required_carry_may_take_three_sets_twice(library, profiles) -> None:
    """The stop hook's week of 2026-12-07: a required farmer carry held to 2 + 3 sets, one
    short of C12's six a week, because the variety rule forbade 3 + 3 and a carry takes 2-3 a
    session. A required carry or accessory is exempt; a lift no one asked for is not."""
    carry = {("farmer_carry", "Mon"): 3, ("farmer_carry", "Fri"): 3}
    asked = _catalogue(library, profiles, equipment=("dumbbell",), require=("farmer_carry",))
    free = _catalogue(library, profiles, equipment=("dumbbell",))
    assert term_values(asked, carry)["same_dose_twice"] == 0
    assert term_values(free, carry)["same_dose_twice"] < 0


def test_a_posterior_chain_week_places_no_press(library, profiles) -> None:
    """Round 80: a pike push-up (shoulders; upper trapezius and serratus as secondaries) in a
    posterior-chain runner's week, "outside the posterior-chain-only scope". In that scope a
    lift whose prime movers are all anterior is the client's other training, unless asked for."""
    kit = ("pullup_bar", "box")
    problem = make_problem(
        library,
        Client(weekdays=("Mon", "Wed", "Fri"), equipment=kit, scope="posterior_chain"),
        profiles,
    )
    kept = {e.id for e in problem.in_scope(problem.placeable())}
    assert "push_up_plus" in kept and "pike_push_up" not in kept
    assert "pike_push_up" in {e.id for e in problem.placeable()}
    asked = problem.with_client(
        Client(
            weekdays=("Mon", "Wed", "Fri"),
            equipment=kit,
            scope="posterior_chain",
            require=("pike_push_up",),
        )
    )
    assert "pike_push_up" in {e.id for e in asked.in_scope(asked.placeable())}
    whole = problem.with_client(Client(weekdays=("Mon", "Wed", "Fri"), equipment=kit))
    assert "pike_push_up" in {e.id for e in whole.in_scope(whole.placeable())}


def test_a_striker_with_a_back_to_spare_keeps_the_band_woodchop(library, profiles) -> None:
    """Round 82: a Muay Thai fighter with an old back tweak in a hotel gym had no rotation at
    all. The band woodchop is rotation with care; the cable's load and the Russian twist stay
    spared, and a general client with the same back keeps none."""
    kit = ("dumbbell", "bench", "cable", "machine", "band")
    fighter = _catalogue(
        library, profiles, equipment=kit, sport="fighter", avoid=("high_spinal_load",)
    )
    assert "band_woodchop" not in fighter.spine_spared
    assert {"cable_woodchop", "russian_twist"} <= fighter.spine_spared
    general = _catalogue(library, profiles, equipment=kit, avoid=("high_spinal_load",))
    assert "band_woodchop" in general.spine_spared


def test_an_intermediates_bodyweight_lunge_is_the_bulgarian(library, profiles) -> None:
    """Rounds 80-82: bodyweight squats of 12-15 reps as the knee-dominant work of
    intermediate and advanced clients with no load, "too easy", "filler". The bodyweight
    Bulgarian split squat is their level's lift, the squat a level below it; a cranky knee
    keeps the box squat and the split squat without cost."""
    kit = ("pullup_bar", "box")
    trained = _catalogue(library, profiles, equipment=kit, level="intermediate")
    easy = term_values(trained, {("bodyweight_squat", "Mon"): 4})
    their_level = term_values(trained, {("bodyweight_bulgarian_split_squat", "Mon"): 4})
    assert easy["level_fit"] < their_level["level_fit"] == 0
    knee = _catalogue(
        library, profiles, equipment=kit, level="intermediate", avoid=("deep_knee_flexion",)
    )
    assert term_values(knee, {("box_squat", "Mon"): 4})["level_fit"] == 0


def test_with_no_weight_the_single_leg_rdl_is_a_heavy_hinge(library, profiles) -> None:
    """Rounds 80-83: band good mornings and band RDLs as the heavy hinge of runners and a
    wrestler with a band, "weak bilateral band hinges", beside coaches' single-leg RDLs. With
    nothing heavier than a band, a single leg on the floor is as heavy a hinge; with a
    dumbbell, the two-legged dumbbell RDL is."""
    band = _catalogue(library, profiles, equipment=("band", "pullup_bar"), sport="runner")
    heavy = {e.id for e in band.heavy_hinge}
    assert "bodyweight_single_leg_rdl" in heavy and "band_romanian_deadlift" in heavy, heavy
    bells = _catalogue(library, profiles, equipment=("dumbbell", "band"), sport="runner")
    assert "bodyweight_single_leg_rdl" not in {e.id for e in bells.heavy_hinge}


def test_a_required_variant_stands_in_for_the_sports_lift(library, profiles) -> None:
    """A drawn week of 2026-12-08: a powerlifter who asked for the sumo deadlift got a
    conventional deadlift for the sport's defining lift beside it. The variant the client asks
    for is the sport's lift; a variant of another family or implement is not."""
    groups = _catalogue(
        library, profiles, equipment=FULL_GYM, sport="strength", require=("sumo_deadlift",)
    )
    assert groups.problem.sport_lift("barbell_deadlift") == {"barbell_deadlift", "sumo_deadlift"}
    assert groups.problem.sport_lift("back_squat") == {"back_squat"}
    sumo = term_values(groups, {("sumo_deadlift", "Mon"): 3})
    conventional = term_values(groups, {("barbell_deadlift", "Mon"): 3})
    assert (
        sumo["sport_lifts"] == conventional["sport_lifts"] > term_values(groups, {})["sport_lifts"]
    )
    other = _catalogue(
        library, profiles, equipment=FULL_GYM, sport="strength", require=("trap_bar_deadlift",)
    )
    assert other.problem.sport_lift("barbell_deadlift") == {"barbell_deadlift"}


def test_an_accessory_family_on_a_third_day_costs(library, profiles) -> None:
    """Rounds 84-86: leg curls on three days in five full-gym weeks, "leg curls appear 3
    times", the coaches' weeks never. A third day of an accessory family costs; a runner's own
    calf raises do not."""
    groups = _catalogue(library, profiles, equipment=FULL_GYM, sport="fighter")
    two = {("lying_leg_curl", "Mon"): 3, ("seated_leg_curl", "Wed"): 3}
    three = {**two, ("lying_leg_curl", "Fri"): 3}
    assert term_values(groups, two)["family_days"] == 0
    assert term_values(groups, three)["family_days"] < 0
    runner = _catalogue(library, profiles, equipment=FULL_GYM, sport="runner")
    calves = {
        ("standing_calf_raise", "Mon"): 3,
        ("seated_calf_raise", "Wed"): 3,
        ("standing_calf_raise", "Fri"): 3,
    }
    assert term_values(runner, calves)["family_days"] == 0


def test_pressing_a_profile_asks_none_of_is_held_to_its_own_lifts(library, profiles) -> None:
    """Round 88: a desk worker's 12 overhead-press sets a week (standing, seated and
    half-kneeling) where the profile asks no overhead pressing but its half-kneeling press
    once: "far past need". Past that lift's three sets, each set costs; a general client's
    overhead pressing keeps its own goal."""
    kit = ("dumbbell", "bench", "band")
    desk = _catalogue(library, profiles, equipment=kit, sport="desk_worker")
    asked = {("half_kneeling_dumbbell_press", "Mon"): 3}
    more = {**asked, ("dumbbell_overhead_press", "Wed"): 4, ("seated_dumbbell_press", "Fri"): 4}
    assert term_values(desk, more)["patterns"] < term_values(desk, asked)["patterns"]
    general = _catalogue(library, profiles, equipment=kit)
    assert term_values(general, asked)["patterns"] > term_values(general, {})["patterns"]


def test_a_runners_lower_body_main_lifts_are_mostly_single_leg(library, profiles) -> None:
    """Rounds 63-89: the coaches' runner weeks held 84% of their lower-body main-lift sets
    single-leg, ours 60% ("a swing, a kettlebell deadlift, a front squat and a glute bridge"
    for a marathoner). A runner's two-legged set past a third of them costs; a general
    client's does not."""
    runner = _catalogue(library, profiles, equipment=FULL_GYM, sport="runner")
    single = {("dumbbell_single_leg_rdl", "Mon"): 4, ("bulgarian_split_squat", "Wed"): 4}
    mixed = {**single, ("romanian_deadlift", "Fri"): 4}
    heavy = {**mixed, ("front_squat", "Fri"): 3, ("barbell_hip_thrust", "Mon"): 3}
    assert term_values(runner, mixed)["single_leg"] == term_values(runner, single)["single_leg"]
    assert term_values(runner, heavy)["single_leg"] < term_values(runner, mixed)["single_leg"]
    general = _catalogue(library, profiles, equipment=FULL_GYM)
    assert term_values(general, heavy)["single_leg"] == term_values(general, mixed)["single_leg"]


def test_a_fighters_pressing_stops_at_one_and_a_half_times_its_goal(library, profiles) -> None:
    """Rounds 73-93: fighters' and grapplers' long weeks with a bench on two days beside an
    overhead and a close-grip press (14 sets), "a lot of pressing for a kickboxer", in eight
    reviews. A fighter's press goal (5 sets) is not filled past 7.5."""
    fighter = _catalogue(library, profiles, equipment=FULL_GYM, sport="fighter")
    seven = {("bench_press", "Mon"): 4, ("close_grip_bench_press", "Fri"): 3}
    eight = {("bench_press", "Mon"): 4, ("close_grip_bench_press", "Fri"): 4}
    assert term_values(fighter, eight)["patterns"] < term_values(fighter, seven)["patterns"]


def test_a_band_leg_curl_is_the_lighter_curl_beside_a_nordic(library, profiles) -> None:
    """Rounds 82-99: band leg curls in 76 of 180 of our weeks, the coaches' in 31; 13 of the 18
    advanced clients given one got a Nordic curl from the coach ("too light for an advanced
    lifter"). Curls are measured against each other across their families, the Nordic and the
    glute-ham raise as the heaviest curl at hand (never below a machine's); an intermediate's
    band and sliding curls, with no Nordic to reach for, stay level."""
    garage = ("barbell", "dumbbell", "bench", "pullup_bar", "band")
    advanced = _catalogue(library, profiles, equipment=garage, level="advanced").lighter_steps
    assert advanced.get("band_leg_curl", 0) > 0 and advanced.get("sliding_leg_curl", 0) > 0
    assert "nordic_curl" not in advanced
    middle = _catalogue(library, profiles, equipment=garage, level="intermediate").lighter_steps
    assert "band_leg_curl" not in middle and "sliding_leg_curl" not in middle, middle
    gym = (*FULL_GYM, "ghd")
    full = _catalogue(library, profiles, equipment=gym, level="advanced").lighter_steps
    assert not {"nordic_curl", "glute_ham_raise", "lying_leg_curl"} & set(full), full
    assert full.get("band_leg_curl", 0) > 0


def test_a_strength_athletes_barbell_row_goes_where_the_squats_leave_room(
    library, profiles
) -> None:
    """Rounds 82-99: every strength athlete's coach wrote a barbell or Pendlay row, ours none
    ("no barbell row", six reviews). The row is asked once a week where the squats (two days)
    and the deadlift (one) leave a session free of heavy spinal work: four days, not three."""
    for days, goal in ((("Mon", "Wed", "Fri"), 0), (("Mon", "Tue", "Thu", "Sat"), 1)):
        groups = _catalogue(
            library,
            profiles,
            equipment=FULL_GYM,
            level="advanced",
            sport="strength",
            weekdays=days,
        )
        placeable = frozenset(groups.by_id)
        assert groups.problem.sport_lift_days("barbell_row", placeable) == goal
        assert groups.problem.sport_lift_days("back_squat", placeable) == 2
        rowed = term_values(groups, {("barbell_row", "Sat"): 3})["sport_lifts"]
        assert (rowed > term_values(groups, {})["sport_lifts"]) is (goal > 0)


def test_a_third_lift_led_by_one_major_muscle_in_a_session_costs(library, profiles) -> None:
    """Rounds 82-99: sessions holding three lifts led by the lats in 33 of our 605 sessions,
    the coaches' 9 ("three lat exercises on Sunday"); hamstrings 35 and 18. Two a session are
    free; the third costs, and spread over two days it does not."""
    groups = _catalogue(library, profiles, equipment=FULL_GYM, level="intermediate")
    two = {("pull_up", "Mon"): 3, ("lat_pulldown", "Mon"): 3}
    three = {**two, ("dumbbell_pullover", "Mon"): 3}
    spread = {**two, ("dumbbell_pullover", "Fri"): 3}
    assert term_values(groups, two)["muscle_stack"] == 0
    assert term_values(groups, three)["muscle_stack"] < 0
    assert term_values(groups, spread)["muscle_stack"] == 0


def test_a_fighters_throw_staple_is_from_the_hips_or_the_trunk(library, profiles) -> None:
    """Round 100: an MMA fighter with a medicine ball slammed it and passed it to a wall, and
    rotated only with a landmine ("the brief asks for rotation first", both reviews). The
    chest pass stays power work; the throw staple is a scoop toss, a rotational or an
    overhead back toss. A slow family keeps its anterior members (a desk worker's dead bug)."""
    kit = ("barbell", "dumbbell", "kettlebell", "bench", "pullup_bar", "band", "medicine_ball")
    fighter = _catalogue(library, profiles, equipment=kit, sport="fighter")
    throws = {e.id for e in fighter.staples["throw"]}
    assert "medicine_ball_chest_pass" not in throws
    assert {"medicine_ball_rotational_throw", "medicine_ball_scoop_toss"} <= throws
    passed = term_values(fighter, {("medicine_ball_chest_pass", "Mon"): 3})["staple"]
    tossed = term_values(fighter, {("medicine_ball_scoop_toss", "Mon"): 3})["staple"]
    assert tossed > passed
    desk = _catalogue(library, profiles, equipment=kit, sport="desk_worker")
    for group in desk.staples.values():
        if any(e.family == "trunk_stability" for e in group):
            assert "dead_bug" in {e.id for e in group}


def test_a_beginners_swing_is_no_power_the_week_aims_at(library, profiles) -> None:
    """Round 102: a 62-year-old beginner desk worker's Monday opened with dumbbell swings
    (both reviews: "swings for a 62-year-old beginner"). A swing the beginner did not ask for
    is neither a staple (rounds 22-24) nor the power pattern's work; asked for, it is both."""
    kit = ("dumbbell", "kettlebell", "bench", "cable", "machine")
    beginner = _catalogue(library, profiles, equipment=kit, level="beginner")
    assert not {"kettlebell_swing", "dumbbell_swing"} & {
        e.id for e in beginner.patterns.get("power", ())
    }
    asked = _catalogue(
        library, profiles, equipment=kit, level="beginner", require=("kettlebell_swing",)
    )
    assert "kettlebell_swing" in {e.id for e in asked.patterns.get("power", ())}
