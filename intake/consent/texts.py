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

# The project's Spanish (US usage, "usted") of each first version, written from the English
# above, paragraph for paragraph. Not in use yet: a document has one language today, so a
# Spanish version needs the document to say its language and a clinical reviewer to approve
# it (issue 26); until then a Spanish-speaking patient reads and signs the English.
TELEHEALTH_TITLE_ES = "Consentimiento para la atención por video"
TELEHEALTH_ES = """\
Esto es sobre sus citas con un psiquiatra por video, por internet.

Lo que se puede hacer en una cita por video. Su psiquiatra puede hablar con usted, preguntarle sobre su salud, ayudarle a hacer un plan y recetarle medicamentos cuando sea seguro. Usted puede estar en su casa o en otro lugar privado.

Lo que no se puede hacer en una cita por video. Su psiquiatra no puede examinar su cuerpo, tomarle la presión ni hacerle pruebas. A veces puede pedirle que vea a un médico en persona, o que se haga una prueba cerca de usted.

Su privacidad. Usamos un servicio de video seguro. No grabamos su cita. Por favor, busque un lugar privado donde otras personas no puedan oírle. Otras personas pueden unirse solo si usted está de acuerdo.

Si se corta la conexión. Su psiquiatra intentará volver a llamarle por video. Si eso no funciona, le llamará al número de teléfono celular que nos dio. Si no podemos comunicarnos con usted, haremos una cita nueva.

El plan de emergencia. Antes de cada cita, confirmamos dónde está usted. Si usted está en peligro durante una cita, su psiquiatra puede llamar al 911 o a los servicios de emergencia locales para que vayan a la dirección que usted nos dio, y puede llamar a su contacto de emergencia. Su plan, según sus respuestas, está abajo. Si cambia, dígaselo a su psiquiatra al empezar la cita.

En una crisis, a cualquier hora, llame al 988 y oprima 2, o envíe AYUDA al 988 (Línea de Prevención del Suicidio y Crisis). En una emergencia, llame al 911.

Sus opciones. Decir que sí es su decisión. Puede terminar una cita por video en cualquier momento. Puede pedir que le atiendan en persona, y le ayudaremos a encontrar atención. Puede retirar este consentimiento en cualquier momento, por escrito o en este portal. Retirarlo no cambia la atención que ya recibió.

Al firmar, usted dice que leyó esto, que pudo hacer preguntas y que está de acuerdo con recibir atención por video.
"""

PRIVACY_NOTICE_TITLE_ES = "Constancia de recibo del aviso de privacidad"
PRIVACY_NOTICE_ES = """\
Nuestro Aviso de Prácticas de Privacidad le explica cómo usamos y compartimos su información de salud, y cuáles son sus derechos. Puede leerlo y descargarlo con el enlace de esta página.

En resumen. Usamos su información para atenderle, para que nos paguen por su atención y para administrar nuestra clínica. La compartimos con otros solo cuando la ley lo permite, por ejemplo con su farmacia o en una emergencia. No vendemos su información.

Sus derechos. Puede pedir ver sus expedientes o recibir una copia. Puede pedirnos que corrijamos algo que esté mal. Puede pedirnos que limitemos lo que compartimos, y que nos comuniquemos con usted de cierta manera. Puede preguntar con quién compartimos su información. Puede presentar una queja ante nosotros o ante el Departamento de Salud y Servicios Humanos de EE. UU., y no le trataremos de forma distinta por eso.

Al firmar, usted dice que recibió nuestro Aviso de Prácticas de Privacidad. Firmar no significa que esté de acuerdo con todo lo que dice.
"""

CONTROLLED_SUBSTANCE_TITLE_ES = "Acuerdo sobre medicamentos controlados"
CONTROLLED_SUBSTANCE_ES = """\
Algunos medicamentos, como las benzodiacepinas (por ejemplo clonazepam, alprazolam o lorazepam), son medicamentos controlados. Pueden ayudar, pero también pueden hacer daño. Este acuerdo nos ayuda a mantenerle seguro o segura.

Una sola persona que receta. Solo su psiquiatra de aquí le recetará este medicamento. Si otro médico le ofrece uno, háblele de este acuerdo y avísenos.

Una sola farmacia. Surtirá este medicamento en una sola farmacia. Avísenos antes de cambiar de farmacia.

La revisión del estado. Antes de recetarle, y de vez en cuando, revisamos el programa estatal de control de medicamentos recetados (PDMP). Ahí aparecen los medicamentos controlados surtidos a su nombre.

No surtimos antes de tiempo. No volvemos a surtir antes de la fecha. Si pierde su medicamento o se lo roban, avísenos. Podemos pedirle un reporte de la policía.

Guárdelo de forma segura. Guarde su medicamento bajo llave, lejos de los niños y de otras personas. Nunca lo comparta ni lo venda. Lleve el medicamento que no use a un programa de devolución de una farmacia.

Alcohol y opioides. No tome alcohol, ni opioides para el dolor, ni medicamentos para dormir junto con este medicamento, a menos que su psiquiatra le diga que es seguro. Juntos pueden hacer más lenta la respiración y pueden causar la muerte.

Cómo dejarlo. No deje este medicamento de golpe. Dejarlo de repente puede causar convulsiones. Cuando llegue el momento de dejarlo, bajaremos la dosis poco a poco con usted.

A quién llamar. Si tiene preguntas, efectos secundarios o problemas: llame a la clínica. Si tiene mucho sueño, está confundido o confundida, o respira lento: llame al 911. En una crisis, llame al 988 y oprima 2, o envíe AYUDA al 988.

Si no se cumple este acuerdo, su psiquiatra puede cambiar su tratamiento para mantenerle seguro o segura. No dejará de atenderle por eso.

Al firmar, usted dice que leyó este acuerdo, que pudo hacer preguntas y que está de acuerdo en cumplirlo.
"""

# Kind -> (title, text) in Spanish, for when a document can have a Spanish version.
FIRST_VERSIONS_ES = {
    "telehealth": (TELEHEALTH_TITLE_ES, TELEHEALTH_ES),
    "privacy_notice": (PRIVACY_NOTICE_TITLE_ES, PRIVACY_NOTICE_ES),
    "controlled_substance": (CONTROLLED_SUBSTANCE_TITLE_ES, CONTROLLED_SUBSTANCE_ES),
}
