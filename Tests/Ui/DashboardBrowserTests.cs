using OpenQA.Selenium;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Ui;

/// <summary>The dashboard in a real browser against a node run as its own process, clicked through as a person would.</summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task Dashboard_JobCreatedThroughTheApi_IsFoundByClicksPausedResumedAndSeenFiring()
    {
        await using var node = await ProcessNode.StartAsync();
        var (http, receiver) = (node.Http, node.Receiver);
        await http.CreateRouteAsync("shop", "invoices", receiver.UrlFor("invoices"));
        await http.CreateJobAsync("shop", "reports", "warm-up", RestCalls.Now, "invoices");   // fires at once: the overview has figures
        var due = RestCalls.Now + 25_000;
        var created = await http.PostJsonAsync("/job/shop/reports",
            $$"""{"id":"nightly-7","name":"nightly report","trigger_time":{{due}},"meta":{"report":"nightly"},"route":"invoices"}""");
        await created.EnsureOkAsync();
        using var browser = new Chromium();
        var page = browser.Page;

        page.Navigate().GoToUrl(new Uri(node.Url, "/ui"));
        page.FindElement(By.CssSelector("#collections a.collection[href='/ui/jobs/shop/reports']")).Click();
        var row = By.Id("job-nightly-7");
        browser.Until(p => p.FindElement(row).Text.Contains("scheduled"), "the job, scheduled");
        Assert.Contains("nightly report", page.FindElement(row).Text);
        browser.Screenshot("collection");
        page.FindElement(By.Name("q")).SendKeys("nightly report" + OpenQA.Selenium.Keys.Enter);
        browser.Until(p => p.FindElement(By.Id("count")).Text.StartsWith("1 found", StringComparison.Ordinal), "the job found by its name");

        page.FindElement(row).FindElement(By.CssSelector("button.action-pause")).Click();
        browser.Until(p => p.FindElement(row).Text.Contains("paused") && p.FindElement(By.Id("done")).Text == "nightly-7 paused", "the job paused");
        Assert.False((await http.GetJsonAsync("/job/shop/reports/nightly-7")).GetProperty("enabled").GetBoolean());
        browser.Screenshot("paused");

        page.FindElement(row).FindElement(By.CssSelector("button.action-resume")).Click();
        browser.Until(p => p.FindElement(row).Text.Contains("scheduled") && p.FindElement(By.Id("done")).Text == "nightly-7 resumed", "the job resumed");
        var resumedAt = RestCalls.Now;

        page.FindElement(row).FindElement(By.CssSelector("a.job")).Click();
        browser.RefreshUntil(p => p.FindElement(By.CssSelector("#job .status")).Text == "delivered", "the job delivered", TimeSpan.FromSeconds(90));
        browser.RefreshUntil(p => p.FindElements(By.CssSelector("#executions .execution-state")).Any(e => e.Text == "succeeded"), "a succeeded execution");
        var events = page.FindElements(By.CssSelector("#audit .audit-event")).Select(e => e.Text).ToList();
        Assert.Equal(["resumed", "paused", "added"], events);
        browser.Screenshot("job");
        var webhook = Assert.Single(await receiver.WaitForAsync("shop/reports/nightly-7"));
        Assert.True(webhook.ReceivedAtMs >= Math.Max(due, resumedAt - 1000), "fired before its time or while paused");

        page.FindElement(By.CssSelector("#job a[href^='/ui/routes/shop']")).Click();
        var route = By.Id("route-invoices");
        browser.RefreshUntil(p => p.FindElement(route).FindElement(By.CssSelector(".attempts")).Text == "2", "both deliveries counted on the route's page");
        Assert.Equal("100 %", page.FindElement(route).FindElement(By.CssSelector(".success")).Text);
        browser.Screenshot("routes");

        page.Navigate().GoToUrl(new Uri(node.Url, "/ui"));
        browser.RefreshUntil(p => p.FindElement(By.Id("attempts-hour")).Text == "2 / 0 / 0", "two deliveries in the last hour");
        Assert.Contains("Active", page.FindElement(By.Id("membership")).Text);
        browser.Screenshot("overview");
    }

    [Fact]
    public async Task Dashboard_FailedLinkOfADb_ShowsTheFailingJobsFailedExecutionOnly()
    {
        await using var node = await ProcessNode.StartAsync();
        var (http, receiver) = (node.Http, node.Receiver);
        await http.CreateRouteAsync("shop", "invoices", receiver.UrlFor("invoices"));
        await http.CreateRouteAsync("shop", "broken", receiver.UrlFor("broken", _ => new WebhookReceiver.Answer(500)));
        await http.CreateJobAsync("shop", "reports", "daily", RestCalls.Now - 60_000, "invoices");
        await http.CreateJobAsync("shop", "billing", "charge-42", RestCalls.Now, "broken");
        await http.WaitForStatusAsync("/job/shop/billing/charge-42", "failed");
        using var browser = new Chromium();
        var page = browser.Page;

        page.Navigate().GoToUrl(new Uri(node.Url, "/ui"));
        page.FindElement(By.CssSelector("#collections a.failed-executions[href='/ui/executions/shop?failed=1']")).Click();
        browser.RefreshUntil(p => p.FindElements(By.CssSelector("#executions .execution-state")).Any(e => e.Text == "failed"), "the failed execution");

        var rows = page.FindElements(By.CssSelector("#executions tr")).Skip(1).Select(r => r.Text).ToList();
        Assert.Contains("billing/charge-42", Assert.Single(rows));
        Assert.Contains("HTTP 500", rows[0]);
        browser.Screenshot("executions");
        page.FindElement(By.CssSelector("#executions a.job")).Click();
        browser.Until(p => p.FindElement(By.TagName("h1")).Text == "shop/billing/charge-42", "the job's page");
    }

    [Fact]
    public async Task Dashboard_WithKeysRequired_AsksForAKeyOnceAndKeepsIt()
    {
        await using var node = await ProcessNode.StartAsync(settings =>
        {
            settings["TimerGrid:Auth:Enabled"] = "true";
            settings["TimerGrid:Auth:BootstrapKey"] = TestSettings.BootstrapKey;
        });
        using var browser = new Chromium();
        var page = browser.Page;

        page.Navigate().GoToUrl(new Uri(node.Url, "/ui/"));
        Assert.StartsWith(new Uri(node.Url, "/ui/login").ToString(), page.Url);
        page.FindElement(By.Name("key")).SendKeys("tg_0000000000000000_not-a-key");
        page.FindElement(By.CssSelector("form[action='/ui/login'] button")).Click();
        browser.Until(p => p.FindElement(By.Id("error")).Text.Contains("E061"), "the key refused");
        page.FindElement(By.Name("key")).SendKeys(TestSettings.BootstrapKey);
        page.FindElement(By.CssSelector("form[action='/ui/login'] button")).Click();
        browser.Until(p => p.FindElement(By.TagName("h1")).Text == "Overview", "the overview");

        page.Navigate().GoToUrl(new Uri(node.Url, "/ui/"));
        Assert.Equal("Overview", page.FindElement(By.TagName("h1")).Text);
        using var withoutCookie = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node.Url };
        var refused = await withoutCookie.GetAsync("/ui/");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/ui/login", refused.Headers.Location?.OriginalString);
    }
}
