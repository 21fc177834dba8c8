/* chart_fixtures.h: the report's figures as charts, built from the values
 * published in 2013 (shared/reference/report-outline.md, section 6), for the
 * chart tests. Where the report lost values (2.2 items 4 and 7 and the
 * other answers of 2.2, most of 3.7, 3.8 and 4.1) the fixtures use plausible
 * numbers that agree with every value the text does give and sum to 100:
 * they exercise the layout, they are not survey results.
 *
 * fixture_chart(i) for i in [0, NFIXTURES) returns a new chart; free it with
 * chart_free. */
#ifndef CHART_FIXTURES_H
#define CHART_FIXTURES_H

#include "chart.h"

#include <stddef.h>

typedef struct {
	const char *label;
	int n;
	int pct[4];
} fixture_bar;

static const char *const fx_freq_cats[] = {
	"Vaak, dit is een gangbare praktijk", "Met enige regelmaat", "Soms, op beperkte schaal", "Niet",
};

static chart *fx_stacked(const char *id, const char *title, int ncat, const char *const *cats,
                         int neutral_last, const fixture_bar *bars, int nbars)
{
	chart *c = chart_new(CHART_STACKED, id, title);
	for (int k = 0; k < ncat; k++)
		chart_add_category(c, cats[k], neutral_last && k == ncat - 1);
	for (int i = 0; i < nbars; i++)
		chart_add_bar(c, bars[i].label, bars[i].n, bars[i].pct);
	return c;
}

typedef struct {
	int rank;
	const char *label;
	long count;
} fixture_row;

static chart *fx_ranking(const char *id, const char *title, const fixture_row *rows, int nrows)
{
	chart *c = chart_new(CHART_RANKING, id, title);
	for (int i = 0; i < nrows; i++)
		chart_add_row(c, 0, rows[i].rank, rows[i].label, rows[i].count);
	return c;
}

#define FX_LEN(a) ((int)(sizeof(a) / sizeof((a)[0])))

static chart *fixture_2_2(void)
{
	static const char *const cats[] = { "Ja", "Nee", "Weet niet" };
	static const fixture_bar bars[] = {
		{ "Nieuwe netwerken en coalities van overheden, professionele organisaties, vrijwilligersorganisaties, verenigingen en burgers", 0, { 72, 20, 8 } },
		{ "Vrijwilligerswerk en zelforganisatie om lokale voorzieningen en diensten in stand te houden", 0, { 82, 12, 6 } },
		{ "Eigen initiatieven en inzet rond versterken van sociale samenhang en actieve deelname van mensen.", 0, { 94, 4, 2 } },
		{ "Eigen initiatieven en inzet rond maatschappelijke handhaving, toezicht en veiligheid.", 0, { 75, 19, 6 } },
		{ "Structurele overdracht politieke zeggenschap ihk van gebiedsgericht werken.", 0, { 21, 70, 9 } },
		{ "Sociaal ondernemerschap", 0, { 47, 41, 12 } },
		{ "Zelfbeheer van de openbare ruimte", 0, { 89, 8, 3 } },
	};
	return fx_stacked("figuur-2-2", "het voorkomen van zeven vormen van de ‘doe-democratie’ in gemeenten",
	                  3, cats, 1, bars, FX_LEN(bars));
}

static chart *fixture_2_3(void)
{
	static const fixture_row rows[] = {
		{ 1, "Eigen initiatieven en inzet versterken sociale samenhang en actieve deelname", 82 },
		{ 2, "Vrijwilligerswerk en zelforganisatie instandhouding lokale voorzieningen", 55 },
		{ 3, "Zelfbeheer van de openbare ruimte", 36 },
		{ 4, "Nieuwe netwerken en coalities", 34 },
		{ 5, "Eigen initiatieven en inzet maatschappelijke handhaving, toezicht en veiligheid", 24 },
		{ 6, "Sociaal ondernemerschap", 11 },
		{ 7, "Structurele overdracht politieke zeggenschap in het kader van gebiedsgericht werken", 7 },
	};
	return fx_ranking("figuur-2-3", "meest typerende vormen van de ‘doe-democratie’ volgens respondenten",
	                  rows, FX_LEN(rows));
}

static chart *fixture_3_1(void)
{
	static const char *const cats[] = {
		"Veel aandacht", "Behoorlijke aandacht", "Enige aandacht", "Niet of nauwelijks aandacht",
	};
	static const fixture_bar bars[] = {
		{ "Bij beleidsprofessionals", 0, { 22, 53, 25, 0 } },
		{ "Bij directie en management", 0, { 23, 44, 30, 3 } },
		{ "Bij het college", 0, { 30, 42, 27, 1 } },
		{ "Bij de gemeenteraad", 0, { 10, 35, 44, 11 } },
	};
	return fx_stacked("figuur-3-1", "aandacht voor het ondersteunen en stimuleren van de ‘doe-democratie’",
	                  4, cats, 0, bars, FX_LEN(bars));
}

static chart *fixture_3_2(void)
{
	static const char *const cats[] = { "Aandacht toegenomen", "Aandacht onveranderd", "Aandacht afgenomen" };
	static const fixture_bar bars[] = {
		{ "Bij beleidsprofessionals", 0, { 83, 16, 1 } },
		{ "Bij directie en management", 0, { 80, 20, 0 } },
		{ "Bij het college", 0, { 80, 20, 0 } },
		{ "Bij de gemeenteraad", 0, { 71, 29, 0 } },
	};
	return fx_stacked("figuur-3-2", "verandering in de aandacht voor de ‘doe-democratie’ ten opzichte van 2010",
	                  3, cats, 0, bars, FX_LEN(bars));
}

static chart *fixture_3_3(void)
{
	static const fixture_bar bars[] = {
		{ "Vrij beschikbare middelen ter beschikking stellen als startkapitaal (seed-money), waarop burgers en organisaties kunnen voortbouwen", 82, { 2, 10, 31, 57 } },
		{ "Initiatiefnemers verder helpen door verbindingen tussen partijen te leggen, ontmoetingen organiseren, coalities te vormen, etc.", 85, { 19, 34, 34, 13 } },
		{ "Kansrijke initiatieven verder helpen door alternatieve financieringswijzen en bekostigingsmodellen aan te dragen", 83, { 4, 26, 52, 18 } },
		{ "Helpen met het oplossen van belangentegenstellingen en –conflicten als partijen er zelf niet uitkomen (beleidsmediation)", 83, { 30, 31, 28, 11 } },
		{ "Een loket waar maatschappelijke initiatiefnemers ondersteuning kunnen krijgen", 84, { 11, 11, 38, 40 } },
		{ "Initiatiefnemers ondersteunen met tijd en deskundigheid uit de ambtelijke organisatie", 86, { 19, 37, 38, 6 } },
	};
	return fx_stacked("figuur-3-3", "door gemeenten ingezette strategieën die te maken hebben met ‘faciliteren’",
	                  4, fx_freq_cats, 0, bars, FX_LEN(bars));
}

static chart *fixture_3_4(void)
{
	static const fixture_bar bars[] = {
		{ "Aanbestedingsbeleid voeren met ruimte voor meedingen door verrassende coalities ofwel ‘maatschappelijk aanbesteden’", 85, { 5, 9, 38, 48 } },
		{ "Beleid en voorzieningen voor werving, ondersteuning en deskundigheidsbevordering van vrijwilligers", 87, { 26, 43, 21, 10 } },
		{ "Eigen Kracht-conferenties stimuleren, uitvoeren of financieren", 83, { 3, 24, 37, 36 } },
		{ "Zeggenschap overdragen aan burgers, bedrijven of partners bij belangrijke ontwikkelingen en projecten", 86, { 4, 17, 48, 31 } },
	};
	return fx_stacked("figuur-3-4", "door gemeenten ingezette strategieën die te maken hebben met ‘stimuleren’",
	                  4, fx_freq_cats, 0, bars, FX_LEN(bars));
}

static chart *fixture_3_5(void)
{
	static const fixture_bar bars[] = {
		{ "Met gemeentelijk beleid en projecten actief aansluiting zoeken bij maatschappelijke initiatieven", 83, { 9, 45, 40, 6 } },
		{ "In de samenwerking met burgers, bedrijven en organisaties actief zoeken naar win-win situaties", 86, { 22, 44, 29, 5 } },
		{ "Een betrouwbare en duidelijke samenwerkingspartner zijn", 87, { 41, 32, 22, 5 } },
		{ "Overzicht verkrijgen: actief initiatieven en ‘energie’ in de samenleving in kaart brengen via ketenpartners en bewonersorganisaties", 83, { 13, 36, 36, 15 } },
		{ "Wet- en regelgeving en gemeentelijk beleid zoveel mogelijk flexibel toepassen", 81, { 10, 36, 47, 7 } },
	};
	return fx_stacked("figuur-3-5", "door gemeenten ingezette strategieën die te maken hebben met ‘regisseren’",
	                  4, fx_freq_cats, 0, bars, FX_LEN(bars));
}

static chart *fixture_3_6(void)
{
	chart *c = chart_new(CHART_TOPBOTTOM, "figuur-3-6", "top drie meest én minst genoemde succesvolle strategieën in de praktijk");
	chart_set_column_heading(c, 0, "Meest genoemde succesvolle strategieën");
	chart_set_column_heading(c, 1, "Minst genoemde succesvolle strategieën");
	chart_add_row(c, 0, 1, "Initiatiefnemers ondersteunen met tijd en deskundigheid uit de ambtelijke organisatie", 61);
	chart_add_row(c, 0, 2, "Een betrouwbare en duidelijke samenwerkingspartner zijn", 40);
	chart_add_row(c, 0, 3, "In de samenwerking actief zoeken naar win-win situaties", 37);
	chart_add_row(c, 1, 1, "Maatschappelijk aanbesteden", 2);
	chart_add_row(c, 1, 2, "Vrij beschikbare middelen ter beschikking stellen als startkapitaal (seed-money)", 3);
	chart_add_row(c, 1, 3, "Alternatieve financieringswijzen en bekostigingsmodellen aan te dragen", 6);
	return c;
}

static chart *fixture_3_7(void)
{
	static const fixture_bar bars[] = {
		{ "Een gebrek aan inzicht in maatschappelijke energie en initiatieven en hun ‘broedplaatsen’", 70, { 9, 27, 40, 24 } },
		{ "Slechte ervaringen met het ondersteunen van maatschappelijke initiatieven tot nu toe", 65, { 3, 12, 45, 40 } },
		{ "Onvoldoende competenties voor een meer faciliterende rol", 75, { 8, 30, 44, 18 } },
		{ "Beperkte bereidheid bij ambtelijke professionals om taken los te laten en/of zeggenschap over te dragen aan burgers", 76, { 12, 37, 38, 13 } },
		{ "Beperkte bereidheid bij politiek en bestuur om taken los te laten en/of zeggenschap over te dragen aan burgers", 75, { 17, 39, 32, 12 } },
		{ "Een belemmerende houding van de landelijke of provinciale overheid bij de toepassing en interpretatie van regels", 63, { 21, 35, 32, 12 } },
		{ "Onvoldoende tijd en capaciteit of financiële middelen om initiatieven uit de samenleving te ondersteunen", 76, { 28, 43, 22, 7 } },
	};
	return fx_stacked("figuur-3-7", "uitdagingen en knelpunten binnen de gemeentelijke organisatie of bij andere overheden",
	                  4, fx_freq_cats, 0, bars, FX_LEN(bars));
}

static chart *fixture_3_8(void)
{
	static const fixture_bar bars[] = {
		{ "Issues rond rechtsgelijkheid en precedentwerking: waarom de ene initiatiefnemer wel en de andere niet?", 72, { 6, 25, 47, 22 } },
		{ "Het ontbreken van een infrastructuur om met bewoners samen te werken", 72, { 7, 24, 44, 25 } },
		{ "Issues rond representativiteit van en draagvlak voor ideeën, oplossingen en acties van maatschappelijke initiatiefnemers", 64, { 9, 30, 45, 16 } },
		{ "Onvoldoende professionaliteit en continuïteit bij partijen die initiatieven nemen en zelf opgaven realiseren", 71, { 10, 35, 42, 13 } },
		{ "Te grote risico’s dat er bij maatschappelijke initiatieven iets mis gaat en de gemeente aansprakelijk wordt gesteld", 67, { 5, 21, 49, 25 } },
		{ "Weinig ruimte om in te spelen op maatschappelijke initiatieven door te grote regeldichtheid", 73, { 16, 39, 34, 11 } },
		{ "Beperkte bereidheid bij burgers om te participeren en actief te zijn in het kader van de ‘doe-democratie’", 78, { 19, 45, 31, 5 } },
	};
	return fx_stacked("figuur-3-8", "uitdagingen en knelpunten in de samenleving of overige uitdagingen",
	                  4, fx_freq_cats, 0, bars, FX_LEN(bars));
}

static chart *fixture_3_9(void)
{
	static const fixture_row rows[] = {
		{ 1, "Leefbaarheid en sociale samenhang", 72 },
		{ 2, "Beheer openbare ruimte / fysieke aspecten leefbaarheid", 67 },
		{ 3, "(Arbeids)participatie, sociaal beleid en welzijn", 64 },
		{ 4, "Jeugd en opvoeding", 42 },
		{ 5, "Zorg en volksgezondheid", 31 },
	};
	return fx_ranking("figuur-3-9", "top vijf sectoren/beleidsterreinen waar de grootste uitdagingen liggen rond de ‘doe-democratie’",
	                  rows, FX_LEN(rows));
}

static chart *fixture_4_1(void)
{
	static const char *const cats[] = {
		"Sterke ondersteuningsbehoefte", "Enige ondersteuningsbehoefte", "Geen ondersteuningsbehoefte",
	};
	static const fixture_bar bars[] = {
		{ "Pilotprojecten of experimenten waar onze gemeente aan mee kan doen", 0, { 21, 47, 32 } },
		{ "Een landelijk ondersteuningsprogramma gericht op leren en uitwisseling met andere gemeenten.", 0, { 26, 44, 30 } },
		{ "Heldere taalafspraken over ‘doe-democratie’ en aanverwante begrippen.", 0, { 14, 45, 41 } },
		{ "Instrumenten en handreikingen voor het faciliteren van maatschappelijke initiatieven.", 0, { 37, 42, 21 } },
		{ "Inzicht in succes- en faalfactoren van maatschappelijke initiatieven en de rol van gemeenten daarbij", 0, { 42, 40, 18 } },
		{ "Het delen van goede voorbeelden en best practices", 0, { 36, 45, 19 } },
		{ "Handvatten voor het ontwikkelen van benodigde expertise en competenties binnen de gemeentelijke organisatie.", 0, { 30, 44, 26 } },
		{ "Het organiseren van aandacht en urgentiegevoel voor dit onderwerp binnen de ambtelijke organisatie.", 0, { 28, 41, 31 } },
		{ "Het organiseren van aandacht en urgentiegevoel voor dit onderwerp bij politiek en bestuur.", 0, { 33, 38, 29 } },
	};
	return fx_stacked("figuur-4-1", "de ondersteuningsbehoefte van gemeenten volgens respondenten",
	                  3, cats, 0, bars, FX_LEN(bars));
}

static chart *fixture_4_2(void)
{
	static const fixture_row rows[] = {
		{ 1, "De Vereniging van Nederlandse Gemeenten", 71 },
		{ 2, "Van directe collega’s", 61 },
		{ 3, "Andere gemeenten", 51 },
		{ 4, "Netwerken en platforms voor professionals", 37 },
		{ 5, "Het ministerie van Binnenlandse Zaken en Koninkrijksrelaties", 32 },
		{ 6, "Via online gemeenschappen op internet", 31 },
		{ 7, "Kennisinstituten en adviesbureaus", 19 },
	};
	return fx_ranking("figuur-4-2", "meest genoemde partijen van wie gemeenten ondersteuning verwachten",
	                  rows, FX_LEN(rows));
}

/* An area edition's figure (issue 9): figure 3.3 for a province with the
 * national bar below each item, one item suppressed for the area (too few
 * gemeenten) and one whose national value is withheld too, to exercise
 * every branch. Made-up numbers that sum to 100. */
static chart *fixture_3_3_area(void)
{
	static const fixture_bar area[] = {
		{ "Vrij beschikbare middelen ter beschikking stellen als startkapitaal (seed-money), waarop burgers en organisaties kunnen voortbouwen", 9, { 0, 11, 33, 56 } },
		{ "Initiatiefnemers verder helpen door verbindingen tussen partijen te leggen, ontmoetingen organiseren, coalities te vormen, etc.", 9, { 22, 33, 34, 11 } },
		{ "Kansrijke initiatieven verder helpen door alternatieve financieringswijzen en bekostigingsmodellen aan te dragen", 4, { 0, 0, 0, 0 } },
		{ "Helpen met het oplossen van belangentegenstellingen en –conflicten als partijen er zelf niet uitkomen (beleidsmediation)", 8, { 25, 38, 25, 12 } },
		{ "Een loket waar maatschappelijke initiatiefnemers ondersteuning kunnen krijgen", 9, { 11, 0, 45, 44 } },
		{ "Initiatiefnemers ondersteunen met tijd en deskundigheid uit de ambtelijke organisatie", 9, { 33, 22, 34, 11 } },
	};
	static const int nl[][4] = {
		{ 2, 10, 31, 57 }, { 19, 34, 34, 13 }, { 4, 26, 52, 18 }, { 30, 31, 28, 11 }, { 11, 11, 38, 40 }, { 19, 37, 38, 6 },
	};
	static const int nl_n[] = { 82, 85, 83, 83, 84, 86 };
	chart *c = chart_new(CHART_STACKED, "figuur-3-3-gebied", "door gemeenten ingezette strategieën die te maken hebben met ‘faciliteren’");
	for (int k = 0; k < 4; k++)
		chart_add_category(c, fx_freq_cats[k], 0);
	chart_set_reference(c, "Gelderland", "Nederland");
	for (int i = 0; i < FX_LEN(area); i++) {
		if (i == 2)
			chart_add_suppressed_bar(c, area[i].label, area[i].n, "te weinig gemeenten (minder dan 5)");
		else
			chart_add_bar(c, area[i].label, area[i].n, area[i].pct);
		if (i == 4)
			chart_bar_set_reference(c, i, 0, NULL, "geen antwoorden");
		else
			chart_bar_set_reference(c, i, nl_n[i], nl[i], NULL);
	}
	return c;
}

/* A small area without a reference: items nobody answered and items under
 * the minimum base are empty rows with their reason. */
static chart *fixture_2_2_small(void)
{
	static const char *const cats[] = { "Ja", "Nee", "Weet niet" };
	chart *c = chart_new(CHART_STACKED, "figuur-2-2-klein", "het voorkomen van zeven vormen van de ‘doe-democratie’ in gemeenten");
	for (int k = 0; k < 3; k++)
		chart_add_category(c, cats[k], k == 2);
	static const int a[] = { 60, 40, 0 }, b[] = { 50, 33, 17 };
	chart_add_bar(c, "Nieuwe netwerken en coalities", 5, a);
	chart_add_suppressed_bar(c, "Vrijwilligerswerk en zelforganisatie", 0, "geen antwoorden");
	chart_add_suppressed_bar(c, "Sociaal ondernemerschap", 4, "te weinig gemeenten (n=4)");
	chart_add_bar(c, "Zelfbeheer van de openbare ruimte", 6, b);
	return c;
}

static chart *(*const fixture_makers[])(void) = {
	fixture_2_2, fixture_2_3, fixture_3_1, fixture_3_2, fixture_3_3, fixture_3_4, fixture_3_5,
	fixture_3_6, fixture_3_7, fixture_3_8, fixture_3_9, fixture_4_1, fixture_4_2,
	fixture_3_3_area, fixture_2_2_small,
};

#define NFIXTURES FX_LEN(fixture_makers)

static chart *fixture_chart(int i)
{
	return fixture_makers[i]();
}

#endif
