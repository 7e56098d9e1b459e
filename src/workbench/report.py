"""``workbench report``: a standalone HTML page of a checked plan, for the coach to hand to
the client.

Plain words for the client: every exercise with a cue and how heavy to go, what each muscle
gets in the week, and why anything falls short. One small offline file: no scripts, the
charts are HTML and CSS bars (plotly.js alone would add 4.6 MB). All text that comes from
files (client, exercise and muscle names) is HTML-escaped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from html import escape
from pathlib import Path

from workbench import iotools
from workbench.analytics import MuscleCoverage, coverage
from workbench.check import check_plan
from workbench.client import (
    Client,
    SportProfile,
    Target,
    validate_client,
)
from workbench.coaching import CoachWeights
from workbench.errors import InputError
from workbench.explain import Cause, ShortMuscle, explain_shortfalls
from workbench.glossary import LOADED_EQUIPMENT
from workbench.library import Exercise, Library
from workbench.optimize import SolveOptions, SolveResult, Termination
from workbench.plan import Plan
from workbench.present import COLOURS, equipment_name, named_ids, number, tag_name
from workbench.problem import make_problem
from workbench.quality import CoachCheck, coach_check

__all__ = [
    "CUES",
    "EXERCISE_CUES",
    "FAMILY_CUES",
    "FIGURE_IDS",
    "client_report",
    "exercise_cue",
    "limits_list",
    "load_guidance",
    "report_html",
    "run",
]

EXIT_OK, EXIT_VIOLATIONS = 0, 1
#: The ``id`` of each chart's ``<div>`` in the report, in page order.
FIGURE_IDS = ("coverage-figure", "minutes-figure")

STYLE = """
body { font-family: Inter, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2733;
       max-width: 1000px; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d8dee4; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
.subtitle, .how, .note { color: #5c6773; }
.how { font-size: .88rem; }
dl.limits { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.2rem; }
dl.limits dt { color: #5c6773; }
dl.limits dd { margin: 0; }
table { border-collapse: collapse; margin: .3rem 0 1rem; font-size: .92rem; width: 100%; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid #e6eaee; text-align: left;
         vertical-align: top; }
th { background: #f4f6f8; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.short { color: #d1495b; font-weight: 600; }
.ok { color: #2a9d8f; }
.summary { background: #f4f6f8; padding: .6rem .9rem; border-radius: 4px; }
.bars { display: grid; grid-template-columns: 11rem 1fr 7rem; gap: .25rem .6rem;
        align-items: center; font-size: .9rem; }
.track { position: relative; height: .9rem; background: #eef1f4; border-radius: 2px; }
.fill { position: absolute; top: 0; bottom: 0; left: 0; border-radius: 2px; }
.mark { position: absolute; top: -.15rem; bottom: -.15rem; width: 2px; background: #264653; }
footer { color: #5c6773; font-size: .85rem; margin-top: 3rem; }
@media print { section { page-break-inside: avoid; } }
"""

#: How each family of exercises is done well: one sentence a coach would say, naming the
#: movement (a test holds every shipped family to one, and each to its movement's words).
FAMILY_CUES = {
    "kettlebell_swing": "Hike the bell back between the legs, then snap the hips forward so the "
    "bell swings up to chest height; the arms only guide it.",
    "kettlebell_ballistic": "Hike the bell back, snap the hips forward and keep the bell close to "
    "the body as it travels up; let it land softly in the rack or overhead.",
    "olympic_lift": "Pull the bar from the floor with a flat back, jump with the hips and pull "
    "yourself under the bar to catch it on the front of the shoulders.",
    "jump": "Swing the arms, jump by driving through the hips and land softly with the knees over "
    "the toes; reset before the next jump.",
    "sprint": "Stay tall, drive the knee up and push the ground back behind you on each stride; "
    "rest fully between sprints and bounds.",
    "sprawl": "Drop the hands to the floor and kick the legs back so the hips sink to the ground, "
    "then snap the hips up and pull the feet back under you to stand.",
    "throw": "Load the hips, then throw the ball with the whole body; reset fully before the next "
    "throw.",
    "slam": "Reach tall with the ball overhead, then slam it down in front of the feet with the "
    "whole body; pick it up with a flat back.",
    "deadlift": "Brace, push the hips back and lift the weight close to the legs with a flat "
    "back; stand tall and squeeze the glutes without leaning back.",
    "good_morning": "With soft knees, push the hips back with a flat back until the hamstrings "
    "stretch, then drive the hips forward to stand tall.",
    "pull_through": "Facing away from the anchor, hinge back and let the handle pass between the "
    "legs, then drive the hips forward and squeeze the glutes.",
    "glute_bridge": "Ribs down, drive through the heels and lift the hips until they are level "
    "with the knees; squeeze the glutes and pause at the top.",
    "squat": "Brace, squat down between the hips with the knees following the toes, and stand up "
    "through the whole foot.",
    "lunge": "Keep the chest tall, lower the back knee under control with the front knee over the "
    "toes and push up through the front heel.",
    "row": "Keep the back flat, row the elbows towards the hips and squeeze the shoulder blades "
    "together; lower under control.",
    "vertical_pull": "Start from a long arm, pull the elbows down towards the ribs with the chest "
    "up; no swinging.",
    "press": "Set the shoulder blades, lower the chest or the weight with the elbows at about 45 "
    "degrees and press back up through the full range.",
    "overhead_press": "Brace and squeeze the glutes, press the weight up until the arm is straight "
    "beside the ear; no leaning back.",
    "back_extension": "Hinge at the hips over the pad with a long spine and rise to a straight "
    "line; do not over-arch the lower back.",
    "reverse_hyper": "Hold on, lift the legs behind you with the glutes until they are in line "
    "with the body, then lower them under control; no swinging.",
    "leg_curl": "Keep the hips still and curl the heels towards you with the back of the "
    "thighs; lower slowly, about three seconds.",
    "nordic": "Hold a straight line from knee to head and lower forward as slowly as the "
    "hamstrings allow, then curl back up (push off with the hands as needed).",
    "calf_raise": "Use the full range: let the heel sink into a stretch, rise onto the toes as "
    "high as you can and pause at the top.",
    "pogo": "Stay on the balls of the feet with stiff ankles and bounce off the ground in quick, "
    "small, quiet hops.",
    "hip_abduction": "Keep the pelvis still and the toes pointing forward; move the leg out to "
    "the side with the side of the hip, not by leaning.",
    "adduction": "Squeeze the legs together with the inner thighs, slowly, keeping the hips still.",
    "glute_kickback": "Kick the leg straight back with the glute, keep the hips square and the "
    "lower back still; pause at the top.",
    "face_pull": "Pull the rope towards the face with the elbows high and turn the hands back at "
    "the end, as if showing your biceps; return slowly.",
    "reverse_fly": "Arms long with a soft elbow, open them out to the sides by squeezing the "
    "shoulder blades together; no shrugging.",
    "y_raise": "Thumbs up, raise the arms into a Y overhead by drawing the shoulder blades down; "
    "keep the neck long.",
    "scapular_pull_up": "Hang on straight arms and pull the shoulder blades down and back so the "
    "body rises a little; the elbows stay straight.",
    "shrug": "Shrug the shoulders straight up towards the ears, pause, and lower slowly; no "
    "rolling.",
    "neck": "Move only the head and neck, slowly and in a small pain-free range: nod the head "
    "back against the resistance and return.",
    "pullover": "Keep the arms long and nearly straight and pull from overhead down towards the "
    "hips with the lats; ribs down.",
    "serratus_punch": "Punch the arm long by spreading the shoulder blades around the ribs, then "
    "let them come back slowly; the elbows stay straight.",
    "rotation": "Turn from the hips and upper back with long arms; brace and control the way back.",
    "trunk_stability": "Brace and keep the trunk still while the arms or legs move; breathe "
    "behind the brace.",
    "crawl": "Crawl on hands and feet with the knees an inch off the floor, the back flat and "
    "still; small steps, opposite hand and foot together.",
    "lateral_core": "Stack the hips and hold the body in one line on the elbow; do not let the "
    "hips sag.",
    "windmill": "Lock the bell overhead and watch it, push the hip out and reach the other hand "
    "down the leg; the top arm stays vertical.",
    "side_bend": "Bend straight to the side and back up with the side of the trunk; no twisting "
    "or leaning forward.",
    "leg_raise": "Hang still, curl the pelvis up and raise the legs without swinging; lower "
    "slowly.",
    "carry": "Stand tall with the shoulders set, walk with short steady steps and do not lean "
    "towards the weight.",
}
#: Exercises that move unlike the rest of their family get their own cue.
EXERCISE_CUES = {
    "kettlebell_clean": "Hike the bell back, snap the hips forward and pull the elbow in so the "
    "bell rolls around the hand into the rack without banging the forearm.",
    "kettlebell_snatch": "Hike the bell back, snap the hips forward and punch the hand up through "
    "the handle so the bell settles overhead on a straight arm.",
    "pallof_press": "Press the handle straight out from the chest and do not let the trunk turn "
    "towards the anchor; hold, breathe and bring it back.",
    "cable_pallof_press": "Press the handle straight out from the chest and do not let the trunk "
    "turn towards the anchor; hold, breathe and bring it back.",
    "step_up": "Put the whole foot on the box and step up through that heel without pushing off "
    "the back foot; step down slowly.",
    "dumbbell_step_up": "Put the whole foot on the box and step up through that heel without "
    "pushing off the back foot; step down slowly.",
    "lateral_lunge": "Step wide to the side, sit back into that hip with the other leg straight "
    "and push back to the middle.",
    "cossack_squat": "Feet wide, sit down into one hip with the other leg straight and the heel "
    "down, then shift across to the other side.",
    "copenhagen_plank": "Top leg on the bench, lift the hips until the body is one line and hold "
    "it with the inner thigh of the top leg.",
    "short_lever_copenhagen_plank": "Top knee on the bench, lift the hips until the body is one "
    "line and hold it with the inner thigh of the top leg.",
    "side_plank_hip_abduction": "Hold a side plank with the hips stacked and lift the top leg "
    "with the side of the hip; do not let the hips sag.",
    "superman": "Lying face down, lift the arms, chest and legs a little off the floor with a "
    "long neck; hold, then lower slowly.",
    "flexed_arm_hang": "Hold the chin above the bar with the chest up and the shoulders down; "
    "lower slowly when you cannot hold any longer.",
    "pike_push_up": "Hips high and hands shoulder-width, lower the top of the head towards the "
    "floor between the hands, then press back up to straight arms.",
    "box_pike_push_up": "Feet on the box and hips high above the hands, lower the top of the head "
    "towards the floor between the hands, then press back up to straight arms.",
    "pull_up_negative": "Start with the chin above the bar and lower yourself slowly, for three "
    "to five seconds, to a long arm.",
}
#: A family no cue names (an imported library): the cue of its movement pattern.
CUES = {
    "hinge": "Push the hips back with a flat back and only a slight knee bend until the "
    "hamstrings stretch, then drive the hips forward and squeeze the glutes.",
    "squat": "Brace, sit down between the hips with the knees following the toes, and stand up "
    "through the whole foot.",
    "lunge": "Take a long step, keep the chest tall, lower the back knee under control and push "
    "up through the front heel.",
    "hip_extension": "Ribs down, drive through the heels and squeeze the glutes at the top "
    "without arching the lower back; pause for a second.",
    "knee_flexion": "Keep the hips still and curl with the back of the thighs; lower slowly, "
    "about three seconds.",
    "vertical_pull": "Start from a long arm, pull the elbows down towards the ribs with the "
    "chest up; no swinging.",
    "horizontal_pull": "Keep the back flat, pull the elbows towards the hips and squeeze the "
    "shoulder blades together; lower under control.",
    "scapular": "Move from the shoulder blades, slowly, keeping the neck long.",
    "abduction": "Keep the pelvis still and the toes pointing forward; lift with the side of "
    "the hip, not by leaning.",
    "plantar_flexion": "Use the full range: let the heel sink into a stretch, rise as high as "
    "you can and pause at the top.",
    "trunk_extension": "Lift the trunk with a long spine and stop at a straight line; do not "
    "over-arch.",
    "rotation": "Turn from the hips and upper back with long arms; brace and control the way back.",
    "anti_rotation": "Brace and do not let the trunk turn; keep breathing behind the brace.",
    "lateral_flexion": "Keep the hips stacked and the body in one line; move slowly, no twisting.",
    "carry": "Stand tall with the shoulders set, take short steady steps and do not lean "
    "towards the weight.",
    "push": "Set the shoulder blades, keep the elbows at about 45 degrees and use the full range "
    "under control.",
    "locomotion": "Move with control and stop the set as soon as the form gets sloppy.",
    "throw": "Load the hips, then throw with the whole body; reset fully before the next rep.",
}
#: Reps in reserve at the end of a set, by level: beginners keep more in the tank.
RESERVE = {"beginner": "3", "intermediate": "2", "advanced": "1-2"}


def _number(value: float) -> str:
    return number(value)


def exercise_cue(exercise: Exercise) -> str:
    """How to do the exercise well: its own cue, else its family's, else its movement
    pattern's; then a word on bracing and on sides where they apply."""
    cue = EXERCISE_CUES.get(exercise.id) or FAMILY_CUES.get(exercise.family)
    if cue is None:
        cue = CUES.get(exercise.pattern, "Move with control through the full range you own.")
    if exercise.spinal_load == "high":
        cue += " Brace the trunk before every rep."
    if exercise.unilateral:
        cue += " Start with the weaker side."
    return cue


def load_guidance(exercise: Exercise, reps: str, level: str) -> str:
    """How heavy to go, from the equipment, the reps and the client's level."""
    reserve = RESERVE.get(level, "2")
    side = " per side" if exercise.unilateral else ""
    loaded = any(item in LOADED_EQUIPMENT for item in exercise.equipment)
    if exercise.explosive and loaded:
        return (
            f"{reps}{side}, with a light to moderate load you can move fast; end each set while "
            "every rep is still crisp."
        )
    if exercise.explosive:
        return (
            f"{reps}{side}, each one fast and full effort; stop the set when you start to "
            "slow down."
        )
    if reps.endswith("s"):
        return (
            f"Hold or carry for {reps[:-1]} seconds{side}, with a load or position you can keep "
            "with good form the whole time."
        )
    if loaded:
        return (
            f"Pick a weight that leaves about {reserve} good reps in reserve after {reps}{side}; "
            "add a little when every set feels that way."
        )
    if "band" in exercise.equipment:
        return (
            f"Pick a band that makes the last 2-3 of {reps}{side} hard but clean; go to a "
            "stronger band when they get easy."
        )
    return (
        f"Bodyweight, {reps}{side}; when every set is easy, lower slowly over three seconds or "
        "add a pause."
    )


def _header(
    client: Client, library: Library, profile: SportProfile | None, generated: dt.date
) -> str:
    return (
        f"<header>\n<h1>Your week of training: {escape(client.name)}</h1>\n"
        '<p class="subtitle">A week that trains the back of the body (upper back, lower back, '
        "glutes, hamstrings and calves), checked against your days, time, equipment, level, "
        "injuries and a day's rest for each muscle between hard sessions.</p>\n"
        f"{limits_list(client, library, profile, generated)}\n</header>"
    )


def limits_list(
    client: Client, library: Library, profile: SportProfile | None, generated: dt.date
) -> str:
    """The client's limits as a definition list (the week's and the block's report open
    with it)."""
    exercise_names = {e.id: e.name for e in library.exercises}
    equipment = ", ".join(equipment_name(library, e) for e in ("bodyweight", *client.equipment))
    sport = client.sport if profile is None else profile.name
    rows = [
        ("Training days", ", ".join(client.weekdays)),
        ("Time per session", f"{_number(client.minutes_per_session)} min"),
        ("Equipment", equipment),
        ("Level", client.level),
        ("Sport", sport),
        ("Leaves out", ", ".join(tag_name(t) for t in client.avoid) or "nothing"),
        ("Always includes", ", ".join(exercise_names.get(e, e) for e in client.require) or "-"),
        ("Never includes", ", ".join(exercise_names.get(e, e) for e in client.ban) or "-"),
        ("Date", generated.isoformat()),
    ]
    if client.sparring:
        rows.insert(1, ("Sparring days", ", ".join(client.sparring)))
    items = "\n".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return f'<dl class="limits">\n{items}\n</dl>'


def _plan_tables(plan: Plan, library: Library, client: Client) -> str:
    minutes = plan.session_minutes()
    exercises = {e.id: e for e in library.exercises}
    parts = ['<section id="plan">\n<h2>Your sessions</h2>']
    for weekday in plan.training_weekdays:
        session = plan.session(weekday)
        used = minutes.get(weekday, 0.0)
        parts.append(
            f"<h3>{escape(weekday)}: about {_number(used)} of "
            f"{_number(client.minutes_per_session)} min</h3>"
        )
        if not session:
            parts.append('<p class="note">Rest day.</p>')
            continue
        rows = []
        for entry in session:
            exercise = exercises.get(entry.exercise_id)
            how = (
                f"{exercise_cue(exercise)} {load_guidance(exercise, entry.reps, client.level)}"
                if exercise is not None
                else ""
            )
            rows.append(
                "<tr>"
                f'<td class="number">{entry.order}</td>'
                f"<td><b>{escape(entry.exercise)}</b>"
                f'<div class="how">{escape(how)}</div></td>'
                f'<td class="number">{entry.sets} x {escape(entry.reps)}</td>'
                f'<td class="number">{entry.rest_seconds} s</td>'
                "</tr>"
            )
        parts.append(
            '<table class="session">\n<thead><tr><th class="number">#</th><th>Exercise and how '
            'to do it</th><th class="number">Sets x reps</th><th class="number">Rest</th></tr>'
            f"</thead>\n<tbody>\n{''.join(rows)}\n</tbody>\n</table>"
        )
    parts.append("</section>")
    return "\n".join(parts)


def _coverage_bars(rows: Sequence[MuscleCoverage]) -> str:
    """Each back-of-body muscle's sets this week against its minimum and ceiling."""
    posterior = [r for r in rows if r.chain == "posterior"]
    scale = max([r.max_sets for r in posterior] + [r.effective_sets for r in posterior] + [1.0])
    lines = []
    for row in posterior:
        colour = COLOURS["short"] if row.status == "short" else COLOURS["ok"]
        width = 100 * row.effective_sets / scale
        floor = 100 * row.min_sets / scale
        words = (
            f'<span class="short">{_number(row.shortfall)} short</span>'
            if row.status == "short"
            else f'<span class="ok">{_number(row.effective_sets)} sets</span>'
        )
        lines.append(
            f"<div>{escape(row.muscle)}</div>"
            f'<div class="track"><div class="fill" style="width:{width:.1f}%;'
            f'background:{colour}"></div><div class="mark" style="left:{floor:.1f}%"></div></div>'
            f"<div>{words}</div>"
        )
    return (
        '<section id="coverage">\n<h2>What each muscle gets this week</h2>\n'
        '<p class="note">Sets a week for each muscle (a set counts in full for the muscles an '
        "exercise mainly works, half for those that help); the dark line is the weekly "
        "minimum.</p>\n"
        f'<div class="bars" id="{FIGURE_IDS[0]}">{"".join(lines)}</div>\n</section>'
    )


def _minutes_bars(plan: Plan, client: Client) -> str:
    minutes = plan.session_minutes()
    lines = []
    for weekday in client.weekdays:
        used = minutes.get(weekday, 0.0)
        width = 100 * min(used / client.minutes_per_session, 1.0)
        lines.append(
            f"<div>{escape(weekday)}</div>"
            f'<div class="track"><div class="fill" style="width:{width:.1f}%;'
            f'background:{COLOURS["posterior"]}"></div></div>'
            f"<div>{_number(used)} min</div>"
        )
    return (
        f"<h3>Time per session (of {_number(client.minutes_per_session)} min)</h3>\n"
        f'<div class="bars" id="{FIGURE_IDS[1]}">{"".join(lines)}</div>'
    )


#: Why a muscle falls short, in the client's words, by the cause the explainer found.
SHORT_WORDS = {
    Cause.EXERCISES: "none of the exercises that train it fit the equipment, level or injuries",
    Cause.TIME: "the sessions are too short to fit enough sets for it beside the other muscles",
    Cause.RECOVERY: "its exercises would fall on two days in a row, and each muscle needs a "
    "day's rest between hard sessions",
    Cause.REQUIRED: "the exercises asked for take the time it would need",
    Cause.LIMITS: "the limits on sets per exercise and on the other muscles' weekly volume "
    "leave no room for more",
}


def _summary(rows: Sequence[MuscleCoverage], short: Sequence[ShortMuscle]) -> str:
    below = [r for r in rows if r.chain == "posterior" and r.status == "short"]
    if not below:
        return '<p class="summary">Every back-of-body muscle gets at least its weekly minimum.</p>'
    causes = {s.muscle_id: SHORT_WORDS.get(s.cause, "") for s in short}
    items = "".join(
        f"<li><b>{escape(r.muscle)}</b>: {_number(r.shortfall)} "
        f"{'set' if r.shortfall == 1 else 'sets'} a week below its minimum"
        + (f", because {escape(causes[r.muscle_id])}" if causes.get(r.muscle_id) else "")
        + ".</li>"
        for r in below
    )
    return (
        f'<div class="summary"><p>{len(below)} muscle(s) get less than their weekly minimum; '
        "this is the closest any week within your limits can come:</p>"
        f"<ul>{items}</ul></div>"
    )


def _check_section(check: CoachCheck | None, library: Library) -> str:
    """The coach's check: each criterion, whether the week passes it, and the number."""
    if check is None:
        return ""
    rows = "\n".join(
        f"<tr><td>{c.id}</td><td>{escape(c.title)}</td>"
        f'<td class="{"ok" if c.passed or not c.applies else "short"}">'
        f"{'-' if not c.applies else 'yes' if c.passed else 'no'}</td>"
        f"<td>{escape(named_ids(library, c.detail))}</td></tr>"
        for c in check.criteria
    )
    return (
        '<section id="coach-check">\n<h2>How a coach would judge this week</h2>\n'
        f"<p>{escape(check.summary())}</p>\n"
        "<table>\n<thead><tr><th></th><th>What a coach looks for</th><th>Met</th>"
        f"<th>This week</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</section>"
    )


def report_html(
    plan: Plan,
    library: Library,
    client: Client,
    targets: Mapping[str, Target],
    *,
    profile: SportProfile | None = None,
    generated: dt.date | None = None,
    check: CoachCheck | None = None,
    short: Sequence[ShortMuscle] = (),
) -> str:
    """The whole report as one small standalone HTML page (no scripts).

    ``plan`` should have passed :func:`workbench.check.check_plan` for ``client``;
    ``targets`` are the weekly bands [sets/week] that apply (see ``resolve_targets``);
    ``short`` the explained shortfalls (see :func:`workbench.explain.explain_shortfalls`).
    """
    generated = generated or dt.date.today()
    # A plan read from CSV only knows the weekdays it uses; show the client's rest days too.
    plan = replace(plan, weekdays=tuple(client.weekdays))
    rows = coverage(plan, library, dict(targets))
    return html_page(
        f"Training week for {escape(client.name)}",
        STYLE,
        [
            _header(client, library, profile, generated),
            _summary(rows, short),
            _plan_tables(plan, library, client),
            _coverage_bars(rows),
            _minutes_bars(plan, client),
            _check_section(check, library),
        ],
    )


def html_page(title: str, style: str, sections: Sequence[str]) -> str:
    """A client's page: one offline HTML file with its ``style``, ``sections`` and the
    handout's footer (the week's report and the block's share it)."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title}</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            *sections,
            "<footer>Made with the posterior-chain program workbench. Warm up before each "
            "session; stop an exercise that hurts and tell your coach.</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def client_report(
    plan: Plan,
    library: Library,
    client: Client,
    profiles: Mapping[str, SportProfile],
    *,
    generated: dt.date | None = None,
    weights: CoachWeights | None = None,
    file: str = "client",
) -> str:
    """The client's report of a checked ``plan``: ``workbench report`` and the dashboard's
    "Client report" button write this same page. ``file`` names the client in errors;
    ``weights`` (default: the shipped) set how much of each floor a short week carries."""
    profile = profiles.get(client.sport)
    problem = make_problem(library, client, profiles, weights, file=file)
    targets = dict(problem.targets)
    check = coach_check(plan, problem)
    # Why a muscle is short: re-solves the coverage stage with one limit relaxed at a time.
    short = explain_shortfalls(
        problem, SolveResult(Termination.OPTIMAL, plan=plan), SolveOptions(solver="highs")
    )
    return report_html(
        plan,
        library,
        client,
        targets,
        profile=profile,
        generated=generated,
        check=check,
        short=short,
    )


def run(args: argparse.Namespace) -> int:
    """The ``report`` command: 0 written, 1 the plan breaks a hard limit (nothing written).
    A block CSV (recognised by its header) is reported by
    :func:`workbench.block_report.run_block`.

    Bad input raises :class:`~workbench.errors.InputError`, which the CLI turns into exit 2.
    """
    if iotools.is_block_csv(args.plan_csv):
        # A block file (its header says so): a page per week and the progression.
        from workbench.block_report import run_block

        return run_block(args)
    for option, given in (("--camp", args.camp or None), ("--fight-date", args.fight_date)):
        if given is not None:
            raise InputError(
                f"is for a block CSV; {args.plan_csv} is a plan",
                file="command line",
                field=option,
                value=given,
            )
    library = iotools.read_library(args.library)
    profiles = iotools.read_library_profiles(args.library, library)
    client = validate_client(iotools.read_client(args.client), library, profiles, file=args.client)
    plan = iotools.read_plan(args.plan_csv)
    weights = iotools.read_library_weights(args.library)
    problem = make_problem(library, client, profiles, weights, file=args.client)
    targets = dict(problem.targets)
    violations = check_plan(plan, library, client, targets)
    if violations:
        for violation in violations:
            print(f"{args.plan_csv}: {violation}")
        print(
            f"workbench: {args.plan_csv} breaks {len(violations)} hard limit(s) for "
            f"{client.name}; no report written",
            file=sys.stderr,
        )
        return EXIT_VIOLATIONS
    page = client_report(plan, library, client, profiles, weights=weights, file=args.client)
    iotools.atomic_write_text(Path(args.out), page)
    print(f"Wrote {args.out}")
    return EXIT_OK
