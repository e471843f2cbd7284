"""Clonazepam pages, part 1: what it is, doses, timing, side effects.

Written in the project's own words from the facts in clinical-reference.md; every
number here appears there. Nothing here tells a reader to change a dose.
"""

from .. import slugs


def url(slug: str) -> str:
    return f"/learn/pages/{slug}/"


AT_A_GLANCE = {
    "slug": slugs.AT_A_GLANCE,
    "title": "Clonazepam at a glance",
    "summary": "What clonazepam (Klonopin) is, what it treats, and the key safety facts.",
    "sources": ["fda_label", "fda_2016", "fda_2020", "cleveland", "nimh"],
    "related": [slugs.DOSE_RANGE, slugs.STOPPING_SAFELY, slugs.ALCOHOL_OPIOIDS_SEDATIVES],
    "body": f"""
## What it is

Clonazepam is a medicine for panic and for seizures. Its brand name is Klonopin.

It is one of a group of medicines called benzodiazepines. People often call them
"benzos" for short. Other benzos you may know are alprazolam (Xanax), lorazepam
(Ativan) and diazepam (Valium).

Benzos calm the brain. They boost GABA, a natural chemical that slows down signals
between nerve cells.

## What it is used for

The U.S. Food and Drug Administration (FDA) has approved clonazepam for:

- panic disorder in adults
- some kinds of seizures

Prescribers also use it for other kinds of anxiety. This is called "off-label" use.
It is legal and common. You can ask your prescriber why they chose it for you.

## The key numbers

- For panic disorder, the label starts adults at 0.25 mg two times a day.
- The usual goal is 1 mg a day in total.
- The most the label allows for panic disorder is 4 mg a day.
- You may feel it start in about 30 to 60 minutes.
- The calming effect lasts about 6 to 12 hours.
- The drug itself stays in your body much longer. It takes about 30 to 40 hours for
  half of a dose to leave.

## Three safety points

1. **Mixing is risky.** With opioids, alcohol or other sedating drugs, clonazepam can
   slow or even stop your breathing. The FDA puts its strongest warning, called a
   boxed warning, on this.
2. **Your body gets used to it.** Daily use can lead to dependence within days to
   weeks, even at the dose you were prescribed.
3. **Stopping needs a plan.** Stopping all at once can be dangerous. Talk with your
   prescriber before you stop or lower it. They can plan a slow decrease with you.

Read more: [tolerance, dependence and stopping safely]({url(slugs.STOPPING_SAFELY)}) and
[alcohol, opioids and other sedatives]({url(slugs.ALCOHOL_OPIOIDS_SEDATIVES)}).

## Before your visit

Write down how much you take, how often, and for how long. Note any side effects.
List every other medicine, drink or drug you use, even now and then. Your care team
uses this to keep you safe.
""",
}

DOSE_RANGE = {
    "slug": slugs.DOSE_RANGE,
    "title": "Where 1 mg sits in the dose range",
    "summary": "A total of 1 mg a day is a middle dose of clonazepam. See how it compares.",
    "sources": ["fda_label", "cleveland"],
    "related": [slugs.WHAT_CHANGES_DOSE, slugs.ONCE_OR_DIVIDED, slugs.DOSE_TOO_HIGH_OR_LOW],
    "body": f"""
## The range in one table

These amounts are the total for one whole day, added up across all doses.

| Total per day | How it is often described |
|---|---|
| 0.25 to 0.5 mg | Low |
| 0.75 to 2 mg | Moderate (the middle) |
| 2.5 to 4 mg | Higher |
| Above 4 mg | Rarely used; needs a special reason |

These bands are a rough guide used in patient writing. They are not rules from the
FDA.

## What the FDA label says

For adults with panic disorder, the label:

- starts at 0.25 mg two times a day
- goes up after 3 days to the target of 1 mg a day
- allows small steps up after that, every 3 days, if needed
- stops at 4 mg a day as the most for panic disorder

In studies that tested set doses, 1 mg a day was the only dose that beat a dummy
pill (placebo) each time.

Seizure treatment is different. For seizures, adults may take up to 20 mg a day. So
the 4 mg limit is for panic disorder only.

## So where does 1 mg fit?

A total of 1 mg a day sits in the middle. It is the usual target for panic disorder.
Many people get real relief from it. There is room to go lower or higher if needed.

But the middle is not right for everyone. Some people do well on less. Some need
more. See [what changes the right dose]({url(slugs.WHAT_CHANGES_DOSE)}).

## How other doses compare

- **0.25 mg:** a very careful first dose. It is often used for people who react
  strongly to medicines. For most, its effect is mild.
- **0.5 mg a day:** plenty for some people, often as two small doses. It may be used
  for milder anxiety or to stay well.
- **1 mg a day:** usually stronger relief than 0.5 mg, but also more sleepiness.
- **2 mg a day:** can control anxiety better. But side effects grow: more sleepiness,
  more memory trouble and a higher chance of dependence.
- **4 mg a day:** the top of the label range for panic disorder. Strong sleepiness,
  memory trouble, dependence and a harder withdrawal all become more likely.

## Your dose is your prescriber's call

Only your prescriber can say which dose fits you. Please do not change your dose
because of this page. Bring your questions to your visit.
""",
}

WHAT_CHANGES_DOSE = {
    "slug": slugs.WHAT_CHANGES_DOSE,
    "title": "What changes the right dose",
    "summary": "Why one person feels better on 0.5 mg a day and another needs more.",
    "sources": ["fda_label", "beers_2023", "nida", "brett_2015"],
    "related": [slugs.DOSE_RANGE, slugs.OLDER_ADULTS, slugs.ALCOHOL_OPIOIDS_SEDATIVES],
    "body": f"""
The same dose can feel very different from one person to the next. Your prescriber
looks at many things before they choose a dose.

## How strong your symptoms are

This is one of the biggest factors. People with severe panic or anxiety often need
more than people with mild symptoms. Some people with mild symptoms feel better with
0.5 mg a day or less. Others with severe symptoms may need 1 to 2 mg a day.

## Whether you have taken benzos before

If you have taken a benzo before, your body may be used to it. This is called
tolerance. After months or years of use, 1 mg may feel mild. For someone who has
never taken a benzo, the same 1 mg may feel too strong.

## Your body

Body size can matter. So can how fast your body breaks the medicine down. That speed
is not the same for everyone.

## Your age

Older adults feel benzos more and clear them more slowly. Experts advise people aged
65 and older to avoid benzos when they can. When one is needed, the lowest dose that
works is best. See [older adults and benzodiazepines]({url(slugs.OLDER_ADULTS)}).

## Other medicines, alcohol and drugs

Opioids, alcohol, sleep pills and other calming drugs add to the effect of
clonazepam. Taken together, 1 mg can act like a much bigger dose. See
[alcohol, opioids and other sedatives]({url(slugs.ALCOHOL_OPIOIDS_SEDATIVES)}).

## Your history with alcohol or drugs

A past problem with alcohol or drugs, in you or your family, raises the chance of
dependence. Your prescriber will want to know. It helps them plan safe care.

## What this means for you

Your prescriber weighs all of these things together. Tell them about every medicine
and drink you use, even if it seems small. If you think your dose is not right, talk
with your prescriber first. Do not change it on your own.
""",
}

WHAT_TO_EXPECT = {
    "slug": slugs.WHAT_TO_EXPECT,
    "title": "What to expect and when",
    "summary": "How soon clonazepam works, how long it lasts, and what the first weeks are like.",
    "sources": ["fda_label", "spitzer_2006", "cleveland"],
    "related": [slugs.SIDE_EFFECTS_SAFETY, slugs.ONCE_OR_DIVIDED, slugs.DOSE_TOO_HIGH_OR_LOW],
    "body": f"""
## The first hour

Most people feel clonazepam begin to work within about 30 to 60 minutes. The effect is
strongest about 1 to 4 hours after a dose.

## Through the day

You will likely feel calmer for about 6 to 12 hours. The medicine stays in your blood
much longer than that. It takes about 30 to 40 hours for half of a dose to leave your
body. In some people it is faster or slower, from about 19 to 60 hours.

That is why it can be taken once or two times a day. It also means the level in your
body builds up over the first few days.

## What it can help with

- body signs of anxiety, like a pounding heart, tense muscles or feeling restless
- panic attacks that come less often and feel less intense
- less worry, and a calmer feeling overall
- better sleep, when anxiety was keeping you awake

## The first weeks

Prescribers usually start low and go up slowly. For panic disorder, the label raises
the dose in small steps, every 3 days or so.

Feeling sleepy is common at the start. For many people it gets better over the first
weeks as the body adjusts.

Your care team may ask you to fill in a short form about anxiety called the GAD-7. It
has 7 questions about the last 2 weeks, and scores run from 0 to 21. Filling it in over
time shows whether treatment is helping.

## Over months

Your body can also get used to the calming effect. Some people find it works less well
over time. This is called tolerance. For this reason, benzos are mostly meant for short
spells or for now-and-then use. Some people do take them for a long time, with close
check-ups from their prescriber.

If you notice changes, tell your prescriber. See
[signs a dose may be too much or too little]({url(slugs.DOSE_TOO_HIGH_OR_LOW)}).
""",
}

SIDE_EFFECTS_SAFETY = {
    "slug": slugs.SIDE_EFFECTS_SAFETY,
    "title": "Side effects, driving, falls and memory",
    "summary": "The common side effects of clonazepam, and how to stay safe with them.",
    "sources": ["fda_label", "stewart_2005", "beers_2023", "cleveland"],
    "related": [slugs.OLDER_ADULTS, slugs.DOSE_TOO_HIGH_OR_LOW, slugs.GETTING_HELP_NOW],
    "body": f"""
## Common side effects

Even at 1 mg a day, many people notice:

- sleepiness, most of all when they first start
- feeling foggy or slow when thinking
- being a bit clumsy or unsteady
- trouble remembering new things
- tiredness or low energy

Sleepiness often fades as your body adjusts to the medicine. Memory and thinking
effects can stay with long-term use.

## Memory

Benzos can make it hard to store new memories while the medicine is working. Things
you learned before the dose are not affected. This effect is stronger at higher doses,
in older adults, and when clonazepam is mixed with other calming drugs.

## Driving and tasks that need you alert

Clonazepam can slow your reactions and your judgment. It can make it harder to learn
new things or solve problems. Take great care with driving and machines until you
know how the medicine affects you. Ask your prescriber about driving, especially
in the first weeks or after a dose change.

## Falls

Sleepiness and poor balance make falls more likely. The risk is highest in older
adults, and falls can break bones. Some simple steps can help:

- Hold the rail on stairs.
- Stay off ladders and step stools.
- Get up slowly from a bed or chair.
- Keep floors clear and rooms well lit at night.

## When to get help

Call 911 if someone is very hard to wake, or their breathing is slow or shallow. This
is more likely if they also took opioids or alcohol.

Tell your prescriber soon about falls, confusion, memory gaps, or feeling too sleepy
in the day. See [getting help now]({url(slugs.GETTING_HELP_NOW)}).
""",
}

ONCE_OR_DIVIDED = {
    "slug": slugs.ONCE_OR_DIVIDED,
    "title": "Once a day or split into doses",
    "summary": (
        "The same daily total can be taken at one time or spread out. Each way has pros and cons."
    ),
    "sources": ["fda_label", "cleveland"],
    "related": [slugs.DOSE_RANGE, slugs.WHAT_TO_EXPECT, slugs.DOSE_TOO_HIGH_OR_LOW],
    "body": """
## Two ways to take the same amount

Take a total of 1 mg a day as an example. You might take all of it at bedtime. Or you
might take half (0.5 mg) after you wake up and the other half (0.5 mg) before bed. Some
people spread it out even more, such as 0.25 mg four times a day.

How you take it can change how it feels, even when the daily total is the same.

## All at once

Good points:

- It is simple: one dose to remember.
- The effect is strongest at the time of day your anxiety is worst.
- A dose at bedtime can help with anxiety at night. The FDA label notes that a bedtime
  dose can also mean less sleepiness in the day.

Drawbacks:

- The calm may fade before the next day's dose.
- You may feel sleepier around the time the effect peaks.
- Anxiety may break through in the hours before the next dose.

## Spread out

Good points:

- The level in your body stays more even.
- Each peak is smaller, so you may feel less sleepy at any one time.
- Anxiety is less likely to break through between doses.

Drawbacks:

- There are more doses to remember each day.
- Each dose is smaller, so relief at your worst times may feel weaker.
- Taking pills often during the day can make some people rely on them more.

## Which is better?

Neither way is best for everyone. For panic disorder, the label starts with two
doses a day. Your prescriber will choose with you.

It helps to notice when in the day your anxiety comes back, and tell your prescriber.
Please do not change how or when you take your doses without talking with them first.
""",
}

PAGES = [
    AT_A_GLANCE,
    DOSE_RANGE,
    WHAT_CHANGES_DOSE,
    WHAT_TO_EXPECT,
    SIDE_EFFECTS_SAFETY,
    ONCE_OR_DIVIDED,
]
