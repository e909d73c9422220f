using System.Text.RegularExpressions;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Samples;

/// <summary>
/// The README's code examples are copies of sample files the solution builds (and the tests run): each block after an
/// <c>&lt;!-- example: path --&gt;</c> line must appear in that file, so an example that stops compiling fails here.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void Readme_EachMarkedExample_IsPartOfItsBuiltSampleFile()
    {
        var readme = Normalize(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")));
        var examples = Example().Matches(readme);

        Assert.True(examples.Count >= 3, $"{examples.Count} marked examples");
        Assert.All(examples, example =>
        {
            var file = example.Groups["file"].Value;
            var source = Normalize(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)));
            Assert.True(Unindented(source).Contains(example.Groups["code"].Value, StringComparison.Ordinal), $"the README's example differs from {file}");
        });
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    /// <summary>The file with one level of indentation less too: the README shows a test method at the left margin.</summary>
    private static string Unindented(string source) => source + "\n" + string.Join("\n", source.Split('\n').Select(l => l.StartsWith("    ") ? l[4..] : l));

    [GeneratedRegex(@"<!-- example: (?<file>\S+) -->\n```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
