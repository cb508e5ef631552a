using PluginHost.Engine.Languages;

namespace PluginHost.Engine.Reports.Languages;

/// <summary>
/// The words of reports in English, Swedish and Norwegian (Bokmål). The products' terms come from the glossary
/// (languages/glossary.json: <c>{=Output}</c> is Output, Utflöde, Avgang), so a report says what the products' Nordic
/// documentation says. Every language has every name: a test holds them to the English set.
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
    public static IReadOnlyDictionary<string, string> English { get; } = Build("en",
        ("OutputTitle", "{=OutputJournal}: posting report"), ("OutputShort", "{=OutputJournal}"),
        ("ReturnTitle", "Sales and returns: posting report"), ("ReturnShort", "Sales and returns"),
        ("ProjectTitle", "Project invoices and corrections: posting report"), ("ProjectShort", "Project invoices"),
        ("Batch", "Batch"), ("Status", "Status"), ("Plugin", "Plugin"), ("File", "File"), ("Sheet", "sheet"), ("User", "User"), ("Time", "Time"),
        ("Lines", "Lines"), ("Read", "read"), ("Refused", "refused"), ("Rules", "Rules"), ("Workflow", "workflow"),
        ("IgnoredColumns", "Columns not read by posting"),
        ("RefusedLines", "Refused lines"), ("NothingPosted", "Nothing of this batch was posted. Correct these cells or rows and upload the workbook again."),
        ("Warnings", "Warnings"), ("Where", "Where"), ("Rule", "Rule"), ("Message", "Message"),
        ("RuleResults", "Rule results"), ("Row", "Row"), ("Kind", "Kind"), ("Value", "Value"),
        ("ItemEntries", "{=ItemLedgerEntries}"), ("CapacityEntries", "{=CapacityLedgerEntries}"), ("CustomerEntries", "{=CustomerLedgerEntries}"),
        ("Entry", "Entry"), ("PostingDate", "{=PostingDate}"), ("Type", "Type"), ("Document", "Document"), ("ProdOrder", "{=ProdOrderNo}"), ("Item", "Item"),
        ("Quantity", "{=Quantity}"), ("Remaining", "Remaining"), ("Open", "{=Open}"), ("AppliesToEntry", "{=AppliesToEntry}"),
        ("Operation", "{=OperationNo}"), ("RunTime", "{=RunTime}"), ("Output", "{=Output}"), ("ItemEntry", "{=ItemLedgerEntry}"), ("Reverses", "{=Reverses}"),
        ("Customer", "Customer"), ("Amount", "Amount"), ("AppliesTo", "Applies to"), ("Rma", "{=RmaNo}"), ("Reason", "{=ReturnReason}"),
        ("SalesInvoices", "Sales invoices"), ("Invoice", "{=Invoice}"), ("CreditNotes", "{=CreditNotes}"), ("CreditNote", "{=CreditNote}"),
        ("Line", "Line"), ("UnitPrice", "{=UnitPrice}"), ("Returned", "Returned"), ("OriginalInvoiceLine", "Original invoice line"),
        ("Invoices", "Invoices"), ("Project", "Project"), ("Corrects", "Corrects"), ("CorrectedBy", "Corrected by"),
        ("ProjectActuals", "{=ProjectActuals}"), ("Actual", "Actual"), ("Resource", "{=Resource}"), ("Date", "Date"), ("ActualType", "Actual type"), ("Chargeable", "{=Chargeable}"),
        ("Totals", "Totals"), ("Ledger", "{=Ledger}"), ("Entries", "{=Entries}"), ("Sums", "Sums"), ("TotalsNote", "Totals are always over the whole batch."), ("DocumentTotals", "Totals per document"),
        ("Yes", "yes"), ("No", "no"),
        ("posted", "{=Posted}"), ("rejected", "rejected"), ("validated", "validated"), ("failed", "failed"), ("duplicate", "duplicate"),
        ("Provisional", "provisional: dry run, nothing written"),
        ("EntryType.Output", "{=Output}"), ("EntryType.Sale", "Sale"),
        ("DocumentType.Invoice", "{=Invoice}"), ("DocumentType.CreditMemo", "{=CreditNote}"),
        ("ActualType.BilledSales", "{=BilledSales}"), ("ActualType.UnbilledSales", "{=UnbilledSales}"),
        ("Ledger.Item", "Item"), ("Ledger.Capacity", "Capacity"), ("Ledger.Customer", "Customer"), ("Ledger.Project", "Project"),
        ("Sum.Quantity", "{-Quantity}"), ("Sum.RunTime", "{-RunTime}"), ("Sum.Output", "{-Output}"), ("Sum.Amount", "amount"), ("Sum.Billed", "{-Billed}"), ("Sum.Unbilled", "{-Unbilled}"),
        ("Ref.Order", "order"), ("Ref.ReturnOrder", "{-ReturnOrder}"), ("Ref.Line", "line"), ("Ref.RowOf", "row"),
        ("Corrections", "Corrections"), ("CorrectionsIntro", "Each correction against what it corrects, and what stands after this batch."),
        ("Original", "Original"), ("Correction", "Correction"), ("NetAfter", "After this batch"),
        ("Story.Output", "{-ItemLedgerEntry} {0}, {1}: {2} {-Output} {3}, {-RunTime} {4}"), ("Story.OutputNet", "{-Output} {0} left on the original entry, {-RunTime} {1}; {-Open}: {2}"),
        ("Story.Line", "{0} line {1}: {2}, {3} × {4} = {5}"), ("Story.ReturnNet", "{0} of {1} returned; {2} open amount {3}"),
        ("Story.Project", "{0} line {1}: {-Billed} {2}, {3}"), ("Story.ProjectCorrection", "reversed {0} ({1}); {-Billed} {2} ({3}); {-Unbilled} {4} ({5})"),
        ("Story.ProjectNet", "{0}: {-Billed} {1}, {-Unbilled} {2}"),
        ("Capped", "{0}: the first {1} of {2} are shown; all of them: {3}"));

    /// <summary>Swedish.</summary>
    public static IReadOnlyDictionary<string, string> Swedish { get; } = Build("sv",
        ("OutputTitle", "{=OutputJournal}: bokföringsrapport"), ("OutputShort", "{=OutputJournal}"),
        ("ReturnTitle", "Försäljning och returer: bokföringsrapport"), ("ReturnShort", "Försäljning och returer"),
        ("ProjectTitle", "Projektfakturor och korrigeringar: bokföringsrapport"), ("ProjectShort", "Projektfakturor"),
        ("Batch", "Batch"), ("Status", "Status"), ("Plugin", "Tillägg"), ("File", "Fil"), ("Sheet", "blad"), ("User", "Användare"), ("Time", "Tid"),
        ("Lines", "Rader"), ("Read", "lästa"), ("Refused", "avvisade"), ("Rules", "Regler"), ("Workflow", "arbetsflöde"),
        ("IgnoredColumns", "Kolumner som bokföringen inte läser"),
        ("RefusedLines", "Avvisade rader"), ("NothingPosted", "Inget i denna batch bokfördes. Rätta dessa celler eller rader och ladda upp arbetsboken igen."),
        ("Warnings", "Varningar"), ("Where", "Var"), ("Rule", "Regel"), ("Message", "Meddelande"),
        ("RuleResults", "Regelresultat"), ("Row", "Rad"), ("Kind", "Typ"), ("Value", "Värde"),
        ("ItemEntries", "{=ItemLedgerEntries}"), ("CapacityEntries", "{=CapacityLedgerEntries}"), ("CustomerEntries", "{=CustomerLedgerEntries}"),
        ("Entry", "Löpnr"), ("PostingDate", "{=PostingDate}"), ("Type", "Typ"), ("Document", "Dokument"), ("ProdOrder", "{=ProdOrderNo}"), ("Item", "Artikel"),
        ("Quantity", "{=Quantity}"), ("Remaining", "Återstående"), ("Open", "{=Open}"), ("AppliesToEntry", "{=AppliesToEntry}"),
        ("Operation", "{=OperationNo}"), ("RunTime", "{=RunTime}"), ("Output", "{=Output}"), ("ItemEntry", "{=ItemLedgerEntry}"), ("Reverses", "{=Reverses}"),
        ("Customer", "Kund"), ("Amount", "Belopp"), ("AppliesTo", "Kopplas till"), ("Rma", "{=RmaNo}"), ("Reason", "{=ReturnReason}"),
        ("SalesInvoices", "Försäljningsfakturor"), ("Invoice", "{=Invoice}"), ("CreditNotes", "{=CreditNotes}"), ("CreditNote", "{=CreditNote}"),
        ("Line", "Radnr"), ("UnitPrice", "{=UnitPrice}"), ("Returned", "Returnerat"), ("OriginalInvoiceLine", "Ursprunglig {-InvoiceLine}"),
        ("Invoices", "Fakturor"), ("Project", "Projekt"), ("Corrects", "Korrigerar"), ("CorrectedBy", "Korrigerad av"),
        ("ProjectActuals", "{=ProjectActuals}"), ("Actual", "Löpnr"), ("Resource", "{=Resource}"), ("Date", "Datum"), ("ActualType", "Typ av faktiskt värde"), ("Chargeable", "{=Chargeable}"),
        ("Totals", "Summor"), ("Ledger", "{=Ledger}"), ("Entries", "{=Entries}"), ("Sums", "Summor"), ("TotalsNote", "Summorna gäller alltid hela batchen."), ("DocumentTotals", "Summor per dokument"),
        ("Yes", "ja"), ("No", "nej"),
        ("posted", "{=Posted}"), ("rejected", "avvisad"), ("validated", "kontrollerad"), ("failed", "misslyckad"), ("duplicate", "dubblett"),
        ("Provisional", "preliminär: provkörning, inget skrevs"),
        ("EntryType.Output", "{=Output}"), ("EntryType.Sale", "Försäljning"),
        ("DocumentType.Invoice", "{=Invoice}"), ("DocumentType.CreditMemo", "{=CreditNote}"),
        ("ActualType.BilledSales", "{=BilledSales}"), ("ActualType.UnbilledSales", "{=UnbilledSales}"),
        ("Ledger.Item", "Artikel"), ("Ledger.Capacity", "Kapacitet"), ("Ledger.Customer", "Kund"), ("Ledger.Project", "Projekt"),
        ("Sum.Quantity", "{-Quantity}"), ("Sum.RunTime", "{-RunTime}"), ("Sum.Output", "{-Output}"), ("Sum.Amount", "belopp"), ("Sum.Billed", "{-Billed}"), ("Sum.Unbilled", "{-Unbilled}"),
        ("Ref.Order", "order"), ("Ref.ReturnOrder", "{-ReturnOrder}"), ("Ref.Line", "rad"), ("Ref.RowOf", "rad"),
        ("Corrections", "Korrigeringar"), ("CorrectionsIntro", "Varje korrigering mot det den korrigerar, och vad som står kvar efter denna batch."),
        ("Original", "Ursprunglig"), ("Correction", "Korrigering"), ("NetAfter", "Efter denna batch"),
        ("Story.Output", "{-ItemLedgerEntry} {0}, {1}: {2} {-Output} {3}, {-RunTime} {4}"), ("Story.OutputNet", "{-Output} {0} kvar på den ursprungliga transaktionen, {-RunTime} {1}; {-Open}: {2}"),
        ("Story.Line", "{0} rad {1}: {2}, {3} × {4} = {5}"), ("Story.ReturnNet", "{0} av {1} returnerade; {2} öppet belopp {3}"),
        ("Story.Project", "{0} rad {1}: {-Billed} {2}, {3}"), ("Story.ProjectCorrection", "återfört {0} ({1}); {-Billed} {2} ({3}); {-Unbilled} {4} ({5})"),
        ("Story.ProjectNet", "{0}: {-Billed} {1}, {-Unbilled} {2}"),
        ("Capped", "{0}: de första {1} av {2} visas; alla finns med: {3}"));

    /// <summary>Norwegian (Bokmål).</summary>
    public static IReadOnlyDictionary<string, string> Norwegian { get; } = Build("nb",
        ("OutputTitle", "{=OutputJournal}: bokføringsrapport"), ("OutputShort", "{=OutputJournal}"),
        ("ReturnTitle", "Salg og returer: bokføringsrapport"), ("ReturnShort", "Salg og returer"),
        ("ProjectTitle", "Prosjektfakturaer og korrigeringer: bokføringsrapport"), ("ProjectShort", "Prosjektfakturaer"),
        ("Batch", "{=Batch}"), ("Status", "Status"), ("Plugin", "Tillegg"), ("File", "Fil"), ("Sheet", "ark"), ("User", "Bruker"), ("Time", "Tid"),
        ("Lines", "Linjer"), ("Read", "lest"), ("Refused", "avvist"), ("Rules", "Regler"), ("Workflow", "arbeidsflyt"),
        ("IgnoredColumns", "Kolonner som bokføringen ikke leser"),
        ("RefusedLines", "Avviste linjer"), ("NothingPosted", "Ingenting i denne bunken ble bokført. Rett disse cellene eller radene og last opp arbeidsboken på nytt."),
        ("Warnings", "Advarsler"), ("Where", "Hvor"), ("Rule", "Regel"), ("Message", "Melding"),
        ("RuleResults", "Regelresultater"), ("Row", "Rad"), ("Kind", "Type"), ("Value", "Verdi"),
        ("ItemEntries", "{=ItemLedgerEntries}"), ("CapacityEntries", "{=CapacityLedgerEntries}"), ("CustomerEntries", "{=CustomerLedgerEntries}"),
        ("Entry", "Løpenr."), ("PostingDate", "{=PostingDate}"), ("Type", "Type"), ("Document", "Bilag"), ("ProdOrder", "{=ProdOrderNo}"), ("Item", "Vare"),
        ("Quantity", "{=Quantity}"), ("Remaining", "Gjenstående"), ("Open", "{=Open}"), ("AppliesToEntry", "{=AppliesToEntry}"),
        ("Operation", "{=OperationNo}"), ("RunTime", "{=RunTime}"), ("Output", "{=Output}"), ("ItemEntry", "{=ItemLedgerEntry}"), ("Reverses", "{=Reverses}"),
        ("Customer", "Kunde"), ("Amount", "Beløp"), ("AppliesTo", "Utligner"), ("Rma", "{=RmaNo}"), ("Reason", "{=ReturnReason}"),
        ("SalesInvoices", "Salgsfakturaer"), ("Invoice", "{=Invoice}"), ("CreditNotes", "{=CreditNotes}"), ("CreditNote", "{=CreditNote}"),
        ("Line", "Linje"), ("UnitPrice", "{=UnitPrice}"), ("Returned", "Returnert"), ("OriginalInvoiceLine", "Opprinnelig {-InvoiceLine}"),
        ("Invoices", "Fakturaer"), ("Project", "Prosjekt"), ("Corrects", "Korrigerer"), ("CorrectedBy", "Korrigert av"),
        ("ProjectActuals", "{=ProjectActuals}"), ("Actual", "Løpenr."), ("Resource", "{=Resource}"), ("Date", "Dato"), ("ActualType", "Type faktisk verdi"), ("Chargeable", "{=Chargeable}"),
        ("Totals", "Summer"), ("Ledger", "{=Ledger}"), ("Entries", "{=Entries}"), ("Sums", "Summer"), ("TotalsNote", "Summene gjelder alltid hele bunken."), ("DocumentTotals", "Summer per dokument"),
        ("Yes", "ja"), ("No", "nei"),
        ("posted", "{=Posted}"), ("rejected", "avvist"), ("validated", "kontrollert"), ("failed", "mislyktes"), ("duplicate", "duplikat"),
        ("Provisional", "foreløpig: prøvekjøring, ingenting ble skrevet"),
        ("EntryType.Output", "{=Output}"), ("EntryType.Sale", "Salg"),
        ("DocumentType.Invoice", "{=Invoice}"), ("DocumentType.CreditMemo", "{=CreditNote}"),
        ("ActualType.BilledSales", "{=BilledSales}"), ("ActualType.UnbilledSales", "{=UnbilledSales}"),
        ("Ledger.Item", "Vare"), ("Ledger.Capacity", "Kapasitet"), ("Ledger.Customer", "Kunde"), ("Ledger.Project", "Prosjekt"),
        ("Sum.Quantity", "{-Quantity}"), ("Sum.RunTime", "{-RunTime}"), ("Sum.Output", "{-Output}"), ("Sum.Amount", "beløp"), ("Sum.Billed", "{-Billed}"), ("Sum.Unbilled", "{-Unbilled}"),
        ("Ref.Order", "ordre"), ("Ref.ReturnOrder", "{-ReturnOrder}"), ("Ref.Line", "linje"), ("Ref.RowOf", "rad"),
        ("Corrections", "Korrigeringer"), ("CorrectionsIntro", "Hver korrigering mot det den korrigerer, og hva som står igjen etter denne bunken."),
        ("Original", "Opprinnelig"), ("Correction", "Korrigering"), ("NetAfter", "Etter denne bunken"),
        ("Story.Output", "{-ItemLedgerEntry} {0}, {1}: {2} {-Output} {3}, {-RunTime} {4}"), ("Story.OutputNet", "{-Output} {0} igjen på den opprinnelige posten, {-RunTime} {1}; {-Open}: {2}"),
        ("Story.Line", "{0} linje {1}: {2}, {3} × {4} = {5}"), ("Story.ReturnNet", "{0} av {1} returnert; {2} åpent beløp {3}"),
        ("Story.Project", "{0} linje {1}: {-Billed} {2}, {3}"), ("Story.ProjectCorrection", "tilbakeført {0} ({1}); {-Billed} {2} ({3}); {-Unbilled} {4} ({5})"),
        ("Story.ProjectNet", "{0}: {-Billed} {1}, {-Unbilled} {2}"),
        ("Capped", "{0}: de første {1} av {2} vises; alle finnes i: {3}"));

    /// <summary>A language's labels, each term reference (<c>{=Output}</c>) replaced by the glossary's word.</summary>
    private static Dictionary<string, string> Build(string language, params (string Name, string Text)[] labels) =>
        labels.ToDictionary(l => l.Name, l => Glossary.Expand(l.Text, language), StringComparer.Ordinal);
}
