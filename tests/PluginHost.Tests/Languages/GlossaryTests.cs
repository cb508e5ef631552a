using System.Text.Json;
using System.Text.RegularExpressions;
using PluginHost.Engine.Languages;
using PluginHost.Engine.Reports.Languages;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;
using PluginHost.Web.Languages;

namespace PluginHost.Tests.Languages;

/// <summary>
/// The glossary (languages/glossary.json) holds every term in every language with its source, and no word it marks as
/// wrong in a language reaches a report label, a page label, a journal template's header or a shipped rule message.
/// </summary>
public sealed class GlossaryTests
{
    private static readonly string[] Codes = ["en", "sv", "nb"];

    [Fact]
    public void EveryTermHasAWordInEveryLanguageAndASource()
    {
        Assert.NotEmpty(Glossary.Terms);
        Assert.All(Glossary.Terms.Values, term =>
        {
            Assert.All(Codes, code => Assert.False(string.IsNullOrWhiteSpace(term.Words[code]), $"{term.Key} has no {code} word"));
            Assert.False(string.IsNullOrWhiteSpace(term.Source), $"{term.Key} names no source");
        });
    }

    [Theory]
    [InlineData("Output", "sv", "Utflöde")]
    [InlineData("Output", "nb", "Avgang")]
    [InlineData("OutputJournal", "nb", "Ferdigmeldingskladd")]
    [InlineData("AppliesToEntry", "sv", "Kopplas till löpnr")]
    [InlineData("RunTime", "nb", "Operasjonstid")]
    public void TheOutputJournalsTermsAreBusinessCentralsOwn(string key, string language, string word) =>
        Assert.Equal(word, Glossary.Word(key, language));

    [Fact]
    public void ALabelNamesATermAndReadsItsWordInItsLanguageInLowerCaseInsideASentence()
    {
        Assert.Equal("Utflödesjournal: utflöde 3, körtid 5", Glossary.Expand("{=OutputJournal}: {-Output} 3, {-RunTime} 5", "sv"));
        Assert.Equal("run time 5, RMA No. 7", Glossary.Expand("{-RunTime} 5, {=RmaNo} 7", "en"));
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("nb")]
    [InlineData("en")]
    public void NoReportPageTemplateOrRuleMessageUsesAWordTheGlossaryAvoids(string language)
    {
        var texts = new List<(string Where, string Text)>();
        texts.AddRange(ReportLabels.For(language).Select(l => ($"report label {l.Key}", l.Value)));
        texts.AddRange(WebLabels.For(language).Select(l => ($"page label {l.Key}", l.Value)));
        var index = Array.IndexOf(JournalTemplate.Languages, language);
        foreach (var plugin in TestHost.With(Path.Combine(Path.GetTempPath(), "unused.db")).Plugins.Plugins)
            texts.AddRange(plugin.Instance.Schema.Columns().Where(c => c.Declaration.Captions.Count > index).Select(c => ($"{plugin.Name} template header {c.Name}", c.Declaration.Captions[index])));
        foreach (var file in Directory.GetFiles(TestHost.RulesFolder, "*.json").Where(f => !f.EndsWith("schema.json", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var rule in json.RootElement.GetProperty("Rules").EnumerateArray())
            {
                var message = language == "en" ? rule.GetProperty("ErrorMessage").GetString()
                    : rule.GetProperty("Properties").GetProperty($"ErrorMessage.{language}").GetString();
                texts.Add(($"{Path.GetFileName(file)} rule {rule.GetProperty("RuleName").GetString()}", message!));
            }
        }

        var found = (from t in texts
                     from avoided in Glossary.Avoided(language)
                     where Regex.IsMatch(t.Text, $@"(?<!\w){Regex.Escape(avoided.Avoid)}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
                     select $"{t.Where}: '{avoided.Avoid}' (say '{avoided.Instead.Words[language]}')").ToList();

        Assert.True(found.Count == 0, string.Join("\n", found));
        Assert.True(texts.Count > 300, $"only {texts.Count} texts were read");
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("nb")]
    public void EveryShippedRuleHasItsMessageInSwedishAndNorwegianWithTheSamePlaceholders(string language)
    {
        foreach (var file in Directory.GetFiles(TestHost.RulesFolder, "*.json").Where(f => !f.EndsWith("schema.json", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var rule in json.RootElement.GetProperty("Rules").EnumerateArray())
            {
                var english = Placeholders(rule.GetProperty("ErrorMessage").GetString()!);
                var translated = Placeholders(rule.GetProperty("Properties").GetProperty($"ErrorMessage.{language}").GetString()!);
                Assert.True(english.SetEquals(translated), $"{Path.GetFileName(file)} {rule.GetProperty("RuleName").GetString()}: {string.Join(", ", translated)}");
            }
        }
    }

    private static HashSet<string> Placeholders(string message) => Regex.Matches(message, @"\$\(([^)]*)\)").Select(m => m.Groups[1].Value).ToHashSet();
}
