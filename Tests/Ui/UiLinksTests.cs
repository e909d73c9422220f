using TimerGrid.Gateway.Ui;

namespace TimerGrid.Tests.Ui;

/// <summary>Where the dashboard's forms send the browser back to: only its own pages.</summary>
public sealed class UiLinksTests
{
    [Theory]
    [InlineData("/ui/jobs/shop/reports?q=night", "/ui/jobs/shop/reports?q=night")]
    [InlineData("https://evil.example/ui/", null)]
    [InlineData("//evil.example/ui/", null)]
    [InlineData("/ui\\..\\evil", null)]
    [InlineData("/uix/jobs", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Back_OnlyTheDashboardsOwnPages(string? link, string? expected) => Assert.Equal(expected, UiLinks.Back(link));

    [Fact]
    public void WithMessage_ReplacesTheLastMessageAndKeepsTheSearch()
    {
        var link = UiLinks.WithMessage("/ui/jobs/shop/reports?q=night&done=j1%20paused", "error", "no job 'j1' & more");

        Assert.Equal("/ui/jobs/shop/reports?q=night&error=no%20job%20%27j1%27%20%26%20more", link);
    }
}
