namespace PluginHost.Cli.Demo;

/// <summary>What the demo says on the console, in the language of <c>--lang</c> (en, sv, nb): its stories, table and summary.</summary>
internal static class DemoText
{
    public static string Say(string language, string name, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, (language switch { "sv" => Swedish, "nb" => Norwegian, _ => English })[name], values);

    private static readonly Dictionary<string, string> English = new()
    {
        ["Title"] = "PluginHost demo: {0}",
        ["Story1"] = "original output: 3 lines, and a set-up posted as run time only",
        ["Story2"] = "corrections: row 4 reverses 12 of the 10 left on entry 2, so the batch is refused",
        ["Story3"] = "the same corrections, row 4 fixed; row 5 takes 5 minutes of set-up off (run time only, no Applies-to Entry)",
        ["Story4"] = "sales: invoice INV-1001 with two lines, INV-1002 with one",
        ["Story5"] = "returns: RO-5001 is received, RO-5002 still Awaiting its packing slip, so the batch is refused",
        ["Story6"] = "returns: RO-5002 left out until it is received; RO-5001's first part is credited",
        ["Story7"] = "returns: the rest of RO-5001 arrived (a second credit note for it), and RO-5002 is received",
        ["Story8"] = "project invoice PI-3001: 8 h design, a hotel night, a milestone, material",
        ["Story9"] = "corrective invoice PI-3001-C1: 8 h to 6 h, and half the milestone, which is refused",
        ["Story10"] = "PI-3001-C1 again: 8 h to 6 h (2 h stay unbilled), the milestone credited in full, one sensor kit written off",
        ["Story11"] = "PI-3001-C2: the customer accepts the 8 h after all; the 2 h kept unbilled are billed",
        ["Columns"] = "Workbook|Status|Batch|Lines|Item entries|Capacity entries|Customer entries|Project actuals|Refused rows|Report",
        ["OpenOutput"] = "Open output entries now: {0}", ["OpenOutputEntry"] = "entry {0} ({1}, {2} left)",
        ["Returned"] = "Returned goods back in stock now: {0}",
        ["Invoices"] = "Invoices now: {0}", ["InvoiceOpen"] = "{0} {1} of {2} open",
        ["Project"] = "Project PRJ-42 now: billed {0}, unbilled {1}", ["Chargeable"] = "chargeable", ["NonChargeable"] = "non-chargeable", ["Nothing"] = "nothing", ["And"] = " and ",
        ["Database"] = "Database: {0}. Try: pluginhost entries --db {0}",
    };

    private static readonly Dictionary<string, string> Swedish = new()
    {
        ["Title"] = "PluginHost-demo: {0}",
        ["Story1"] = "ursprungligt utflöde: 3 rader, och en ställtid bokförd som enbart körtid",
        ["Story2"] = "korrigeringar: rad 4 återför 12 av de 10 som återstår på löpnr 2, så batchen avvisas",
        ["Story3"] = "samma korrigeringar med rad 4 rättad; rad 5 drar av 5 minuter ställtid (enbart körtid, utan Kopplas till löpnr)",
        ["Story4"] = "försäljning: faktura INV-1001 med två rader, INV-1002 med en",
        ["Story5"] = "returer: RO-5001 är inlevererad, RO-5002 väntar ännu på sin följesedel, så batchen avvisas",
        ["Story6"] = "returer: RO-5002 utelämnad tills den är inlevererad; första delen av RO-5001 krediteras",
        ["Story7"] = "returer: resten av RO-5001 har kommit in (en andra kreditfaktura för den), och RO-5002 är inlevererad",
        ["Story8"] = "projektfaktura PI-3001: 8 h design, en hotellnatt, en milstolpe, material",
        ["Story9"] = "korrigerande faktura PI-3001-C1: 8 h till 6 h, och halva milstolpen, vilket avvisas",
        ["Story10"] = "PI-3001-C1 igen: 8 h till 6 h (2 h förblir ofakturerade), milstolpen krediterad helt, ett sensorkit avskrivet",
        ["Story11"] = "PI-3001-C2: kunden godtar ändå de 8 h; de 2 h som hölls ofakturerade faktureras",
        ["Columns"] = "Arbetsbok|Status|Batch|Rader|Artikeltransaktioner|Kapacitetstransaktioner|Kundreskontratransaktioner|Faktiska projektvärden|Avvisade rader|Rapport",
        ["OpenOutput"] = "Öppna utflödestransaktioner nu: {0}", ["OpenOutputEntry"] = "löpnr {0} ({1}, {2} kvar)",
        ["Returned"] = "Returnerade varor åter i lager nu: {0}",
        ["Invoices"] = "Fakturor nu: {0}", ["InvoiceOpen"] = "{0} {1} av {2} öppet",
        ["Project"] = "Projekt PRJ-42 nu: fakturerat {0}, ofakturerat {1}", ["Chargeable"] = "debiterbart", ["NonChargeable"] = "icke debiterbart", ["Nothing"] = "inget", ["And"] = " och ",
        ["Database"] = "Databas: {0}. Prova: pluginhost entries --db {0}",
    };

    private static readonly Dictionary<string, string> Norwegian = new()
    {
        ["Title"] = "PluginHost-demo: {0}",
        ["Story1"] = "opprinnelig avgang: 3 linjer, og en oppstilling bokført som bare operasjonstid",
        ["Story2"] = "korrigeringer: rad 4 tilbakefører 12 av de 10 som står igjen på post 2, så bunken avvises",
        ["Story3"] = "de samme korrigeringene med rad 4 rettet; rad 5 trekker fra 5 minutter oppstilling (bare operasjonstid, uten utligningspost)",
        ["Story4"] = "salg: faktura INV-1001 med to linjer, INV-1002 med én",
        ["Story5"] = "returer: RO-5001 er mottatt, RO-5002 venter ennå på følgeseddelen, så bunken avvises",
        ["Story6"] = "returer: RO-5002 utelatt til den er mottatt; første del av RO-5001 krediteres",
        ["Story7"] = "returer: resten av RO-5001 har kommet (en andre kreditnota for den), og RO-5002 er mottatt",
        ["Story8"] = "prosjektfaktura PI-3001: 8 t design, en hotellnatt, en milepæl, materiale",
        ["Story9"] = "korrigert faktura PI-3001-C1: 8 t til 6 t, og halve milepælen, som avvises",
        ["Story10"] = "PI-3001-C1 igjen: 8 t til 6 t (2 t forblir ufakturert), milepælen kreditert helt, ett sensorsett avskrevet",
        ["Story11"] = "PI-3001-C2: kunden godtar likevel de 8 t; de 2 t som var ufakturert, faktureres",
        ["Columns"] = "Arbeidsbok|Status|Bunke|Linjer|Vareposter|Kapasitetsposter|Kundeposter|Faktiske prosjektverdier|Avviste rader|Rapport",
        ["OpenOutput"] = "Åpne avgangsposter nå: {0}", ["OpenOutputEntry"] = "post {0} ({1}, {2} igjen)",
        ["Returned"] = "Returnerte varer tilbake på lager nå: {0}",
        ["Invoices"] = "Fakturaer nå: {0}", ["InvoiceOpen"] = "{0} {1} av {2} åpent",
        ["Project"] = "Prosjekt PRJ-42 nå: fakturert {0}, ufakturert {1}", ["Chargeable"] = "belastbart", ["NonChargeable"] = "ikke-belastbart", ["Nothing"] = "ingenting", ["And"] = " og ",
        ["Database"] = "Database: {0}. Prøv: pluginhost entries --db {0}",
    };
}
