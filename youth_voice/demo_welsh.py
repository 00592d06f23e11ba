"""The demo in Welsh: the home page, plan draft, headlines and consultation translated with
wagtail-localize (as a translator would in the admin), and responses sent in Welsh, so the
officers' summary counts both languages together.

Segments are translated by their English text; question references, option codes and paragraph
numbers are synchronised, so nothing here mentions them.
"""

import random
import uuid
from datetime import timedelta

from django.db import transaction
from wagtail.models import Locale

from consultations.models import ConsultationPage, PlanHeadlinesPage
from consultations.translating import translate

from .forms import mint_submission_key
from .journey import Journey
from .services import submit_response

WELSH_NAMESPACE = uuid.UUID("9a5f0d1e-6c4b-4f0e-8f51-2b7e5c1d3a90")
WELSH_RESPONSES = 12

HOME = {
    "Have your say": "Dweud eich dweud",
    "home": "hafan",
    "Chorus is where children and young people in Harrowby Vale tell the partnership what they think of its plans, and see what happened next.": "Chorus yw’r lle mae plant a phobl ifanc Dyffryn Harrowby yn dweud wrth y bartneriaeth beth maen nhw’n ei feddwl o’i chynlluniau, ac yn gweld beth ddigwyddodd wedyn.",
}

PLAN = {
    "Growing Up in Harrowby Vale: our plan for 2027 to 2030 (draft)": "Tyfu i Fyny yn Nyffryn Harrowby: ein cynllun ar gyfer 2027 i 2030 (drafft)",
    "plan-draft-2027-2030": "drafft-cynllun-2027-2030",
    "This is a draft. Read it, then tell us what you think: every paragraph with a “Have your say” link is asked about in the consultation.": "Drafft yw hwn. Darllenwch e, yna dywedwch wrthon ni beth rydych chi’n ei feddwl: mae’r ymgynghoriad yn holi am bob paragraff sydd â dolen “Dweud eich dweud”.",
    "Introduction": "Cyflwyniad",
    "This is the draft of Harrowby Vale's plan for children and young people from 2027 to 2030. It was written by the council, the health board, schools and colleges, the police and local charities, working together as one partnership.": "Dyma ddrafft cynllun Dyffryn Harrowby ar gyfer plant a phobl ifanc o 2027 i 2030. Cafodd ei ysgrifennu gan y cyngor, y bwrdd iechyd, ysgolion a cholegau, yr heddlu ac elusennau lleol, yn gweithio gyda’i gilydd fel un bartneriaeth.",
    "The plan must say what every partner will do so that children and young people grow up safe, healthy and heard. We want to know whether this draft makes that clear.": "Rhaid i’r cynllun ddweud beth fydd pob partner yn ei wneud er mwyn i blant a phobl ifanc dyfu i fyny’n ddiogel, yn iach ac yn cael eu clywed. Rydyn ni eisiau gwybod a yw’r drafft hwn yn gwneud hynny’n glir.",
    "We will publish what you told us and what we changed because of it before the final plan is agreed.": "Byddwn ni’n cyhoeddi beth ddywedoch chi wrthon ni a beth newidion ni o’i herwydd cyn cytuno ar y cynllun terfynol.",
    "Our vision": "Ein gweledigaeth",
    "What we want for you": "Beth rydyn ni eisiau i chi",
    "Every child and young person in Harrowby Vale has a good start, somewhere safe to live and learn, people to turn to, and a real say in decisions about their lives.": "Bod pob plentyn a pherson ifanc yn Nyffryn Harrowby yn cael dechrau da, rhywle diogel i fyw a dysgu, pobl i droi atyn nhw, a llais go iawn yn y penderfyniadau am eu bywydau.",
    "The vision rests on the rights in the UN Convention on the Rights of the Child, especially Article 12: your right to give your views and to be taken seriously.": "Mae’r weledigaeth yn seiliedig ar yr hawliau yng Nghonfensiwn y Cenhedloedd Unedig ar Hawliau’r Plentyn, yn enwedig Erthygl 12: eich hawl i roi eich barn ac i gael eich cymryd o ddifrif.",
    "Partners will show, at every board meeting, how young people's views changed what they did.": "Bydd partneriaid yn dangos, ym mhob cyfarfod o’r bwrdd, sut newidiodd barn pobl ifanc yr hyn wnaethon nhw.",
    "Mental health and emotional well-being": "Iechyd meddwl a lles emosiynol",
    "Objectives": "Amcanion",
    "Help children and young people to:": "Helpu plant a phobl ifanc i:",
    "build friendships and cope with setbacks": "wneud ffrindiau ac ymdopi pan fydd pethau’n mynd o chwith",
    "know where to go when things get hard": "gwybod ble i fynd pan fydd pethau’n anodd",
    "Train staff in every secondary school and youth club to notice when someone is struggling and to listen without judging.": "Hyfforddi staff ym mhob ysgol uwchradd a chlwb ieuenctid i sylwi pan fydd rhywun yn cael trafferth ac i wrando heb feirniadu.",
    "Planning priorities": "Blaenoriaethau cynllunio",
    "Cut the wait for a first appointment with the young people's mental health service from twelve weeks to four, and offer a named contact to everyone who is waiting.": "Torri’r amser aros am apwyntiad cyntaf gyda’r gwasanaeth iechyd meddwl pobl ifanc o ddeuddeg wythnos i bedair, a chynnig person cyswllt penodol i bawb sy’n aros.",
    "Open a drop-in space in the town centre, run with young people, on three evenings a week.": "Agor lle galw heibio yng nghanol y dref, wedi’i redeg gyda phobl ifanc, ar dair noson yr wythnos.",
    "Young people who use the drop-in will help choose its staff and decide what it offers.": "Bydd pobl ifanc sy’n defnyddio’r lle galw heibio yn helpu i ddewis ei staff ac i benderfynu beth mae’n ei gynnig.",
    "Active and healthy lives": "Bywydau egnïol ac iach",
    "Make it easier to find free and low-cost things to do after school and at weekends.": "Ei gwneud hi’n haws dod o hyd i bethau am ddim a rhad i’w gwneud ar ôl ysgol ac ar benwythnosau.",
    "Work with bus companies and the council's transport team so that young people can reach sports and arts clubs safely in the evening, with free travel for under-16s.": "Gweithio gyda chwmnïau bysiau a thîm trafnidiaeth y cyngor er mwyn i bobl ifanc allu cyrraedd clybiau chwaraeon a chelf yn ddiogel gyda’r nos, gyda theithio am ddim i rai dan 16 oed.",
    "What we will achieve by 2030": "Beth fyddwn ni wedi’i gyflawni erbyn 2030",
    "By 2030, every child in Harrowby Vale can swim 25 metres by the time they leave primary school, with free lessons for those who need them.": "Erbyn 2030, bydd pob plentyn yn Nyffryn Harrowby yn gallu nofio 25 metr erbyn iddyn nhw adael yr ysgol gynradd, gyda gwersi am ddim i’r rhai sydd eu hangen.",
    "How we will keep listening": "Sut byddwn ni’n dal i wrando",
    "The Youth Forum and the Shadow Partnership Board will meet the partnership twice a year and see what happened to their ideas.": "Bydd y Fforwm Ieuenctid a’r Bwrdd Partneriaeth Cysgodol yn cwrdd â’r bartneriaeth ddwywaith y flwyddyn ac yn gweld beth ddigwyddodd i’w syniadau.",
    "If there is something this plan has missed, we want to hear it.": "Os oes rhywbeth mae’r cynllun hwn wedi’i fethu, rydyn ni eisiau clywed amdano.",
}

HEADLINES = {
    "Growing Up in Harrowby Vale: the headlines": "Tyfu i Fyny yn Nyffryn Harrowby: y penawdau",
    "headlines": "penawdau",
    "Every child and young person in Harrowby Vale has a good start, somewhere safe to live and learn, people to turn to, and a real say in decisions about their lives.": PLAN[
        "Every child and young person in Harrowby Vale has a good start, somewhere safe to live and learn, people to turn to, and a real say in decisions about their lives."
    ],
    "Someone to talk to": "Rhywun i siarad â nhw",
    "When things feel hard, you should know where to go and not have to wait long.": "Pan fydd pethau’n teimlo’n anodd, dylech chi wybod ble i fynd a pheidio â gorfod aros yn hir.",
    "Waits for mental health support will be four weeks, not twelve. There will be a drop-in space in town three evenings a week.": "Bydd yr amser aros am gymorth iechyd meddwl yn bedair wythnos, nid deuddeg. Bydd lle galw heibio yn y dref dair noson yr wythnos.",
    "By September 2028": "Erbyn mis Medi 2028",
    "Things to do": "Pethau i’w gwneud",
    "Free and cheap things to do after school, and a safe way to get there.": "Pethau am ddim a rhad i’w gwneud ar ôl ysgol, a ffordd ddiogel o gyrraedd yno.",
    "One place to find clubs and activities near you, and evening buses that go where the clubs are.": "Un lle i ddod o hyd i glybiau a gweithgareddau yn agos atoch chi, a bysiau gyda’r nos sy’n mynd i ble mae’r clybiau.",
    "By summer 2028": "Erbyn haf 2028",
    "Everyone can swim": "Pawb yn gallu nofio",
    "Every child should be able to swim before they leave primary school.": "Dylai pob plentyn allu nofio cyn gadael yr ysgol gynradd.",
    "Free swimming lessons for every child who needs them.": "Gwersi nofio am ddim i bob plentyn sydd eu hangen.",
    "By 2030": "Erbyn 2030",
    "Being heard": "Cael eich clywed",
    "You have the right to say what you think and be taken seriously.": "Mae gennych chi’r hawl i ddweud beth rydych chi’n ei feddwl ac i gael eich cymryd o ddifrif.",
    "The partnership will show at every board meeting what it changed because of what young people said.": "Bydd y bartneriaeth yn dangos ym mhob cyfarfod o’r bwrdd beth newidiodd hi oherwydd yr hyn ddywedodd pobl ifanc.",
    "From 2027": "O 2027 ymlaen",
}

CONSULTATION = {
    "Have your say on Growing Up in Harrowby Vale": "Dweud eich dweud am Dyfu i Fyny yn Nyffryn Harrowby",
    "have-your-say-2027-2030": "dweud-eich-dweud-2027-2030",
    "The partnership has written a draft plan for the next three years. Tell us what you think of it: it takes about five minutes, and every answer is read.": "Mae’r bartneriaeth wedi ysgrifennu cynllun drafft ar gyfer y tair blynedd nesaf. Dywedwch wrthon ni beth rydych chi’n ei feddwl ohono: mae’n cymryd tua phum munud, ac mae pob ateb yn cael ei ddarllen.",
    "Answer online here, at a youth club session, or on the paper form your school or youth worker can give you.": "Atebwch ar-lein yma, mewn sesiwn clwb ieuenctid, neu ar y ffurflen bapur y gall eich ysgol neu’ch gweithiwr ieuenctid ei rhoi i chi.",
    "children and young people aged 8 to 25, and their parents and carers": "plant a phobl ifanc 8 i 25 oed, a’u rhieni a’u gofalwyr",
    "Harrowby Vale Youth Participation Team, Civic Centre, Harrowby Vale. Phone 01632 960 000.": "Tîm Cyfranogiad Ieuenctid Dyffryn Harrowby, y Ganolfan Ddinesig, Dyffryn Harrowby. Ffôn 01632 960 000.",
    "The partnership's staff read every response. We publish a summary and may quote what you wrote, but never with your name. If you ask us to keep your response confidential we never publish or quote it. Your details are kept until the final plan is agreed and then deleted.": "Mae staff y bartneriaeth yn darllen pob ymateb. Rydyn ni’n cyhoeddi crynodeb ac efallai y byddwn ni’n dyfynnu beth ysgrifennoch chi, ond byth gyda’ch enw. Os byddwch chi’n gofyn i ni gadw eich ymateb yn gyfrinachol, fyddwn ni byth yn ei gyhoeddi na’i ddyfynnu. Rydyn ni’n cadw eich manylion nes bydd y cynllun terfynol wedi’i gytuno, ac wedyn yn eu dileu.",
    "Is the draft clear about what the plan must achieve?": "Ydy’r drafft yn glir am beth mae’n rhaid i’r cynllun ei gyflawni?",
    "If not, what should change?": "Os nad ydy, beth ddylai newid?",
    "The plan as a whole": "Y cynllun cyfan",
    "We want every child in Harrowby Vale to grow up safe, heard and hopeful. Do you agree with this vision?": "Rydyn ni eisiau i bob plentyn yn Nyffryn Harrowby dyfu i fyny’n ddiogel, yn cael ei glywed ac yn obeithiol. Ydych chi’n cytuno â’r weledigaeth hon?",
    "What would show you that partners have listened to young people?": "Beth fyddai’n dangos i chi fod partneriaid wedi gwrando ar bobl ifanc?",
    "What would help you or your friends cope when things get tough?": "Beth fyddai’n helpu chi neu’ch ffrindiau i ymdopi pan fydd pethau’n anodd?",
    "Mental health and emotional well-being": "Iechyd meddwl a lles emosiynol",
    "Which of these should come first? Choose up to two.": "Pa rai o’r rhain ddylai ddod gyntaf? Dewiswch hyd at ddau.",
    "Shorter waits for mental health support": "Llai o aros am gymorth iechyd meddwl",
    "A drop-in space in town": "Lle galw heibio yn y dref",
    "More school counsellors": "Mwy o gwnselwyr ysgol",
    "Online support at night": "Cymorth ar-lein gyda’r nos",
    "How do you feel about the help you can get at school when you are worried?": "Sut rydych chi’n teimlo am yr help gallwch chi ei gael yn yr ysgol pan fyddwch chi’n poeni?",
    "Choose the face that is most like how you feel.": "Dewiswch yr wyneb sydd fwyaf tebyg i sut rydych chi’n teimlo.",
    "How easy is it to find things to do near where you live?": "Pa mor hawdd yw hi i ddod o hyd i bethau i’w gwneud yn agos at ble rydych chi’n byw?",
    "Very easy": "Hawdd iawn",
    "Quite easy": "Eithaf hawdd",
    "Quite hard": "Eithaf anodd",
    "Very hard": "Anodd iawn",
    "Active and healthy lives": "Bywydau egnïol ac iach",
    "What makes it hard?": "Beth sy’n ei gwneud hi’n anodd?",
    "Should free swimming lessons be part of the plan?": "A ddylai gwersi nofio am ddim fod yn rhan o’r cynllun?",
    "If not, why not?": "Os na ddylen nhw, pam?",
    "Put these in order: which would make the most difference to you?": "Rhowch y rhain mewn trefn: pa un fyddai’n gwneud y gwahaniaeth mwyaf i chi?",
    "Buses in the evening": "Bysiau gyda’r nos",
    "Youth clubs open later": "Clybiau ieuenctid ar agor yn hwyrach",
    "Free sports pitches": "Caeau chwaraeon am ddim",
    "Free swimming": "Nofio am ddim",
    "About how many minutes does it take you to get to the nearest youth club or sports centre?": "Tua faint o funudau mae’n ei gymryd i chi gyrraedd y clwb ieuenctid neu’r ganolfan chwaraeon agosaf?",
    "Out of 10, how much does the draft plan get right for young people?": "Allan o 10, faint mae’r cynllun drafft yn ei gael yn iawn i bobl ifanc?",
    "Anything else": "Unrhyw beth arall",
    "Is there anything else we have not asked about?": "Oes unrhyw beth arall dydyn ni ddim wedi holi amdano?",
}

# What young people wrote in Welsh, by question reference; kept as typed, never translated.
WRITTEN_IN_WELSH = {
    "1": ["Gormod o eiriau hir.", "Dydy e ddim yn dweud pwy sy’n gyfrifol am bob rhan."],
    "4": ["Dewch yn ôl a dweud wrthon ni beth newidiodd.", "Rhowch ein geiriau ni ym mhapurau’r bwrdd."],
    "6.1": ["Rhywun yn yr ysgol sydd ag amser i wrando.", "Lle i fynd ar ôl ysgol sydd ddim yn gartref."],
    "7.2": ["Mae’r bysiau’n bwysicach na nofio."],
    "7.4": ["Mae’r bws olaf am chwech.", "Mae popeth yn costio arian."],
    "9": ["Bwlio ar-lein.", "Does dim digon yn Gymraeg i bobl ifanc."],
}


def translate_demo(consultation) -> ConsultationPage:
    """The Welsh versions of the demo's pages (made once); returns the Welsh consultation."""
    plan = consultation.plan_draft
    with transaction.atomic():
        home = consultation.get_parent().specific
        for page, words in (
            (home, HOME),
            (plan, PLAN),
            (PlanHeadlinesPage.objects.child_of(plan).first(), HEADLINES),
            (consultation, CONSULTATION),
        ):
            if page is not None and not page.get_translations().filter(locale__language_code="cy").exists():
                translate(page, "cy", words)
    return consultation.get_translation(Locale.objects.get(language_code="cy")).specific  # made above


def welsh_responses(welsh, demo_data, valid_form) -> int:
    """Responses sent from the Welsh page (the same every run): stored with the English ones,
    with language "cy". `demo_data` and `valid_form` are the demo's own, so the Welsh answers go
    through the same form; what people typed is replaced with answers written in Welsh."""
    rng = random.Random(2028)
    questions = Journey(welsh).questionnaire.questions
    start = welsh.opens_at + timedelta(hours=3)
    created = 0
    for i in range(WELSH_RESPONSES):
        data = demo_data(rng, questions, i)
        data["submission_key"] = mint_submission_key(uuid.uuid5(WELSH_NAMESPACE, str(i)))
        for question in questions:
            typed = question.field_name + ("_why" if question.kind == "yes_no" else "")
            if (
                question.kind in ("free_text", "yes_no")
                and data.get(typed)
                and question.reference in WRITTEN_IN_WELSH
            ):
                data[typed] = rng.choice(WRITTEN_IN_WELSH[question.reference])
        form = valid_form(welsh, data)
        outcome = submit_response(
            welsh,
            form.answers(),
            submission_key=form.cleaned_data["submission_key"],
            about_you=form.about_you(),
            language="cy",
            at=start + timedelta(hours=i * 37),
        )
        created += outcome.created
    return created
