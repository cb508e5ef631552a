namespace PluginHost.Engine.Reports.Languages;

/// <summary>
/// The words of reports in English, Swedish and Norwegian (Bokmål), following the terms of the Nordic versions of
/// Business Central where one exists. Every language has every name: a test holds them to the English set.
/// </summary>
public static class ReportLabels
{
    /// <summary>The labels of a language code (en, sv, nb).</summary>
    public static IReadOnlyDictionary<string, string> For(string code) => code switch
    {
        "sv" => Swedish,
        "nb" => Norwegian,
        _ => English,
    };

    /// <summary>English.</summary>
    public static IReadOnlyDictionary<string, string> English { get; } = Build(
        ("OutputTitle", "Output journal: posting report"), ("OutputShort", "Output journal"),
        ("ReturnTitle", "Sales and returns: posting report"), ("ReturnShort", "Sales and returns"),
        ("ProjectTitle", "Project invoices and corrections: posting report"), ("ProjectShort", "Project invoices"),
        ("Batch", "Batch"), ("Status", "Status"), ("Plugin", "Plugin"), ("File", "File"), ("Sheet", "sheet"), ("User", "User"), ("Time", "Time"),
        ("Lines", "Lines"), ("Read", "read"), ("Refused", "refused"), ("Rules", "Rules"), ("Workflow", "workflow"),
        ("IgnoredColumns", "Columns not read by posting"),
        ("RefusedLines", "Refused lines"), ("NothingPosted", "Nothing of this batch was posted. Correct these cells or rows and upload the workbook again."),
        ("Warnings", "Warnings"), ("Where", "Where"), ("Rule", "Rule"), ("Message", "Message"),
        ("RuleResults", "Rule results"), ("Row", "Row"), ("Kind", "Kind"), ("Value", "Value"),
        ("ItemEntries", "Item ledger entries"), ("CapacityEntries", "Capacity ledger entries"), ("CustomerEntries", "Customer ledger entries"),
        ("Entry", "Entry"), ("PostingDate", "Posting date"), ("Type", "Type"), ("Document", "Document"), ("ProdOrder", "Prod. order"), ("Item", "Item"),
        ("Quantity", "Quantity"), ("Remaining", "Remaining"), ("Open", "Open"), ("AppliesToEntry", "Applies-to entry"),
        ("Operation", "Operation"), ("RunTime", "Run time"), ("Output", "Output"), ("ItemEntry", "Item entry"), ("Reverses", "Reverses"),
        ("Customer", "Customer"), ("Amount", "Amount"), ("AppliesTo", "Applies to"), ("Rma", "RMA"), ("Reason", "Reason"),
        ("SalesInvoices", "Sales invoices"), ("Invoice", "Invoice"), ("CreditNotes", "Credit notes"), ("CreditNote", "Credit note"),
        ("Line", "Line"), ("UnitPrice", "Unit price"), ("Returned", "Returned"), ("OriginalInvoiceLine", "Original invoice line"),
        ("Invoices", "Invoices"), ("Project", "Project"), ("Corrects", "Corrects"), ("CorrectedBy", "Corrected by"),
        ("ProjectActuals", "Project actuals"), ("Actual", "Actual"), ("Resource", "Resource"), ("Date", "Date"), ("ActualType", "Actual type"), ("Chargeable", "Chargeable"),
        ("Totals", "Totals"), ("Ledger", "Ledger"), ("Entries", "Entries"), ("Sums", "Sums"), ("TotalsNote", "Totals are always over the whole batch."), ("DocumentTotals", "Totals per document"),
        ("Yes", "yes"), ("No", "no"),
        ("posted", "posted"), ("rejected", "rejected"), ("validated", "validated"), ("failed", "failed"), ("duplicate", "duplicate"),
        ("Provisional", "provisional: dry run, nothing written"),
        ("EntryType.Output", "Output"), ("EntryType.Sale", "Sale"),
        ("DocumentType.Invoice", "Invoice"), ("DocumentType.CreditMemo", "Credit memo"),
        ("ActualType.BilledSales", "Billed sales"), ("ActualType.UnbilledSales", "Unbilled sales"),
        ("Ledger.Item", "Item"), ("Ledger.Capacity", "Capacity"), ("Ledger.Customer", "Customer"), ("Ledger.Project", "Project"),
        ("Sum.Quantity", "quantity"), ("Sum.RunTime", "run time"), ("Sum.Output", "output"), ("Sum.Amount", "amount"), ("Sum.Billed", "billed"), ("Sum.Unbilled", "unbilled"),
        ("Ref.Order", "order"), ("Ref.ReturnOrder", "return order"), ("Ref.Line", "line"), ("Ref.RowOf", "row"),
        ("Corrections", "Corrections"), ("CorrectionsIntro", "Each correction against what it corrects, and what stands after this batch."),
        ("Original", "Original"), ("Correction", "Correction"), ("NetAfter", "After this batch"),
        ("Story.Output", "item entry {0}, {1}: {2} output {3}, run time {4}"), ("Story.OutputNet", "output {0} left on the original entry, run time {1}; open: {2}"),
        ("Story.Line", "{0} line {1}: {2}, {3} × {4} = {5}"), ("Story.ReturnNet", "{0} of {1} returned; {2} open amount {3}"),
        ("Story.Project", "{0} line {1}: billed {2}, {3}"), ("Story.ProjectCorrection", "reversed {0} ({1}); billed {2} ({3}); unbilled {4} ({5})"),
        ("Story.ProjectNet", "{0}: billed {1}, unbilled {2}"),
        ("Capped", "{0}: the first {1} of {2} are shown; all of them: {3}"));

    /// <summary>Swedish.</summary>
    public static IReadOnlyDictionary<string, string> Swedish { get; } = Build(
        ("OutputTitle", "Avkastningsjournal: bokföringsrapport"), ("OutputShort", "Avkastningsjournal"),
        ("ReturnTitle", "Försäljning och returer: bokföringsrapport"), ("ReturnShort", "Försäljning och returer"),
        ("ProjectTitle", "Projektfakturor och korrigeringar: bokföringsrapport"), ("ProjectShort", "Projektfakturor"),
        ("Batch", "Batch"), ("Status", "Status"), ("Plugin", "Tillägg"), ("File", "Fil"), ("Sheet", "blad"), ("User", "Användare"), ("Time", "Tid"),
        ("Lines", "Rader"), ("Read", "lästa"), ("Refused", "avvisade"), ("Rules", "Regler"), ("Workflow", "arbetsflöde"),
        ("IgnoredColumns", "Kolumner som bokföringen inte läser"),
        ("RefusedLines", "Avvisade rader"), ("NothingPosted", "Inget i denna batch bokfördes. Rätta dessa celler eller rader och ladda upp arbetsboken igen."),
        ("Warnings", "Varningar"), ("Where", "Var"), ("Rule", "Regel"), ("Message", "Meddelande"),
        ("RuleResults", "Regelresultat"), ("Row", "Rad"), ("Kind", "Typ"), ("Value", "Värde"),
        ("ItemEntries", "Artikeltransaktioner"), ("CapacityEntries", "Kapacitetstransaktioner"), ("CustomerEntries", "Kundtransaktioner"),
        ("Entry", "Löpnr"), ("PostingDate", "Bokföringsdatum"), ("Type", "Typ"), ("Document", "Dokument"), ("ProdOrder", "Tillv.order"), ("Item", "Artikel"),
        ("Quantity", "Antal"), ("Remaining", "Återstående"), ("Open", "Öppen"), ("AppliesToEntry", "Koppla till löpnr"),
        ("Operation", "Operation"), ("RunTime", "Körtid"), ("Output", "Avkastning"), ("ItemEntry", "Artikeltrans."), ("Reverses", "Återför"),
        ("Customer", "Kund"), ("Amount", "Belopp"), ("AppliesTo", "Koppla till"), ("Rma", "RMA"), ("Reason", "Orsak"),
        ("SalesInvoices", "Försäljningsfakturor"), ("Invoice", "Faktura"), ("CreditNotes", "Kreditnotor"), ("CreditNote", "Kreditnota"),
        ("Line", "Radnr"), ("UnitPrice", "A-pris"), ("Returned", "Returnerat"), ("OriginalInvoiceLine", "Ursprunglig fakturarad"),
        ("Invoices", "Fakturor"), ("Project", "Projekt"), ("Corrects", "Korrigerar"), ("CorrectedBy", "Korrigerad av"),
        ("ProjectActuals", "Projekttransaktioner"), ("Actual", "Löpnr"), ("Resource", "Resurs"), ("Date", "Datum"), ("ActualType", "Transaktionstyp"), ("Chargeable", "Fakturerbar"),
        ("Totals", "Summor"), ("Ledger", "Transaktioner"), ("Entries", "Antal"), ("Sums", "Summor"), ("TotalsNote", "Summorna gäller alltid hela batchen."), ("DocumentTotals", "Summor per dokument"),
        ("Yes", "ja"), ("No", "nej"),
        ("posted", "bokförd"), ("rejected", "avvisad"), ("validated", "kontrollerad"), ("failed", "misslyckad"), ("duplicate", "dubblett"),
        ("Provisional", "preliminär: provkörning, inget skrevs"),
        ("EntryType.Output", "Avkastning"), ("EntryType.Sale", "Försäljning"),
        ("DocumentType.Invoice", "Faktura"), ("DocumentType.CreditMemo", "Kreditnota"),
        ("ActualType.BilledSales", "Fakturerad försäljning"), ("ActualType.UnbilledSales", "Ej fakturerad försäljning"),
        ("Ledger.Item", "Artikel"), ("Ledger.Capacity", "Kapacitet"), ("Ledger.Customer", "Kund"), ("Ledger.Project", "Projekt"),
        ("Sum.Quantity", "antal"), ("Sum.RunTime", "körtid"), ("Sum.Output", "avkastning"), ("Sum.Amount", "belopp"), ("Sum.Billed", "fakturerat"), ("Sum.Unbilled", "ej fakturerat"),
        ("Ref.Order", "order"), ("Ref.ReturnOrder", "returorder"), ("Ref.Line", "rad"), ("Ref.RowOf", "rad"),
        ("Corrections", "Korrigeringar"), ("CorrectionsIntro", "Varje korrigering mot det den korrigerar, och vad som står kvar efter denna batch."),
        ("Original", "Ursprunglig"), ("Correction", "Korrigering"), ("NetAfter", "Efter denna batch"),
        ("Story.Output", "artikeltransaktion {0}, {1}: {2} avkastning {3}, körtid {4}"), ("Story.OutputNet", "avkastning {0} kvar på den ursprungliga transaktionen, körtid {1}; öppen: {2}"),
        ("Story.Line", "{0} rad {1}: {2}, {3} × {4} = {5}"), ("Story.ReturnNet", "{0} av {1} returnerade; {2} öppet belopp {3}"),
        ("Story.Project", "{0} rad {1}: fakturerat {2}, {3}"), ("Story.ProjectCorrection", "återfört {0} ({1}); fakturerat {2} ({3}); ej fakturerat {4} ({5})"),
        ("Story.ProjectNet", "{0}: fakturerat {1}, ej fakturerat {2}"),
        ("Capped", "{0}: de första {1} av {2} visas; alla finns med: {3}"));

    /// <summary>Norwegian (Bokmål).</summary>
    public static IReadOnlyDictionary<string, string> Norwegian { get; } = Build(
        ("OutputTitle", "Avgangskladd: posteringsrapport"), ("OutputShort", "Avgangskladd"),
        ("ReturnTitle", "Salg og returer: posteringsrapport"), ("ReturnShort", "Salg og returer"),
        ("ProjectTitle", "Prosjektfakturaer og korrigeringer: posteringsrapport"), ("ProjectShort", "Prosjektfakturaer"),
        ("Batch", "Bunt"), ("Status", "Status"), ("Plugin", "Tillegg"), ("File", "Fil"), ("Sheet", "ark"), ("User", "Bruker"), ("Time", "Tid"),
        ("Lines", "Linjer"), ("Read", "lest"), ("Refused", "avvist"), ("Rules", "Regler"), ("Workflow", "arbeidsflyt"),
        ("IgnoredColumns", "Kolonner som posteringen ikke leser"),
        ("RefusedLines", "Avviste linjer"), ("NothingPosted", "Ingenting i denne bunten ble postert. Rett disse cellene eller radene og last opp arbeidsboken på nytt."),
        ("Warnings", "Advarsler"), ("Where", "Hvor"), ("Rule", "Regel"), ("Message", "Melding"),
        ("RuleResults", "Regelresultater"), ("Row", "Rad"), ("Kind", "Type"), ("Value", "Verdi"),
        ("ItemEntries", "Vareposter"), ("CapacityEntries", "Kapasitetsposter"), ("CustomerEntries", "Kundeposter"),
        ("Entry", "Løpenr."), ("PostingDate", "Posteringsdato"), ("Type", "Type"), ("Document", "Dokument"), ("ProdOrder", "Prod.ordre"), ("Item", "Vare"),
        ("Quantity", "Antall"), ("Remaining", "Gjenstående"), ("Open", "Åpen"), ("AppliesToEntry", "Utlign med løpenr."),
        ("Operation", "Operasjon"), ("RunTime", "Kjøretid"), ("Output", "Avgang"), ("ItemEntry", "Varepost"), ("Reverses", "Tilbakefører"),
        ("Customer", "Kunde"), ("Amount", "Beløp"), ("AppliesTo", "Utlign med"), ("Rma", "RMA"), ("Reason", "Årsak"),
        ("SalesInvoices", "Salgsfakturaer"), ("Invoice", "Faktura"), ("CreditNotes", "Kreditnotaer"), ("CreditNote", "Kreditnota"),
        ("Line", "Linje"), ("UnitPrice", "Enhetspris"), ("Returned", "Returnert"), ("OriginalInvoiceLine", "Opprinnelig fakturalinje"),
        ("Invoices", "Fakturaer"), ("Project", "Prosjekt"), ("Corrects", "Korrigerer"), ("CorrectedBy", "Korrigert av"),
        ("ProjectActuals", "Prosjektposter"), ("Actual", "Løpenr."), ("Resource", "Ressurs"), ("Date", "Dato"), ("ActualType", "Posttype"), ("Chargeable", "Fakturerbar"),
        ("Totals", "Summer"), ("Ledger", "Poster"), ("Entries", "Antall"), ("Sums", "Summer"), ("TotalsNote", "Summene gjelder alltid hele bunten."), ("DocumentTotals", "Summer per dokument"),
        ("Yes", "ja"), ("No", "nei"),
        ("posted", "postert"), ("rejected", "avvist"), ("validated", "kontrollert"), ("failed", "mislyktes"), ("duplicate", "duplikat"),
        ("Provisional", "foreløpig: prøvekjøring, ingenting ble skrevet"),
        ("EntryType.Output", "Avgang"), ("EntryType.Sale", "Salg"),
        ("DocumentType.Invoice", "Faktura"), ("DocumentType.CreditMemo", "Kreditnota"),
        ("ActualType.BilledSales", "Fakturert salg"), ("ActualType.UnbilledSales", "Ikke fakturert salg"),
        ("Ledger.Item", "Vare"), ("Ledger.Capacity", "Kapasitet"), ("Ledger.Customer", "Kunde"), ("Ledger.Project", "Prosjekt"),
        ("Sum.Quantity", "antall"), ("Sum.RunTime", "kjøretid"), ("Sum.Output", "avgang"), ("Sum.Amount", "beløp"), ("Sum.Billed", "fakturert"), ("Sum.Unbilled", "ikke fakturert"),
        ("Ref.Order", "ordre"), ("Ref.ReturnOrder", "returordre"), ("Ref.Line", "linje"), ("Ref.RowOf", "rad"),
        ("Corrections", "Korrigeringer"), ("CorrectionsIntro", "Hver korrigering mot det den korrigerer, og hva som står igjen etter denne bunten."),
        ("Original", "Opprinnelig"), ("Correction", "Korrigering"), ("NetAfter", "Etter denne bunten"),
        ("Story.Output", "varepost {0}, {1}: {2} avgang {3}, kjøretid {4}"), ("Story.OutputNet", "avgang {0} igjen på den opprinnelige posten, kjøretid {1}; åpen: {2}"),
        ("Story.Line", "{0} linje {1}: {2}, {3} × {4} = {5}"), ("Story.ReturnNet", "{0} av {1} returnert; {2} åpent beløp {3}"),
        ("Story.Project", "{0} linje {1}: fakturert {2}, {3}"), ("Story.ProjectCorrection", "tilbakeført {0} ({1}); fakturert {2} ({3}); ikke fakturert {4} ({5})"),
        ("Story.ProjectNet", "{0}: fakturert {1}, ikke fakturert {2}"),
        ("Capped", "{0}: de første {1} av {2} vises; alle finnes i: {3}"));

    private static Dictionary<string, string> Build(params (string Name, string Text)[] labels) =>
        labels.ToDictionary(l => l.Name, l => l.Text, StringComparer.Ordinal);
}
