using Microsoft.AspNetCore.Http.HttpResults;
using TimerGrid.Gateway.Auth;
using TimerGrid.Gateway.Native.Jobs;
using TimerGrid.Gateway.Ui.Pages;
using TimerGrid.Grains.Interfaces.Dashboard;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Listing;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Ui;

/// <summary>The dashboard: server-rendered pages under <c>/ui</c>; its forms act through the grain calls the API makes.</summary>
public static class UiEndpoints
{
    public const string Root = "/ui";
    public const string LoginPath = "/ui/login";
    private const int RecordsShown = 50;

    public static RouteGroupBuilder MapTimerGridUi(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup(Root).ExcludeFromDescription().AddEndpointFilter<UiErrorFilter>();
        ui.MapGet("/", OverviewAsync);
        ui.MapGet("/jobs/{db}/{collection}", CollectionAsync);
        ui.MapGet("/jobs/{db}/{collection}/{id}", JobAsync);
        ui.MapGet("/routes/{db}", RoutesAsync);
        ui.MapPost("/jobs/{db}/{collection}/{id}/{verb:regex(^(pause|resume|run|replay|delete)$)}", ActAsync).AddEndpointFilter<SameOriginFilter>();
        ui.MapGet("/login", (string? back) => Page<LoginPage>(new { Back = UiLinks.Back(back) })).AllowAnonymous();
        ui.MapPost("/login", LogInAsync).AllowAnonymous().AddEndpointFilter<SameOriginFilter>();
        ui.MapPost("/logout", LogOut).AllowAnonymous().AddEndpointFilter<SameOriginFilter>();
        ui.MapUiRecordPages();
        return ui;
    }

    private static async Task<IResult> OverviewAsync(IGrainFactory grains, UiJobSource jobs)
    {
        var stats = grains.GetGrain<IClusterStatsGrain>(0).GetAsync();
        var members = grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var collections = jobs.CollectionsAsync();
        return Page<OverviewPage>(new { Stats = await stats, Members = await members, Collections = await collections });
    }

    private static async Task<IResult> CollectionAsync(string db, string collection, string? q, string? after, string? done, string? error, UiJobSource jobs)
    {
        KeyRules.Require(db, "db");
        KeyRules.Require(collection, "collection");
        var page = await jobs.JobsAsync(db, collection, q, after);
        return Page<CollectionPage>(new { Db = db, Collection = collection, Search = q, Jobs = page, Done = done, Error = error });
    }

    private static async Task<IResult> JobAsync(string db, string collection, string id, string? done, string? error, IGrainFactory grains)
    {
        var key = JobEndpoints.ValidKey(db, collection, id);
        var query = new RecordQuery { Db = db, Collection = collection, JobId = id, Limit = RecordsShown };
        var records = grains.GetGrain<IRecordQueryGrain>(0);
        var job = grains.GetGrain<Grains.Interfaces.Jobs.IJobGrain>(key.ToString()).GetAsync();
        var executions = records.GetExecutionsAsync(query);
        var audit = records.GetAuditAsync(query);
        var found = await job;
        return Page<JobPage>(new { Key = key, Job = found, Executions = await executions, Audit = await audit, Done = done, Error = error },
            found is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    private static async Task<IResult> RoutesAsync(string db, string? after, IGrainFactory grains)
    {
        KeyRules.Require(db, "db");
        var paging = new PageRequest { PageSize = UiJobSource.PageSize, Cursor = after };
        var stats = grains.GetGrain<IClusterStatsGrain>(0).GetRoutesAsync(db);
        var routes = await grains.GetGrain<IListingGrain>(0).ListRoutesAsync(db, paging);
        var dispatch = await UiRouteDispatch.ReadAsync(grains, routes.Items);
        return Page<RoutesPage>(new { Db = db, Routes = routes, Stats = await stats, Dispatch = dispatch });
    }

    private static async Task<IResult> ActAsync(string db, string collection, string id, string verb, HttpRequest request, IGrainFactory grains)
    {
        var key = JobEndpoints.ValidKey(db, collection, id);
        var form = await FormOf(request);
        var back = UiLinks.Back(form["back"]) ?? UiLinks.Job(key);
        try
        {
            return Results.Redirect(UiLinks.WithMessage(back, "done", await UiJobActions.RunAsync(grains, key, verb)));
        }
        catch (TimerGridException e) when (e.Error.Status < 500)
        {
            return Results.Redirect(UiLinks.WithMessage(back, "error", $"{e.Message} ({e.Error.Code})"));
        }
    }

    private static async Task<IResult> LogInAsync(HttpContext context, ApiKeyAuthenticator authenticator)
    {
        var form = await FormOf(context.Request);
        var back = UiLinks.Back(form["back"]);
        var (key, problem) = await authenticator.AuthenticateAsync(form["key"].ToString().Trim());
        if (key is null)
        {
            return Page<LoginPage>(new { Back = back, Error = $"{problem} ({ErrorCodes.UiKeyRefused.Code})" }, ErrorCodes.UiKeyRefused.Status);
        }
        UiKeyCookie.Set(context, form["key"].ToString().Trim());
        return Results.Redirect(back ?? $"{Root}/");
    }

    private static IResult LogOut(HttpContext context)
    {
        UiKeyCookie.Clear(context);
        return Results.Redirect(LoginPath);
    }

    /// <summary>The posted form; empty when the body is not one (a form field missing is then handled as such).</summary>
    private static async Task<IFormCollection> FormOf(HttpRequest request) =>
        request.HasFormContentType ? await request.ReadFormAsync() : FormCollection.Empty;

    private static IResult Page<TPage>(object parameters, int status = StatusCodes.Status200OK) where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TPage>(parameters) { StatusCode = status };
}
