"""The medication catalog as data: what the data migration loads and what pure tests use.

Benzodiazepine equivalents are the mg that are approximately diazepam 10 mg, as
``(low, high)`` per table (low == high unless the table gives a range):
Ashton 2002 ("The Ashton Manual") and VA/DoD 2021 (clinical practice guideline).
Clobazam is in neither table: its "Ashton" figure is the NHS Scotland table adapted from
Ashton, said in its note. ``cns_active`` follows the AGS Beers 2023 list of CNS-active
classes (antiepileptics incl. gabapentinoids, TCA/SSRI/SNRI, antipsychotics,
benzodiazepines, Z-drugs, opioids, skeletal muscle relaxants). ``sedating`` marks drugs
that add sedation on top of a benzodiazepine.
"""

BENZO = "benzodiazepine"
OPIOID = "opioid"
Z_DRUG = "z-drug"
GABAPENTINOID = "gabapentinoid"
SSRI = "SSRI"
SNRI = "SNRI"
TCA = "TCA"
ANTIPSYCHOTIC = "antipsychotic"
MUSCLE_RELAXANT = "muscle relaxant"
BUSPIRONE = "buspirone"
OTHER = "other"

DRUG_CLASSES = (
    BENZO,
    OPIOID,
    Z_DRUG,
    GABAPENTINOID,
    SSRI,
    SNRI,
    TCA,
    ANTIPSYCHOTIC,
    MUSCLE_RELAXANT,
    BUSPIRONE,
    OTHER,
)

CLOBAZAM_NOTE = "NHS Scotland table, adapted from Ashton; not in the VA/DoD 2021 table."


def _benzo(generic, brands, aliases, ashton, vadod, note=""):
    return {
        "generic": generic,
        "brand_names": brands,
        "aliases": aliases,
        "drug_class": BENZO,
        "cns_active": True,
        "sedating": True,
        "ashton_mg": ashton,
        "vadod_mg": vadod,
        "equivalence_note": note,
    }


def _drug(generic, drug_class, brands, aliases, *, cns_active=True, sedating=False):
    return {
        "generic": generic,
        "brand_names": brands,
        "aliases": aliases,
        "drug_class": drug_class,
        "cns_active": cns_active,
        "sedating": sedating,
        "ashton_mg": None,
        "vadod_mg": None,
        "equivalence_note": "",
    }


# fmt: off
MEDICATIONS = [
    # Benzodiazepines: clinical-reference.md section 5.
    _benzo("alprazolam", ["Xanax", "Xanax XR", "Niravam"],
           ["alprazolum", "alprazalam", "alprozolam", "xanex", "zanax"], (0.5, 0.5), (1, 1)),
    _benzo("clonazepam", ["Klonopin", "Rivotril"],
           ["clonazapam", "clonazepan", "clonezepam", "klonapin", "klonipin", "clonopin",
            "klonopine"], (0.5, 0.5), (1, 1)),
    _benzo("lorazepam", ["Ativan", "Loreev XR"],
           ["lorazapam", "lorazepan", "lorezepam", "ativen"], (1, 1), (2, 2)),
    _benzo("chlordiazepoxide", ["Librium"], ["chlordiazepoxid", "chlordiazapoxide"],
           (25, 25), (25, 25)),
    _benzo("oxazepam", ["Serax"], ["oxazapam"], (20, 20), (30, 30)),
    _benzo("temazepam", ["Restoril"], ["temazapam", "temazepan"], (20, 20), (15, 15)),
    _benzo("clorazepate", ["Tranxene"], ["clorazapate", "chlorazepate"], (15, 15), (15, 15)),
    _benzo("estazolam", ["ProSom"], ["estazolem"], (1, 2), (1, 1)),
    _benzo("flurazepam", ["Dalmane"], ["flurazapam"], (15, 30), (15, 15)),
    _benzo("quazepam", ["Doral"], ["quazapam"], (20, 20), (10, 10)),
    _benzo("triazolam", ["Halcion"], ["triazolem", "halcyon"], (0.5, 0.5), (0.25, 0.25)),
    _benzo("diazepam", ["Valium", "Diastat", "Valtoco"], ["diazapam", "diazepan", "valum"],
           (10, 10), (10, 10)),
    _benzo("clobazam", ["Onfi", "Sympazan", "Frisium"], ["clobazepam"], (20, 20), None,
           CLOBAZAM_NOTE),
    # Opioids.
    _drug("oxycodone", OPIOID, ["OxyContin", "Roxicodone", "Percocet", "Oxaydo", "Xtampza"],
          ["oxycodon", "oxicodone", "oxycotin", "percoset", "oxy"], sedating=True),
    _drug("hydrocodone", OPIOID, ["Vicodin", "Norco", "Lortab", "Hysingla", "Zohydro"],
          ["hydrocodon", "hydrocodine", "vicoden"], sedating=True),
    _drug("morphine", OPIOID, ["MS Contin", "Kadian"], ["morphin", "morfine"], sedating=True),
    _drug("codeine", OPIOID, ["Tylenol with Codeine", "Tylenol #3"], ["codine", "codein"],
          sedating=True),
    _drug("tramadol", OPIOID, ["Ultram", "ConZip"], ["tramadal", "tramedol"], sedating=True),
    _drug("tapentadol", OPIOID, ["Nucynta"], ["tapentadole"], sedating=True),
    _drug("hydromorphone", OPIOID, ["Dilaudid", "Exalgo"], ["hydromorphon", "dilaudad"],
          sedating=True),
    _drug("fentanyl", OPIOID, ["Duragesic", "Actiq", "Fentora"], ["fentanil", "fentanyl patch"],
          sedating=True),
    _drug("methadone", OPIOID, ["Dolophine", "Methadose"], ["methadon"], sedating=True),
    _drug("buprenorphine", OPIOID,
          ["Suboxone", "Subutex", "Sublocade", "Butrans", "Belbuca", "Zubsolv"],
          ["buprenorphin", "buprenorfine", "suboxen"], sedating=True),
    # Z-drugs.
    _drug("zolpidem", Z_DRUG, ["Ambien", "Ambien CR", "Edluar", "Intermezzo"],
          ["zolpidam", "zolpiden", "ambian"], sedating=True),
    _drug("eszopiclone", Z_DRUG, ["Lunesta"], ["eszopiclon", "eszopiclone", "lunester"],
          sedating=True),
    _drug("zaleplon", Z_DRUG, ["Sonata"], ["zalepon", "zaleplone"], sedating=True),
    # Gabapentinoids (antiepileptics in the Beers list).
    _drug("gabapentin", GABAPENTINOID, ["Neurontin", "Gralise", "Horizant"],
          ["gabapentine", "gabapenten", "gabapentin enacarbil", "neurotin"], sedating=True),
    _drug("pregabalin", GABAPENTINOID, ["Lyrica"], ["pregabaline", "pregablin", "lyrika"],
          sedating=True),
    # Antidepressants.
    _drug("sertraline", SSRI, ["Zoloft"], ["sertralin", "sertaline", "zolof"]),
    _drug("escitalopram", SSRI, ["Lexapro"], ["escitalapram", "escitolopram", "lexipro"]),
    _drug("fluoxetine", SSRI, ["Prozac", "Sarafem"], ["fluoxetin", "fluoxitine", "prozak"]),
    _drug("paroxetine", SSRI, ["Paxil", "Pexeva"], ["paroxetin", "paroxatine"]),
    _drug("citalopram", SSRI, ["Celexa"], ["citalapram", "citalopran", "celexa"]),
    _drug("venlafaxine", SNRI, ["Effexor", "Effexor XR"], ["venlafaxin", "venlafexine",
          "effexer"]),
    _drug("duloxetine", SNRI, ["Cymbalta"], ["duloxetin", "duloxitine", "cymbalt"]),
    _drug("amitriptyline", TCA, ["Elavil"], ["amitriptylin", "amitryptiline", "amitriptaline"],
          sedating=True),
    _drug("nortriptyline", TCA, ["Pamelor"], ["nortriptylin", "nortryptiline"], sedating=True),
    # Buspirone is not on the Beers CNS-active list.
    _drug("buspirone", BUSPIRONE, ["Buspar"], ["buspiron", "buspirome", "buspar"],
          cns_active=False),
    # Antipsychotics.
    _drug("quetiapine", ANTIPSYCHOTIC, ["Seroquel", "Seroquel XR"],
          ["quetiapin", "quetiepine", "seroquil"], sedating=True),
    _drug("olanzapine", ANTIPSYCHOTIC, ["Zyprexa"], ["olanzapin", "olanzepine"], sedating=True),
    _drug("aripiprazole", ANTIPSYCHOTIC, ["Abilify"], ["aripiprazol", "aripiprazol",
          "ariprazole"]),
    # Skeletal muscle relaxants.
    _drug("cyclobenzaprine", MUSCLE_RELAXANT, ["Flexeril", "Amrix"],
          ["cyclobenzaprin", "cyclobenzeprine", "flexaril"], sedating=True),
    _drug("baclofen", MUSCLE_RELAXANT, ["Lioresal", "Ozobax", "Fleqsuvy"], ["baclophen"],
          sedating=True),
    _drug("carisoprodol", MUSCLE_RELAXANT, ["Soma"], ["carisoprodal", "carisprodol"],
          sedating=True),
    _drug("methocarbamol", MUSCLE_RELAXANT, ["Robaxin"], ["methocarbomol", "methocarbamal"],
          sedating=True),
    _drug("tizanidine", MUSCLE_RELAXANT, ["Zanaflex"], ["tizanadine", "tizanidene"],
          sedating=True),
    # Sedating, but not a Beers CNS-active class.
    _drug("hydroxyzine", OTHER, ["Vistaril", "Atarax"], ["hydroxizine", "hydroxyzin"],
          cns_active=False, sedating=True),
    _drug("trazodone", OTHER, ["Desyrel", "Oleptro"], ["trazadone", "trazodon"],
          cns_active=False, sedating=True),
]
# fmt: on
