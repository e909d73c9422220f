using TimerGrid.Gateway.Ui;

namespace TimerGrid.Gateway.Hosting;

/// <summary>The dashboard at <c>/ui</c>: its pages render server-side as Razor components.</summary>
public static class TimerGridUiBuilderExtensions
{
    public static WebApplicationBuilder AddTimerGridUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<UiJobSource>();
        builder.Services.AddSingleton<UiKeyCookie>();
        return builder;
    }

    /// <summary>Before the API key middleware: it turns the dashboard's cookie into the header that middleware checks.</summary>
    public static WebApplication UseTimerGridUiKeyCookie(this WebApplication app)
    {
        app.UseMiddleware<UiKeyCookie>();
        return app;
    }
}
