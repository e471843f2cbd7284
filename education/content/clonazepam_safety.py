"""Clonazepam pages, part 2: stopping safely, mixing, older adults, other options, help.

Same rules as part 1: our own words, numbers from clinical-reference.md, and every
decision about a dose left to the reader's prescriber.
"""

from .. import slugs
from .clonazepam_basics import url

STOPPING_SAFELY = {
    "slug": slugs.STOPPING_SAFELY,
    "title": "Tolerance, dependence and stopping safely",
    "summary": "Why your body gets used to clonazepam, and why stopping needs a slow plan.",
    "sources": ["fda_label", "fda_2020", "brett_2015", "lynch_2020", "ashton_2002"],
    "related": [slugs.DOSE_TOO_HIGH_OR_LOW, slugs.ALTERNATIVES, slugs.GETTING_HELP_NOW],
    "body": f"""
## Tolerance

With regular use, your body adapts to clonazepam. The sleepiness often fades, which is
good. But the calming effect can fade too. Some people then need more to get the same
relief. This is called tolerance.

## Dependence

Dependence means your body has adjusted to the medicine. It reacts when the dose goes
down or stops. Dependence is not the same as addiction. It can happen even when you
take exactly what was prescribed. With daily use, it can start within days to weeks.

The chance is higher with:

- higher doses
- longer use
- taking it every day rather than now and then
- a past problem with alcohol or drugs, in you or your family

## Misuse and addiction

In 2020, the FDA added a boxed warning to all benzos about misuse, abuse and
addiction. Taking more than prescribed, taking pills from someone else, or mixing with
alcohol or drugs raises the risk of harm, including overdose.

If you have been taking more than prescribed, please tell your prescriber. This
happens more often than people think, and help works.

## Why stopping all at once is risky

After more than a few weeks of daily use, stopping suddenly can cause withdrawal.
Signs can include:

- strong anxiety that comes rushing back
- trouble sleeping
- shaking
- sweating
- rarely, seizures, which can be life-threatening

## How stopping is usually done

Stopping is done slowly, with a plan from your prescriber. This is called a taper. The
dose goes down in small steps over time.

For panic disorder, the FDA label describes lowering the dose by 0.125 mg two times a
day, every 3 days. In real life, each plan is made for the person. It can slow down if
withdrawal signs show up.

Support helps. In studies, simple help from a family doctor, like a letter or a short
talk, helped more people cut back on long-term benzo use.

Please do not lower or stop your dose on your own. Talk with your prescriber first.

## If you are running low or missed doses

Call your prescriber or pharmacist if you are about to run out. Tell them if you missed
doses and feel shaky, sweaty or very anxious. Those can be early signs of withdrawal.
If you have a seizure, or someone sees one, call 911. See
[getting help now]({url(slugs.GETTING_HELP_NOW)}).
""",
}

DOSE_TOO_HIGH_OR_LOW = {
    "slug": slugs.DOSE_TOO_HIGH_OR_LOW,
    "title": "Signs a dose may be too much or too little",
    "summary": "What to watch for, and why any change is a talk with your prescriber.",
    "sources": ["fda_label", "spitzer_2006", "cleveland"],
    "related": [slugs.DOSE_RANGE, slugs.SIDE_EFFECTS_SAFETY, slugs.STOPPING_SAFELY],
    "body": f"""
A dose that suits you should ease your anxiety without getting in the way of your
life. Here are signs that it may not be the right fit.

## Signs it may be too much

- You are so sleepy in the day that it gets in the way.
- You have memory problems or feel confused.
- You struggle to stay awake at normal times, like at meals or at work.
- Work or school has become harder.
- You feel "over-medicated", flat, or cut off from people.
- You feel unsteady, or you have fallen.

## Signs it may be too little

- Your anxiety is still strong and gets in the way of daily life.
- Anxiety comes back in the hours between doses.
- You have had little relief after 4 to 6 weeks on the same dose.
- You still have panic attacks often.

## What to do about it

Write down what you notice and when it happens. Then tell your prescriber. The short
GAD-7 anxiety form can help you both track how you are doing.

Your prescriber may change the dose or the timing. They may add another treatment,
such as talk therapy, or suggest a different kind of medicine. See
[alternatives to benzodiazepines]({url(slugs.ALTERNATIVES)}).

Please do not make these changes on your own. Lowering a dose too fast can bring on
withdrawal. Taking more than prescribed can cause harm and raise the risk of
dependence.

## Get help right away if

- someone cannot be woken up, or their breathing is slow or shallow: call 911
- you have thoughts of hurting yourself: call or text 988

See [getting help now]({url(slugs.GETTING_HELP_NOW)}).
""",
}

ALCOHOL_OPIOIDS_SEDATIVES = {
    "slug": slugs.ALCOHOL_OPIOIDS_SEDATIVES,
    "title": "Alcohol, opioids and other sedatives",
    "summary": (
        "Clonazepam adds to the effect of other calming drugs. Together they can stop breathing."
    ),
    "sources": [
        "fda_label",
        "fda_2016",
        "fda_2020",
        "nida",
        "beers_2023",
        "ashton_2002",
        "va_dod_2021",
    ],
    "related": [slugs.GETTING_HELP_NOW, slugs.OLDER_ADULTS, slugs.WHAT_CHANGES_DOSE],
    "body": f"""
## Why mixing is dangerous

Clonazepam slows down the brain. So do alcohol, opioids and many other drugs. When you
take them together, their effects add up. The mix can make you very sleepy and can
slow or stop your breathing.

## Opioids

Opioids include pain medicines such as oxycodone, hydrocodone and morphine. They also
include cough medicines with codeine, and street drugs such as heroin and fentanyl.

In 2016, the FDA added its strongest warning to both benzos and opioids about taking
them together. The risks include deep sleepiness, slowed breathing, coma and death.
The FDA found that from 2002 to 2014, the number of people prescribed both rose by
41%. From 2004 to 2011, overdose deaths involving both nearly tripled.

If you take both, make sure every prescriber knows. Do not stop either one on your own.
Talk with your prescriber about the safest plan.

## Alcohol

Any drinking matters when you take a benzo, even a small amount. Together they can make
you sleepier, clumsier and more likely to fall or forget things. Heavy drinking with a
benzo can slow your breathing.

Tell your prescriber honestly how much you drink. They ask to keep you safe, not to
judge you.

## Other calming medicines

These can also add to the effect of clonazepam:

- sleep pills such as zolpidem (Ambien), known as "Z-drugs"
- gabapentin and pregabalin
- muscle relaxants
- some antidepressants and antipsychotics
- another benzo

For people aged 65 and older, experts advise avoiding three or more medicines that act
on the brain at the same time. Together they raise the chance of falls and broken
bones.

## Two benzos at once

Two benzos at the same time add up too. Prescribers compare benzos using tables of
roughly equal doses. For example, about 0.5 mg (Ashton, 2002) to 1 mg (VA/DoD, 2021)
of clonazepam is thought to be similar to 10 mg of diazepam (Valium). The tables do
not agree, so these numbers are only a rough guide for your prescriber.

## Emergency signs

Call 911 if someone:

- cannot be woken up
- has slow, shallow or noisy breathing
- has blue or gray lips or fingertips

See [getting help now]({url(slugs.GETTING_HELP_NOW)}).
""",
}

OLDER_ADULTS = {
    "slug": slugs.OLDER_ADULTS,
    "title": "Older adults and benzodiazepines",
    "summary": "Why experts advise people aged 65 and older to avoid benzos when they can.",
    "sources": ["beers_2023", "fda_label", "stewart_2005"],
    "related": [slugs.SIDE_EFFECTS_SAFETY, slugs.STOPPING_SAFELY, slugs.ALTERNATIVES],
    "body": f"""
## Why age matters

As we get older, the body clears long-acting benzos like clonazepam more slowly. The
brain also becomes more sensitive to them. So the same dose can have a bigger effect.

## What experts advise

The American Geriatrics Society reviews which medicines carry extra risk for older
adults. Its 2023 list, called the Beers Criteria, strongly advises people aged 65 and
older to avoid benzos. The reasons are a higher chance of:

- memory and thinking problems
- delirium, a sudden state of confusion
- falls and broken bones
- car crashes

A benzo may still be a fair choice in some cases. Examples are seizures, a sleep
problem called REM sleep behavior disorder, withdrawal from alcohol or benzos, severe
generalized anxiety, and some medical procedures.

The FDA label notes that studies of clonazepam for panic did not include people aged
65 or older. It advises starting low and watching closely.

## Mixing medicines

The same experts advise older adults to avoid:

- a benzo together with an opioid
- three or more medicines that act on the brain, such as benzos, sleep pills, opioids,
  gabapentin or pregabalin, some antidepressants, antipsychotics and muscle relaxants

## If you are 65 or older and take clonazepam

Please do not stop it suddenly. That can be dangerous. Instead, ask your prescriber:

- Is this still the best medicine for me?
- Would a slow taper make sense?
- What else could help my anxiety? See
  [alternatives to benzodiazepines]({url(slugs.ALTERNATIVES)}).

To lower the risk of falls, hold rails on stairs, get up slowly, and keep a light on
at night. Ask family or friends to tell you if you seem confused or forgetful.
""",
}

ALTERNATIVES = {
    "slug": slugs.ALTERNATIVES,
    "title": "Alternatives to benzodiazepines",
    "summary": "Other medicines and therapy that can treat anxiety, and how they compare.",
    "sources": ["nimh", "brett_2015", "lynch_2020", "cleveland"],
    "related": [slugs.STOPPING_SAFELY, slugs.OLDER_ADULTS, slugs.AT_A_GLANCE],
    "body": f"""
## Why look at other options

Because benzos can lead to dependence, many prescribers now choose other treatments
first for anxiety that lasts a long time. A benzo may still help for a short time.

## Antidepressants (SSRIs and SNRIs)

These are often the first choice for most anxiety disorders. Examples:

- sertraline (Zoloft) and escitalopram (Lexapro), which are SSRIs
- venlafaxine (Effexor XR) and duloxetine (Cymbalta), which are SNRIs

They work more slowly. It takes about 4 to 6 weeks to feel the full effect. They do
not carry the same risk of dependence and addiction as benzos. Stopping them also
needs a plan with your prescriber.

## Buspirone

Buspirone is an anxiety medicine that is not a benzo. It does not lead to dependence
and causes little sleepiness. It is taken every day, not only when anxious. It takes a
few weeks to work fully.

## Gabapentin and pregabalin

These medicines were made for seizures and nerve pain. They can also ease anxiety,
most of all generalized anxiety. They can cause sleepiness too, and they add to the
effect of benzos and opioids.

## Talk therapy (CBT)

Cognitive behavioral therapy, or CBT, teaches skills to handle worry and panic. For
many anxiety disorders, it helps about as much as medicine. Its gains often last after
therapy ends, and it has no drug side effects. Many people combine therapy with a
lower medicine dose.

## Changing treatment

Moving away from a benzo is done slowly, with a plan. See
[tolerance, dependence and stopping safely]({url(slugs.STOPPING_SAFELY)}). Talk with
your prescriber about which options fit you.
""",
}

GETTING_HELP_NOW = {
    "slug": slugs.GETTING_HELP_NOW,
    "title": "Getting help now",
    "summary": "In a crisis, call or text 988. In an emergency, call 911.",
    "sources": ["lifeline_988", "veterans_crisis_line", "fda_label", "fda_2016"],
    "related": [slugs.ALCOHOL_OPIOIDS_SEDATIVES, slugs.STOPPING_SAFELY],
    "body": """
## If you are in danger right now

Call **911**, or go to the nearest emergency room.

## If you are thinking about suicide or are in crisis

Call or text **988** to reach the 988 Suicide & Crisis Lifeline (US). It is free and
private, and someone answers day or night. You can also chat at
[988lifeline.org](https://988lifeline.org/).

Veterans and their loved ones: call 988 and **press 1**, or text **838255**, to reach
the Veterans Crisis Line.

If someone you know is in danger, stay with them and call 911.

## Signs of an overdose

Call 911 if someone who takes clonazepam, most of all with opioids or alcohol:

- cannot be woken up
- is breathing slowly, shallowly, or not at all
- has blue or gray lips or fingertips
- is very confused or cannot speak clearly

Stay with them until help arrives.

## Signs of dangerous withdrawal

Call 911 for a seizure. Get urgent care for severe shaking, strong confusion, or seeing
or hearing things that are not there.

## Worried, but it is not an emergency

Contact your prescriber or your care team. Tell them what is going on. Please do not
stop or change your medicine on your own while you wait.
""",
}

PAGES = [
    STOPPING_SAFELY,
    DOSE_TOO_HIGH_OR_LOW,
    ALCOHOL_OPIOIDS_SEDATIVES,
    OLDER_ADULTS,
    ALTERNATIVES,
    GETTING_HELP_NOW,
]
