# ruff: noqa: E501 (each paragraph is one line: the text is hashed exactly as written)
"""The first version of each consent document, in the project's own words (sources in
docs/clinical.md, "Consent"). The data migration loads these as version 1, approved.

Never edit a text here to change what patients sign: that would not change version 1 in a
database that has it. Draft a new version in the admin; a clinical reviewer approves it.
"""

TELEHEALTH_TITLE = "Consent to care by video"
TELEHEALTH = """\
This is about your visits with a psychiatrist by video, over the internet.

What a video visit can do. Your psychiatrist can talk with you, ask about your health, help you make a plan, and prescribe medicine when it is safe. You can be at home or in another private place.

What a video visit cannot do. Your psychiatrist cannot examine your body, take your blood pressure or do tests. Sometimes they may ask you to see a doctor in person, or to get a test done near you.

Your privacy. We use a secure video service. We do not record your visit. Please find a private place where others cannot hear you. Other people may join only if you agree.

If the connection drops. Your psychiatrist will try to call you back by video. If that does not work, they will call the mobile phone number you gave us. If we cannot reach you, we will set up a new time.

The emergency plan. Before each visit, we check where you are. If you are in danger during a visit, your psychiatrist may call 911 or local emergency services to the address you gave, and may call your emergency contact. Your plan, from your answers, is below. If it changes, tell your psychiatrist at the start of the visit.

In a crisis at any time, call or text 988 (Suicide and Crisis Lifeline). In an emergency, call 911.

Your choices. Saying yes is your choice. You can stop a video visit at any time. You can ask to be seen in person instead, and we will help you find care. You can take back this consent at any time, in writing or on this portal. Taking it back does not change care you already had.

By signing, you say that you read this, that you could ask questions, and that you agree to care by video.
"""

PRIVACY_NOTICE_TITLE = "Privacy notice acknowledgement"
PRIVACY_NOTICE = """\
Our Notice of Privacy Practices tells you how we use and share your health information, and what your rights are. You can read it and download it from the link on this page.

In short. We use your information to treat you, to get paid for your care, and to run our clinic. We share it with others only when the law allows it, such as with your pharmacy or in an emergency. We do not sell your information.

Your rights. You can ask to see or get a copy of your records. You can ask us to fix something that is wrong. You can ask us to limit what we share, and to contact you in a certain way. You can ask who we shared your information with. You can complain to us or to the U.S. Department of Health and Human Services, and we will not treat you differently for it.

By signing, you say that you received our Notice of Privacy Practices. Signing does not mean you agree with everything in it.
"""

CONTROLLED_SUBSTANCE_TITLE = "Controlled-medicine agreement"
CONTROLLED_SUBSTANCE = """\
Some medicines, such as benzodiazepines (for example clonazepam, alprazolam or lorazepam), are controlled medicines. They can help, but they can also cause harm. This agreement helps us keep you safe.

One prescriber. Only your psychiatrist here will prescribe this medicine for you. If another doctor offers you one, tell them about this agreement and tell us.

One pharmacy. You will fill this medicine at one pharmacy. Tell us before you change pharmacy.

The state check. Before we prescribe, and from time to time, we check the state prescription drug monitoring program (PDMP). It lists the controlled medicines filled in your name.

No early refills. We do not refill early. If your medicine is lost or stolen, tell us. We may ask for a police report.

Safe storage. Keep your medicine locked up, away from children and other people. Never share or sell it. Take unused medicine to a pharmacy take-back program.

Alcohol and opioids. Do not drink alcohol or take opioid pain medicines or sleep medicines with it unless your psychiatrist says it is safe. Together they can slow your breathing and can kill.

Stopping. Do not stop this medicine all at once. Stopping suddenly can cause seizures. When it is time to stop, we will lower the dose slowly with you (a taper).

Who to call. Questions, side effects or problems: call the clinic. If you feel very sleepy, confused, or your breathing is slow: call 911. In a crisis, call or text 988.

If this agreement is not followed, your psychiatrist may change your treatment to keep you safe. They will not stop caring for you because of it.

By signing, you say that you read this agreement, that you could ask questions, and that you agree to follow it.
"""

FIRST_VERSIONS = {
    "telehealth": (TELEHEALTH_TITLE, TELEHEALTH),
    "privacy_notice": (PRIVACY_NOTICE_TITLE, PRIVACY_NOTICE),
    "controlled_substance": (CONTROLLED_SUBSTANCE_TITLE, CONTROLLED_SUBSTANCE),
}
