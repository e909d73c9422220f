using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace TimerGrid.Tests.Fixtures;

/// <summary>
/// Debian's headless Chromium driven by its own chromedriver (packages <c>chromium</c> and <c>chromium-driver</c>,
/// which .ci/run installs); nothing is downloaded. Screenshots go to <see cref="ScreenshotDir"/>.
/// </summary>
public sealed class Chromium : IDisposable
{
    private const string Browser = "/usr/bin/chromium", DriverDir = "/usr/bin", Driver = "chromedriver";

    public Chromium()
    {
        if (!File.Exists(Browser) || !File.Exists(Path.Combine(DriverDir, Driver)))
        {
            throw new InvalidOperationException($"{Browser} and {DriverDir}/{Driver} are required: apt-get install chromium chromium-driver (.ci/run does)");
        }
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000");
        var service = ChromeDriverService.CreateDefaultService(DriverDir, Driver);
        service.SuppressInitialDiagnosticInformation = true;
        Page = new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
    }

    public IWebDriver Page { get; }

    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public void Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        ((ITakesScreenshot)Page).GetScreenshot().SaveAsFile(Path.Combine(ScreenshotDir, name + ".png"));
    }

    /// <summary>Reloads the page until <paramref name="done"/> holds (a page shows what was true when it was served).</summary>
    public void RefreshUntil(Func<IWebDriver, bool> done, string what, TimeSpan? timeout = null) => Until(done, what, timeout, refresh: true);

    /// <summary>Waits on the page as it is until <paramref name="done"/> holds.</summary>
    public void Until(Func<IWebDriver, bool> done, string what, TimeSpan? timeout = null, bool refresh = false)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!Holds(done))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the page never showed {what}: {Page.Url}\n{Page.FindElement(By.TagName("main")).Text}");
            }
            Thread.Sleep(500);
            if (refresh)
            {
                Page.Navigate().Refresh();
            }
        }
    }

    private bool Holds(Func<IWebDriver, bool> done)
    {
        try
        {
            return done(Page);
        }
        catch (NoSuchElementException)
        {
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return false;
        }
    }

    public void Dispose() => Page.Quit();
}
