"""The medication catalog as data: what the data migration loads and what pure tests use.

Benzodiazepine equivalents are the mg that are approximately diazepam 10 mg, as
``(low, high)`` per table (low == high unless the table gives a range):
Ashton 2002 ("The Ashton Manual") and VA/DoD 2021 (clinical practice guideline).
Clobazam is in neither table: its "Ashton" figure is the NHS Scotland table adapted from
Ashton, said in its note. ``cns_active`` follows the AGS Beers 2023 list of CNS-active
classes (antiepileptics incl. gabapentinoids, TCA/SSRI/SNRI, antipsychotics,
benzodiazepines, Z-drugs, opioids, skeletal muscle relaxants); phenobarbital counts as an
antiepileptic, while butalbital, the sedating antihistamines, mirtazapine, trazodone,
clonidine and the orexin antagonists are in none of those classes. ``sedating`` marks drugs
that add sedation on top of a benzodiazepine (Beers 2023 and the labels' somnolence
warnings: clinical-reference.md section 8).

A few real medicines whose names are close to a catalog drug's (hydralazine / hydroxyzine,
Celebrex / Celexa, Zyrtec / Zyprexa) are listed as class "other", neither CNS-active nor
sedating, so that typing them matches them exactly instead of being corrected to the
look-alike.

Street, online and designer names (clinical-reference.md section 9) are catalog entries
of their own, so a typed name that is itself a known substance matches it and is never
"corrected" into another drug: heroin, kratom and promethazine with codeine ("lean") are
opioids for the combination rules; phenibut is an "other sedative"; the designer
benzodiazepines and street "bars" are benzodiazepines with no diazepam equivalent (unknown
potency, said in their note).
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
BARBITURATE = "barbiturate"
ANTIHISTAMINE = "antihistamine"  # first-generation, sedating
OTHER_ANTIDEPRESSANT = "other antidepressant"  # mirtazapine, trazodone: not TCA/SSRI/SNRI
OREXIN_ANTAGONIST = "orexin antagonist"
ALPHA2_AGONIST = "alpha-2 agonist"
STIMULANT = "stimulant"
MOOD_STABILISER = "mood stabiliser"
ANTIEPILEPTIC = "antiepileptic"
OTHER_SEDATIVE = "other sedative"  # phenibut: a GABA-B agonist sold as a supplement
OPIOID_ANTAGONIST = "opioid antagonist"
BETA_BLOCKER = "beta blocker"
ALPHA1_BLOCKER = "alpha-1 blocker"
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
    BARBITURATE,
    ANTIHISTAMINE,
    OTHER_ANTIDEPRESSANT,
    OREXIN_ANTAGONIST,
    ALPHA2_AGONIST,
    STIMULANT,
    MOOD_STABILISER,
    ANTIEPILEPTIC,
    OTHER_SEDATIVE,
    OPIOID_ANTAGONIST,
    BETA_BLOCKER,
    ALPHA1_BLOCKER,
    OTHER,
)
# The antidepressants (for the mood-switch rule): TCA, SSRI, SNRI and the others.
ANTIDEPRESSANTS = (SSRI, SNRI, TCA, OTHER_ANTIDEPRESSANT)

# Treatments for opioid use disorder: with a benzodiazepine, FDA (20 Sep 2017) says do not
# withhold them; taper or monitor instead.
OUD_TREATMENTS = ("buprenorphine", "buprenorphine/naloxone", "methadone")

CLOBAZAM_NOTE = "NHS Scotland table, adapted from Ashton; not in the VA/DoD 2021 table."
# Designer benzodiazepines: not approved in the US; potency varies widely and there is no
# reliable diazepam equivalent (clinical-reference.md section 9; DEA scheduling 2022-2023).
DESIGNER_NOTE = (
    "Designer benzodiazepine, not approved in the US: potency varies widely and there is no "
    "reliable diazepam equivalent (unknown potency)."
)
BROMAZEPAM_NOTE = (
    "Approved outside the US, not in the Ashton 2002 or VA/DoD 2021 tables: no diazepam "
    "equivalent is given here (unknown potency)."
)
# Street "bars": sold as alprazolam, often counterfeit (DEA "One Pill Can Kill", 2021 on).
STREET_BARS = "alprazolam-like street tablets"
BARS_NOTE = (
    "Street tablets sold as alprazolam, content unknown: may be counterfeit and hold fentanyl "
    "or designer benzodiazepines such as bromazolam (DEA). Unknown potency."
)


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
           ["alprazolum", "alprazalam", "alprozolam", "xanex", "zanax", "xanny", "xannies",
            "zannies", "xans"], (0.5, 0.5), (1, 1)),
    _benzo("clonazepam", ["Klonopin", "Rivotril"],
           ["clonazapam", "clonazepan", "clonezepam", "klonapin", "klonipin", "clonopin",
            "klonopine", "K-pin", "K-pins"], (0.5, 0.5), (1, 1)),
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
    # Designer benzodiazepines and street "bars": benzodiazepines of unknown potency, never
    # mapped onto an approved drug (clinical-reference.md section 9).
    _benzo("etizolam", [], ["etizolem", "etizolame", "etiz", "etizzy", "Depas", "Etilaam"],
           None, None, DESIGNER_NOTE),
    _benzo("clonazolam", [], ["clonitrazolam", "clonazolom", "clonazolem"], None, None,
           DESIGNER_NOTE),
    _benzo("bromazolam", [], ["bromazolem", "bromazolan", "bromazolame"], None, None,
           DESIGNER_NOTE),
    _benzo("flualprazolam", [], ["flualp", "flualprazolem", "fluoroalprazolam"], None, None,
           DESIGNER_NOTE),
    _benzo("flubromazolam", [], ["flubrom", "flubromazolem", "flubromazolan"], None, None,
           DESIGNER_NOTE),
    # Approved outside the US (Lexotan) and in neither table here: potency not known to us.
    _benzo("bromazepam", ["Lexotan", "Lexotanil"], [], None, None, BROMAZEPAM_NOTE),
    _benzo("flubromazepam", [], ["flubromazepan"], None, None, DESIGNER_NOTE),
    _benzo("diclazepam", [], ["diclazepan", "diclazapam", "chlorodiazepam"], None, None,
           DESIGNER_NOTE),
    _benzo(STREET_BARS, [], ["bars", "xanbars", "zanbars", "xan bars", "street xanax",
           "pressed bars", "pressed xanax", "fake xanax", "school buses", "footballs", "planks",
           "hulks"], None, None, BARS_NOTE),
    # Opioids.
    _drug("oxycodone", OPIOID, ["OxyContin", "Roxicodone", "Percocet", "Oxaydo", "Xtampza"],
          ["oxycodon", "oxicodone", "oxycotin", "percoset", "oxy", "percs", "roxy", "roxies",
           "oxycodone/acetaminophen"], sedating=True),
    _drug("hydrocodone", OPIOID, ["Vicodin", "Norco", "Lortab", "Hysingla", "Zohydro"],
          ["hydrocodon", "hydrocodine", "vicoden", "hydros", "hydrocodone/acetaminophen",
           "hydrocodone/APAP"], sedating=True),
    _drug("morphine", OPIOID, ["MS Contin", "Kadian"], ["morphin", "morfine"], sedating=True),
    _drug("codeine", OPIOID, ["Tylenol with Codeine", "Tylenol #3"], ["codine", "codein"],
          sedating=True),
    _drug("tramadol", OPIOID, ["Ultram", "ConZip"], ["tramadal", "tramedol"], sedating=True),
    _drug("tapentadol", OPIOID, ["Nucynta"], ["tapentadole"], sedating=True),
    _drug("oxymorphone", OPIOID, ["Opana"], ["oxymorphon"], sedating=True),
    _drug("hydromorphone", OPIOID, ["Dilaudid", "Exalgo"], ["hydromorphon", "dilaudad"],
          sedating=True),
    _drug("fentanyl", OPIOID, ["Duragesic", "Actiq", "Fentora"],
          ["fentanil", "fentanyl patch", "fent", "fetty", "blues", "M30", "M30s"], sedating=True),
    # Street and online opioids: heroin; kratom (mitragynine and 7-hydroxymitragynine are
    # opioid-receptor agonists, FDA 2018 onward: opioid-like for the combination rules);
    # "lean", promethazine with codeine (a product that contains an opioid).
    _drug("heroin", OPIOID, [], ["heroine", "diacetylmorphine", "diamorphine", "dope", "smack",
          "black tar", "black tar heroin"], sedating=True),
    _drug("kratom", OPIOID, [], ["kratum", "kratom powder", "kratom extract", "kratom capsules",
          "kratom tea", "ketum", "mitragyna", "mitragyna speciosa", "mitragynine",
          "7-hydroxymitragynine", "7-OH"], sedating=True),
    _drug("promethazine/codeine", OPIOID, ["Phenergan with Codeine"],
          ["promethazine codeine", "promethazine with codeine", "promethazine w codeine",
           "promethazine and codeine", "codeine promethazine", "lean", "purple drank",
           "sizzurp", "dirty sprite"], sedating=True),
    # Opioid use disorder treatment (OUD_TREATMENTS) and, for buprenorphine, pain patches.
    _drug("methadone", OPIOID, ["Dolophine", "Methadose", "Diskets"], ["methadon", "methodone"],
          sedating=True),
    _drug("buprenorphine", OPIOID, ["Subutex", "Sublocade", "Brixadi", "Butrans", "Belbuca"],
          ["buprenorphin", "buprenorfine", "bupe"], sedating=True),
    _drug("buprenorphine/naloxone", OPIOID, ["Suboxone", "Zubsolv", "Bunavail"],
          ["buprenorphine naloxone", "buprenorphine and naloxone", "suboxen", "subs",
           "suboxone film", "suboxone strips"], sedating=True),
    # Phenibut: a GABA-B agonist sold as a supplement (FDA warning letters, 2019); its
    # withdrawal resembles sedative withdrawal: a sedative.
    _drug("phenibut", OTHER_SEDATIVE, [], ["phenybut", "fenibut", "phenibut HCl",
          "beta-phenyl-GABA", "phenyl-GABA"], cns_active=False, sedating=True),
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
    _drug("metaxalone", MUSCLE_RELAXANT, ["Skelaxin", "Metaxall"], ["metaxolone"],
          sedating=True),
    _drug("orphenadrine", MUSCLE_RELAXANT, ["Norflex"], ["orphenadrin"], sedating=True),
    _drug("chlorzoxazone", MUSCLE_RELAXANT, ["Lorzone", "Parafon Forte"], ["chlorzoxazon"],
          sedating=True),
    # Barbiturates (Beers 2023: avoid). Phenobarbital is an antiepileptic (CNS-active);
    # "Fioricet with codeine" names two drugs and is left ambiguous on purpose.
    _drug("phenobarbital", BARBITURATE, ["Luminal", "Sezaby"],
          ["phenobarb", "phenobarbitone", "phenobarbitol", "phenobarbitral"], sedating=True),
    _drug("butalbital", BARBITURATE, ["Fioricet", "Fiorinal", "Esgic", "Bupap", "Allzital"],
          ["butalbital/acetaminophen/caffeine", "butalbital/aspirin/caffeine", "fiorecet",
           "fioracet"], cns_active=False, sedating=True),
    _drug("secobarbital", BARBITURATE, ["Seconal"], ["seconals"], cns_active=False,
          sedating=True),
    # First-generation antihistamines (Beers 2023: avoid; sedating), incl. the "PM" products.
    _drug("diphenhydramine", ANTIHISTAMINE,
          ["Benadryl", "ZzzQuil", "Nytol", "Sominex", "Simply Sleep", "Unisom SleepGels",
           "Tylenol PM", "Advil PM", "Motrin PM", "Aleve PM", "Excedrin PM", "Benadryl Allergy"],
          ["benadril", "benedryl", "diphenhydramin", "diphenhidramine", "dyphenhydramine",
           "diphenhydramine HCl"], cns_active=False, sedating=True),
    _drug("doxylamine", ANTIHISTAMINE, ["Unisom", "Unisom SleepTabs", "NyQuil", "Diclegis"],
          ["doxylamin", "doxilamine", "doxylamine succinate"], cns_active=False, sedating=True),
    _drug("hydroxyzine", ANTIHISTAMINE, ["Vistaril", "Atarax"],
          ["hydroxizine", "hydroxyzin", "hydroxyzine pamoate", "hydroxyzine HCl"],
          cns_active=False, sedating=True),
    _drug("promethazine", ANTIHISTAMINE, ["Phenergan", "Promethegan"],
          ["promethazin", "promethazene", "phenergen"], cns_active=False, sedating=True),
    _drug("chlorpheniramine", ANTIHISTAMINE, ["Chlor-Trimeton"], ["chlorphenamine"],
          cns_active=False, sedating=True),
    _drug("meclizine", ANTIHISTAMINE, ["Antivert", "Bonine", "Dramamine Less Drowsy"],
          ["meclizin"], cns_active=False, sedating=True),
    # Sedating antidepressants used for sleep (label somnolence warnings).
    _drug("mirtazapine", OTHER_ANTIDEPRESSANT, ["Remeron", "RemeronSolTab"],
          ["mirtazepine", "mirtazapin", "mirtazipine"], cns_active=False, sedating=True),
    _drug("trazodone", OTHER_ANTIDEPRESSANT, ["Desyrel", "Oleptro"], ["trazadone", "trazodon"],
          cns_active=False, sedating=True),
    # Orexin receptor antagonists (sleep).
    _drug("suvorexant", OREXIN_ANTAGONIST, ["Belsomra"], ["suvorexent"], cns_active=False,
          sedating=True),
    _drug("lemborexant", OREXIN_ANTAGONIST, ["Dayvigo"], ["lemborexent"], cns_active=False,
          sedating=True),
    _drug("daridorexant", OREXIN_ANTAGONIST, ["Quviviq"], ["daridorexent"], cns_active=False,
          sedating=True),
    # Alpha-2 agonists (sedating; Beers 2023: avoid clonidine as a first-line antihypertensive).
    _drug("clonidine", ALPHA2_AGONIST, ["Catapres", "Kapvay", "Nexiclon"],
          ["clonodine", "clonadine", "clonidine patch"], cns_active=False, sedating=True),
    _drug("guanfacine", ALPHA2_AGONIST, ["Intuniv", "Tenex"], ["guanfacin"], cns_active=False,
          sedating=True),
    # Stimulants (not on the Beers CNS-active list; the labels warn of mania and psychosis).
    _drug("amphetamine/dextroamphetamine", STIMULANT, ["Adderall", "Adderall XR", "Mydayis"],
          ["adderal", "aderall", "addy", "addies", "mixed amphetamine salts",
           "amphetamine salts", "dextroamphetamine amphetamine"], cns_active=False),
    _drug("amphetamine", STIMULANT, ["Evekeo", "Adzenys", "Dyanavel"], ["amfetamine"],
          cns_active=False),
    _drug("dextroamphetamine", STIMULANT, ["Dexedrine", "Zenzedi", "ProCentra"],
          ["dexamphetamine", "dextroamfetamine"], cns_active=False),
    _drug("lisdexamfetamine", STIMULANT, ["Vyvanse"], ["lisdexamphetamine", "vyvance"],
          cns_active=False),
    _drug("methylphenidate", STIMULANT, ["Ritalin", "Concerta", "Methylin", "Metadate",
          "Daytrana", "Quillivant", "Aptensio", "Jornay"], ["methylphenidat", "ritilin"],
          cns_active=False),
    _drug("dexmethylphenidate", STIMULANT, ["Focalin", "Focalin XR"], ["dexmethylphenidat"],
          cns_active=False),
    _drug("methamphetamine", STIMULANT, ["Desoxyn"], ["meth", "crystal meth",
          "methamfetamine"], cns_active=False),
    _drug("cocaine", STIMULANT, [], ["coke", "crack", "crack cocaine"], cns_active=False),
    # Mood stabilisers: valproate, carbamazepine and lamotrigine are antiepileptics
    # (Beers CNS-active); lithium is not on that list.
    _drug("lithium", MOOD_STABILISER, ["Lithobid", "Eskalith"],
          ["lithium carbonate", "lithium citrate", "lithuim"], cns_active=False),
    _drug("valproate", MOOD_STABILISER, ["Depakote", "Depakote ER", "Depakene", "Depacon"],
          ["valproic acid", "divalproex", "divalproex sodium", "sodium valproate", "depakot"]),
    _drug("carbamazepine", MOOD_STABILISER, ["Tegretol", "Tegretol XR", "Equetro", "Carbatrol"],
          ["carbamazapine", "carbamazepin"]),
    _drug("lamotrigine", MOOD_STABILISER, ["Lamictal"], ["lamotrigin", "lamotragine"]),
    _drug("topiramate", ANTIEPILEPTIC, ["Topamax", "Trokendi XR", "Qudexy XR"],
          ["topiramat", "topamax sprinkle"]),
    # Antipsychotics (Beers CNS-active).
    _drug("risperidone", ANTIPSYCHOTIC, ["Risperdal", "Risperdal Consta", "Perseris"],
          ["risperidon", "risperadone"]),
    _drug("haloperidol", ANTIPSYCHOTIC, ["Haldol"], ["haloperidal", "haldol decanoate"],
          sedating=True),
    # Real medicines a typo would otherwise have "corrected" into another drug (clozapine
    # into clonidine, brexpiprazole into aripiprazole, zopiclone into eszopiclone).
    _drug("clozapine", ANTIPSYCHOTIC, ["Clozaril", "Versacloz"], ["clozapin"], sedating=True),
    _drug("brexpiprazole", ANTIPSYCHOTIC, ["Rexulti"], ["brexpiprazol"]),
    _drug("cariprazine", ANTIPSYCHOTIC, ["Vraylar"], ["cariprazin"]),
    _drug("lurasidone", ANTIPSYCHOTIC, ["Latuda"], ["lurasidon"]),
    _drug("ziprasidone", ANTIPSYCHOTIC, ["Geodon"], ["ziprasidon"]),
    _drug("paliperidone", ANTIPSYCHOTIC, ["Invega", "Invega Sustenna"], ["paliperidon"]),
    _drug("zopiclone", Z_DRUG, ["Imovane", "Zimovane"], ["zopiclon"], sedating=True),
    # Other psychiatric medicines named by patients.
    _drug("bupropion", OTHER_ANTIDEPRESSANT, ["Wellbutrin", "Wellbutrin XL", "Wellbutrin SR",
          "Zyban", "Aplenzin", "Forfivo XL"], ["buproprion", "bupropian", "wellbutrine"],
          cns_active=False),
    _drug("naltrexone", OPIOID_ANTAGONIST, ["Revia", "Vivitrol"], ["naltrexon", "naltrexane"],
          cns_active=False),
    _drug("propranolol", BETA_BLOCKER, ["Inderal", "Inderal LA", "InnoPran XL"],
          ["propanolol", "propranalol", "propranolol ER"], cns_active=False),
    _drug("prazosin", ALPHA1_BLOCKER, ["Minipress"], ["prazocin", "prazosine"],
          cns_active=False),
    # Look-alike names of other medicines (see the module docstring): matched exactly.
    _drug("hydralazine", OTHER, ["Apresoline"], ["hydralazin"], cns_active=False),
    _drug("celecoxib", OTHER, ["Celebrex"], ["celecoxib capsules"], cns_active=False),
    _drug("cetirizine", OTHER, ["Zyrtec"], ["cetirizin"], cns_active=False),
]
# fmt: on

# RxNorm ingredient concepts (RxCUI, term type IN) of the catalog's generics, from the U.S.
# National Library of Medicine's RxNorm (looked up in RxNav). Only single ingredients: a
# combination ("buprenorphine/naloxone") and the generics not listed here carry no code,
# and the FHIR export then gives the patient's words as text only.
RXNORM_INGREDIENTS = {
    "alprazolam": "596",
    "amphetamine": "725",
    "aripiprazole": "89013",
    "buprenorphine": "1819",
    "bupropion": "42347",
    "buspirone": "1827",
    "carbamazepine": "2002",
    "carisoprodol": "2101",
    "chlordiazepoxide": "2356",
    "citalopram": "2556",
    "clonazepam": "2598",
    "cocaine": "2653",
    "codeine": "2670",
    "cyclobenzaprine": "21949",
    "dextroamphetamine": "3288",
    "diazepam": "3322",
    "diphenhydramine": "3498",
    "duloxetine": "72625",
    "escitalopram": "321988",
    "eszopiclone": "461016",
    "fentanyl": "4337",
    "fluoxetine": "4493",
    "gabapentin": "25480",
    "haloperidol": "5093",
    "hydrocodone": "5489",
    "hydromorphone": "3423",
    "hydroxyzine": "5553",
    "lamotrigine": "28439",
    "lithium": "6448",
    "lorazepam": "6470",
    "methadone": "6813",
    "methylphenidate": "6901",
    "mirtazapine": "15996",
    "morphine": "7052",
    "naltrexone": "7243",
    "olanzapine": "61381",
    "oxazepam": "7781",
    "oxycodone": "7804",
    "paroxetine": "32937",
    "prazosin": "8629",
    "pregabalin": "187832",
    "propranolol": "8787",
    "quetiapine": "51272",
    "risperidone": "35636",
    "sertraline": "36437",
    "temazepam": "10355",
    "topiramate": "38404",
    "tramadol": "10689",
    "trazodone": "10737",
    "triazolam": "10767",
    "valproate": "11118",
    "venlafaxine": "39786",
    "zaleplon": "74667",
    "zolpidem": "39993",
}
