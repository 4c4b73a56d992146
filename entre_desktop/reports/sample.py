"""A complete, clearly fictional release support plan for tests, examples and benchmarks.

Everything here is invented: the person, the personnummer (a made-up number that passes the Luhn
check), the staff, and the telephone numbers, which are from the ranges the Swedish Post and
Telecom Authority (PTS) reserves for fiction (040-628 04 xx, 070-174 06 xx).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from entre_desktop import __version__
from entre_desktop.reports.plan_document import (
    DOMAINS,
    ActionStatus,
    Appointment,
    AreaCode,
    AssessmentPoint,
    ChecklistItem,
    ClientGoal,
    ClientIdentity,
    Consent,
    Contact,
    DistributionEntry,
    EntreStatus,
    GradualReleaseMeasure,
    KeyDates,
    Language,
    PlanAction,
    PlanDocument,
    PrintMetadata,
    RiskAssessment,
    SignatureBlock,
    SpecialCondition,
    Variant,
)
from entre_desktop.version import build_id

SAMPLE_CLIENT_NAME = "Testperson Demo Demosson"
SAMPLE_ADDRESS = "Exempelgatan 12 B, 211 22 Malmö"
SAMPLE_COORDINATOR = "Łukasz Ødegård-Nguyễn"
SAMPLE_OFFICER = "Åsa Exempelsdotter"
RELEASE_DAY = dt.date(2025, 4, 14)
_CEST = dt.timezone(dt.timedelta(hours=2))

SOCIAL_SERVICES = "socialtjansten-malmo"
EMPLOYMENT_SERVICE = "arbetsformedlingen"
EXIT = "exit-fryshuset"
ADDICTION_CARE = "region-beroende"
SOCIAL_INSURANCE = "forsakringskassan"
PROBATION = "kriminalvarden-frivarden"


class _Pick:
    """Sample text in the plan's language (free text is data, not catalogue messages)."""

    def __init__(self, language: Language) -> None:
        self.swedish = language == "sv"

    def __call__(self, english: str, swedish: str) -> str:
        return swedish if self.swedish else english


def _agency_names(t: _Pick) -> dict[str, str]:
    return {
        SOCIAL_SERVICES: t("Malmö social services", "Socialtjänsten Malmö"),
        EMPLOYMENT_SERVICE: t("Public Employment Service", "Arbetsförmedlingen"),
        EXIT: "EXIT (Fryshuset)",
        ADDICTION_CARE: t("Addiction clinic, Region Skåne", "Beroendemottagningen, Region Skåne"),
        SOCIAL_INSURANCE: t("Social Insurance Agency", "Försäkringskassan"),
        PROBATION: t("Probation service Malmö", "Frivården Malmö"),
    }


def _consents(names: dict[str, str]) -> tuple[Consent, ...]:
    return (
        Consent(
            agency_id=SOCIAL_SERVICES,
            agency_name=names[SOCIAL_SERVICES],
            areas=frozenset({"accommodation", "finances_id_benefits", "family_network_leisure"}),
            valid_until=dt.date(2026, 4, 30),
        ),
        Consent(
            agency_id=EMPLOYMENT_SERVICE,
            agency_name=names[EMPLOYMENT_SERVICE],
            areas=frozenset({"work_education"}),
            valid_until=dt.date(2025, 12, 31),
        ),
        Consent(
            agency_id=EXIT,
            agency_name=names[EXIT],
            areas=frozenset({"attitudes_disengagement", "family_network_leisure", "safety"}),
            valid_until=dt.date(2026, 4, 30),
        ),
        Consent(
            agency_id=ADDICTION_CARE,
            agency_name=names[ADDICTION_CARE],
            areas=frozenset({"health", "substance_use"}),
            valid_until=dt.date(2025, 10, 31),
        ),
        Consent(
            agency_id=SOCIAL_INSURANCE,
            agency_name=names[SOCIAL_INSURANCE],
            areas=frozenset({"finances_id_benefits"}),
            valid_until=dt.date(2025, 12, 31),
            withdrawn_on=dt.date(2025, 3, 10),
        ),
    )


def _actions(t: _Pick, names: dict[str, str]) -> tuple[PlanAction, ...]:
    def action(
        area: AreaCode, goal: str, what: str, agency: str, person: str, due: dt.date, status: ActionStatus
    ) -> PlanAction:
        return PlanAction(
            area=area,
            goal=goal,
            action=what,
            responsible_agency_id=agency,
            responsible_agency_name=names[agency],
            contact_person=person,
            due=due,
            status=status,
        )

    return (
        action(
            "accommodation",
            t("A home of my own within a year", "Ett eget boende inom ett år"),
            t(
                "Training flat with housing support from the day of release; keys handed over at the first meeting.",
                "Träningslägenhet med boendestöd från frigivningsdagen; nycklar lämnas vid första mötet.",
            ),
            SOCIAL_SERVICES,
            "Kim Exempel",
            dt.date(2025, 4, 14),
            "in_progress",
        ),
        action(
            "accommodation",
            t("Keep the training flat", "Behålla träningslägenheten"),
            t(
                "Weekly visit from the housing support worker during the first three months.",
                "Besök av boendestödjare varje vecka under de första tre månaderna.",
            ),
            SOCIAL_SERVICES,
            "Kim Exempel",
            dt.date(2025, 7, 14),
            "planned",
        ),
        action(
            "work_education",
            t("Finish upper secondary school", "Slutföra gymnasiet"),
            t(
                "Enrol in municipal adult education (Komvux), Swedish and mathematics, starting in May.",
                "Anmälan till Komvux, svenska och matematik, med start i maj.",
            ),
            EMPLOYMENT_SERVICE,
            "Jonas Provsson",
            dt.date(2025, 5, 5),
            "in_progress",
        ),
        action(
            "work_education",
            t("A job in the building trade", "Ett arbete inom byggbranschen"),
            t(
                "Register as a job seeker; labour-market programme with a work placement after the summer.",
                "Inskrivning som arbetssökande; arbetsmarknadsutbildning med praktik efter sommaren.",
            ),
            EMPLOYMENT_SERVICE,
            "Jonas Provsson",
            dt.date(2025, 9, 1),
            "planned",
        ),
        action(
            "finances_id_benefits",
            t("Valid ID and a bank account", "Giltig id-handling och bankkonto"),
            t(
                "Apply for an ID card at the Swedish Tax Agency on the day after release; open a bank account with the ID card.",
                "Ansöka om id-kort hos Skatteverket dagen efter frigivningen; öppna bankkonto med id-kortet.",
            ),
            SOCIAL_SERVICES,
            "Kim Exempel",
            dt.date(2025, 4, 30),
            "planned",
        ),
        action(
            "finances_id_benefits",
            t("A plan for the debts", "En plan för skulderna"),
            t(
                "Budget and debt counselling; contact with the Enforcement Authority about a repayment plan.",
                "Budget- och skuldrådgivning; kontakt med Kronofogden om avbetalningsplan.",
            ),
            SOCIAL_SERVICES,
            "Mira Testberg",
            dt.date(2025, 6, 30),
            "planned",
        ),
        action(
            "health",
            t("Sleep better", "Sova bättre"),
            t(
                "Appointment at the health centre; review of medication prescribed in prison.",
                "Besök på vårdcentralen; genomgång av medicinering som ordinerats under anstaltstiden.",
            ),
            ADDICTION_CARE,
            "Dr. Li Exempelström",
            dt.date(2025, 5, 15),
            "planned",
        ),
        action(
            "substance_use",
            t("Stay drug-free", "Fortsätta vara drogfri"),
            t(
                "Intake at the addiction clinic and regular drug tests as set out in the special conditions.",
                "Inskrivning på beroendemottagningen och regelbundna drogtester enligt de särskilda villkoren.",
            ),
            ADDICTION_CARE,
            "Dr. Li Exempelström",
            dt.date(2025, 4, 24),
            "planned",
        ),
        action(
            "family_network_leisure",
            t("Rebuild contact with my sister", "Återuppta kontakten med min syster"),
            t(
                "Family meeting with support from social services; a new leisure activity (boxing club) without links to the old group.",
                "Familjesamtal med stöd av socialtjänsten; ny fritidsaktivitet (boxningsklubb) utan koppling till den gamla gruppen.",
            ),
            SOCIAL_SERVICES,
            "Mira Testberg",
            dt.date(2025, 6, 1),
            "planned",
        ),
        action(
            "attitudes_disengagement",
            t("Leave the old milieu for good", "Lämna den gamla miljön för gott"),
            t(
                "Weekly talks with an EXIT mentor; continue the disengagement work begun in custody.",
                "Samtal varje vecka med mentor från EXIT; fortsätta avhopparprocessen som påbörjades i anstalt.",
            ),
            EXIT,
            "Sam Provare",
            dt.date(2025, 10, 14),
            "in_progress",
        ),
        action(
            "attitudes_disengagement",
            t("Handle conflicts without violence", "Hantera konflikter utan våld"),
            t(
                "Complete the cognitive skills programme started in prison, with the probation service.",
                "Slutföra det kognitiva programmet som påbörjades i anstalt, tillsammans med frivården.",
            ),
            PROBATION,
            SAMPLE_OFFICER,
            dt.date(2025, 8, 31),
            "in_progress",
        ),
        action(
            "safety",
            t("Feel safe in the new neighbourhood", "Känna mig trygg i det nya området"),
            t(
                "Safety plan reviewed with EXIT and the police contact; no contact with former associates; new phone number.",
                "Säkerhetsplan gås igenom med EXIT och polisens kontaktperson; ingen kontakt med tidigare umgänge; nytt telefonnummer.",
            ),
            EXIT,
            "Sam Provare",
            dt.date(2025, 4, 14),
            "done",
        ),
    )


def _appointments(t: _Pick) -> tuple[Appointment, ...]:
    def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(RELEASE_DAY + dt.timedelta(days=day), dt.time(hour, minute))

    return (
        Appointment(
            when=at(0, 8, 30),
            what=t("Collected at the gate by the Entré coordinator", "Hämtas vid grinden av Entré-samordnaren"),
            where=t("Main gate, Exempelby prison", "Huvudentrén, anstalten Exempelby"),
        ),
        Appointment(
            when=at(0, 11),
            what=t("First meeting with the probation service", "Första mötet med frivården"),
            where=t("Probation office Malmö", "Frivården Malmö"),
        ),
        Appointment(
            when=at(0, 14),
            what=t(
                "Move into the training flat; keys handed over", "Inflyttning i träningslägenheten; nycklar lämnas över"
            ),
            where=t("Social services, housing unit", "Socialtjänsten, boendeenheten"),
            area="accommodation",
        ),
        Appointment(
            when=at(1, 10),
            what=t("Apply for an ID card", "Ansöka om id-kort"),
            where=t("Swedish Tax Agency service office", "Skatteverkets servicekontor"),
            area="finances_id_benefits",
        ),
        Appointment(
            when=at(2, 13, 30),
            what=t("Meeting with the EXIT mentor", "Möte med mentor från EXIT"),
            where="Fryshuset",
            area="attitudes_disengagement",
        ),
        Appointment(
            when=at(8, 9),
            what=t("Register as a job seeker", "Inskrivning som arbetssökande"),
            where=t("Public Employment Service", "Arbetsförmedlingen"),
            area="work_education",
        ),
        Appointment(
            when=at(10, 10),
            what=t("Intake at the addiction clinic", "Inskrivning på beroendemottagningen"),
            where=t("Addiction clinic, Region Skåne", "Beroendemottagningen, Region Skåne"),
            area="substance_use",
        ),
        Appointment(
            when=at(21, 9),
            what=t("Adult education starts (Komvux)", "Studiestart på Komvux"),
            where=t("Komvux Malmö", "Komvux Malmö"),
            area="work_education",
        ),
        Appointment(
            when=at(28, 13),
            what=t("Joint follow-up meeting of all agencies (SIP)", "Gemensamt uppföljningsmöte (SIP)"),
            where=t("Probation office Malmö", "Frivården Malmö"),
        ),
    )


def _risk(t: _Pick) -> RiskAssessment:
    return RiskAssessment(
        risk_factors=(
            t(
                "Former associates in the violent milieu live in the same city.",
                "Tidigare umgänge i den våldsbejakande miljön bor i samma stad.",
            ),
            t("History of cannabis use in stressful periods.", "Tidigare cannabisbruk under perioder av stress."),
            t(
                "Debts that may be used to pressure him back into the group.",
                "Skulder som kan användas för att pressa honom tillbaka till gruppen.",
            ),
            t("Few pro-social contacts outside the family.", "Få prosociala kontakter utanför familjen."),
        ),
        protective_factors=(
            t(
                "Strong wish to become a good uncle to his sister's children.",
                "Stark vilja att bli en bra morbror till systerns barn.",
            ),
            t(
                "Good relationship with the EXIT mentor and with staff.",
                "God relation till mentorn från EXIT och till personalen.",
            ),
            t(
                "Completed several courses during the sentence; motivated to study.",
                "Har slutfört flera kurser under verkställigheten; motiverad att studera.",
            ),
        ),
        warning_signs=(
            t("Missed appointments without getting in touch.", "Uteblir från möten utan att höra av sig."),
            t(
                "Renewed contact with former associates, online or in person.",
                "Återupptagen kontakt med tidigare umgänge, på nätet eller personligen.",
            ),
            t("Sudden money or new expensive belongings.", "Plötsligt gott om pengar eller nya dyra saker."),
            t("Sleeping badly, withdrawing from family.", "Sover dåligt, drar sig undan familjen."),
        ),
        contingency_plan=(
            t(
                "The probation officer calls the same day and offers a meeting within 48 hours.",
                "Övervakaren ringer samma dag och erbjuder ett möte inom 48 timmar.",
            ),
            t(
                "The Entré coordinator informs the EXIT mentor (consent given) and reviews the safety plan.",
                "Entré-samordnaren informerar mentorn på EXIT (samtycke finns) och går igenom säkerhetsplanen.",
            ),
            t(
                "If there is a threat: contact the police and arrange temporary protected accommodation.",
                "Vid hot: kontakta polisen och ordna tillfälligt skyddat boende.",
            ),
            t(
                "Breaches of the special conditions are reported to the probation service's decision-maker.",
                "Brott mot de särskilda villkoren rapporteras till frivårdens beslutsfattare.",
            ),
        ),
    )


def _assessments() -> tuple[AssessmentPoint, ...]:
    series = (
        (dt.date(2024, 5, 20), (2, 2, 1, 2, 1, 1, 2, 3, 2, 2)),
        (dt.date(2024, 8, 19), (3, 2, 2, 2, 1, 1, 2, 3, 3, 3)),
        (dt.date(2024, 11, 18), (3, 3, 2, 3, 2, 2, 3, 3, 3, 4)),
        (dt.date(2025, 1, 20), (4, 3, 2, 3, 2, 2, 3, 4, 3, 4)),
        (dt.date(2025, 3, 17), (4, 4, 3, 4, 3, 2, 4, 4, 4, 5)),
    )
    return tuple(AssessmentPoint(on=day, ratings=dict(zip(DOMAINS, values, strict=True))) for day, values in series)


def _contacts(t: _Pick, names: dict[str, str]) -> tuple[Contact, ...]:
    return (
        Contact(
            name=SAMPLE_COORDINATOR,
            agency=t("Prison and Probation Service (Entré)", "Kriminalvården (Entré)"),
            role=t("Lead coordinator", "Samordnare"),
            phone="040-628 04 10",
        ),
        Contact(
            name=SAMPLE_OFFICER,
            agency=names[PROBATION],
            role=t("Probation officer (supervisor)", "Övervakare"),
            phone="040-628 04 11",
        ),
        Contact(
            name="Kim Exempel",
            agency=names[SOCIAL_SERVICES],
            role=t("Social worker", "Socialsekreterare"),
            phone="040-628 04 20",
            area="accommodation",
        ),
        Contact(
            name="Jonas Provsson",
            agency=names[EMPLOYMENT_SERVICE],
            role=t("Employment officer", "Arbetsförmedlare"),
            phone="040-628 04 30",
            area="work_education",
        ),
        Contact(
            name="Sam Provare",
            agency=names[EXIT],
            role=t("Mentor", "Mentor"),
            phone="070-174 06 50",
            area="attitudes_disengagement",
        ),
        Contact(
            name="Dr. Li Exempelström",
            agency=names[ADDICTION_CARE],
            role=t("Physician", "Läkare"),
            phone="040-628 04 40",
            area="substance_use",
        ),
    )


def _distribution(t: _Pick, names: dict[str, str]) -> tuple[DistributionEntry, ...]:
    return (
        DistributionEntry(copy_number=1, recipient=t("Client file, Entré", "Klientakten, Entré"), variant="internal"),
        DistributionEntry(copy_number=2, recipient=SAMPLE_CLIENT_NAME, variant="client"),
        DistributionEntry(copy_number=3, recipient=names[SOCIAL_SERVICES], variant="agency", agency_id=SOCIAL_SERVICES),
        DistributionEntry(
            copy_number=4, recipient=names[EMPLOYMENT_SERVICE], variant="agency", agency_id=EMPLOYMENT_SERVICE
        ),
        DistributionEntry(copy_number=5, recipient=names[EXIT], variant="agency", agency_id=EXIT),
        DistributionEntry(copy_number=6, recipient=names[ADDICTION_CARE], variant="agency", agency_id=ADDICTION_CARE),
    )


def _copy_number(distribution: tuple[DistributionEntry, ...], variant: Variant, agency_id: str | None) -> int:
    for entry in distribution:
        if entry.variant == variant and entry.agency_id == agency_id:
            return entry.copy_number
    return len(distribution) + 1


def sample_plan_document(
    *,
    variant: Variant,
    language: Language,
    recipient_agency_id: str | None = None,
    is_demo: bool = True,
) -> PlanDocument:
    """The fictional plan of "Testperson Demo Demosson", issued version 3, printed 2025-03-31."""
    t = _Pick(language)
    names = _agency_names(t)
    distribution = _distribution(t, names)
    if variant == "agency" and recipient_agency_id is None:
        recipient_agency_id = SOCIAL_SERVICES
    return PlanDocument(
        client=ClientIdentity(
            name=SAMPLE_CLIENT_NAME,
            personal_identity_number="19950712-9808",
            date_of_birth=dt.date(1995, 7, 12),
            protected_address=True,
            address=SAMPLE_ADDRESS,
        ),
        version=3,
        version_date=dt.date(2025, 3, 28),
        status="issued",
        checksum=hashlib.sha256(b"fictional sample plan, version 3").hexdigest(),
        key_dates=KeyDates(
            conditional_release_date=RELEASE_DAY,
            supervision_period_end=dt.date(2026, 4, 13),
            special_conditions=(
                SpecialCondition(
                    text=t(
                        "Live in the training flat provided by social services.",
                        "Bo i den träningslägenhet som socialtjänsten tillhandahåller.",
                    ),
                    area="accommodation",
                ),
                SpecialCondition(
                    text=t(
                        "Take part in treatment at the addiction clinic, with drug tests.",
                        "Delta i behandling på beroendemottagningen, med drogtester.",
                    ),
                    area="substance_use",
                ),
                SpecialCondition(
                    text=t(
                        "No contact with the persons named in the probation decision.",
                        "Ingen kontakt med de personer som anges i frivårdens beslut.",
                    )
                ),
            ),
            gradual_release_measures=(
                GradualReleaseMeasure(
                    kind="halfway_house",
                    start=dt.date(2025, 2, 3),
                    end=RELEASE_DAY,
                    details=t(
                        "In Malmö, with work training on weekdays.",
                        "I Malmö, med arbetsträning på vardagar.",
                    ),
                ),
            ),
        ),
        entre=EntreStatus(
            stage="release_planning", lead_coordinator=SAMPLE_COORDINATOR, lead_coordinator_phone="040-628 04 10"
        ),
        consents=_consents(names),
        client_goals=(
            ClientGoal(text=t("Have a home of my own and a steady job.", "Ha ett eget hem och ett fast jobb.")),
            ClientGoal(
                text=t("Finish school — I want to become an electrician.", "Gå klart skolan — jag vill bli elektriker.")
            ),
            ClientGoal(
                text=t("Be there for my sister and her children.", "Finnas där för min syster och hennes barn."),
                area="family_network_leisure",
            ),
            ClientGoal(
                text=t("Never go back to the old group.", "Aldrig gå tillbaka till den gamla gruppen."),
                area="attitudes_disengagement",
            ),
        ),
        client_strengths=(
            t(
                "Good at practical work; finished a welding course in prison.",
                "Praktiskt lagd; har gått en svetskurs på anstalten.",
            ),
            t("Honest about setbacks and asks for help.", "Ärlig om bakslag och ber om hjälp."),
            t("Physically active: boxing and running.", "Fysiskt aktiv: boxning och löpning."),
        ),
        actions=_actions(t, names),
        appointments=_appointments(t),
        release_day_checklist=(
            ChecklistItem(
                item="id_document",
                done=False,
                note=t(
                    "Temporary ID certificate from the prison; ID card applied for on 15 April.",
                    "Tillfälligt intyg från anstalten; id-kort söks den 15 april.",
                ),
            ),
            ChecklistItem(
                item="bank_account",
                done=True,
                note=t("Account kept open; card renewed.", "Kontot finns kvar; nytt kort beställt."),
            ),
            ChecklistItem(
                item="keys",
                done=False,
                note=t("Handed over at 14:00 on release day.", "Lämnas över kl. 14.00 på frigivningsdagen."),
            ),
            ChecklistItem(
                item="first_probation_meeting",
                done=True,
                note=t("Booked: 14 April at 11:00.", "Bokat: 14 april kl. 11.00."),
            ),
        ),
        risk=_risk(t),
        assessments=_assessments(),
        contacts=_contacts(t, names),
        next_review=dt.date(2025, 5, 12),
        signatures=SignatureBlock(
            client_agreement="agrees",
            officer_name=SAMPLE_OFFICER,
            approved_by=SAMPLE_COORDINATOR,
            approved_on=dt.date(2025, 3, 28),
            agreement_note=t(
                "I want to start studying as soon as possible.", "Jag vill börja studera så snart som möjligt."
            ),
        ),
        distribution=distribution,
        printing=PrintMetadata(
            variant=variant,
            language=language,
            copy_number=_copy_number(distribution, variant, recipient_agency_id),
            printed_at=dt.datetime(2025, 3, 31, 10, 15, tzinfo=_CEST),
            printed_by=SAMPLE_OFFICER,
            program_version=__version__,
            build_id=build_id(),
            recipient_agency_id=recipient_agency_id,
            is_demo=is_demo,
        ),
    )


EXAMPLES: tuple[tuple[Variant, Language, str | None], ...] = (
    ("internal", "en", None),
    ("internal", "sv", None),
    ("agency", "en", EMPLOYMENT_SERVICE),
    ("agency", "sv", SOCIAL_SERVICES),
    ("client", "en", None),
    ("client", "sv", None),
)


def write_examples(folder: Path) -> list[Path]:
    """Write one sample PDF per variant and language (``docs/examples`` holds the committed ones)."""
    from entre_desktop.reports.plan_pdf import write_plan_pdf

    written = []
    for variant, language, agency in EXAMPLES:
        path = folder / f"release-support-plan-{variant}-{language}.pdf"
        write_plan_pdf(sample_plan_document(variant=variant, language=language, recipient_agency_id=agency), path)
        written.append(path)
    return written


if __name__ == "__main__":  # python -m entre_desktop.reports.sample docs/examples
    import sys

    for example in write_examples(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(example)
