using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using TimerGrid.Gateway.Ui.Pages;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Ui;

/// <summary>
/// The dashboard's record pages: a db's executions (or its failed ones) and its audit log, newest first, in a time
/// range, <see cref="PageSize"/> a page. A bad query shows the page with the error and its code, at the code's status.
/// </summary>
internal static class UiRecordPages
{
    public const int PageSize = 50;

    public static RouteGroupBuilder MapUiRecordPages(this RouteGroupBuilder ui)
    {
        ui.MapGet("/executions/{db}", ExecutionsAsync);
        ui.MapGet("/audit/{db}", AuditAsync);
        return ui;
    }

    private static Task<IResult> ExecutionsAsync(string db, HttpRequest request, IGrainFactory grains, TimeProvider clock) =>
        ShowAsync<ExecutionLogPage, ExecutionView>(UiRecordFilter.Read(db, request), clock, query =>
        {
            KeyRules.Require(db, "db");   // executions always have a db; "*" is the audit log's
            return Records(grains).GetExecutionsAsync(query);
        });

    private static Task<IResult> AuditAsync(string db, HttpRequest request, IGrainFactory grains, TimeProvider clock) =>
        ShowAsync<AuditLogPage, AuditEntry>(UiRecordFilter.Read(db, request), clock, query => Records(grains).GetAuditAsync(query));

    private static async Task<IResult> ShowAsync<TPage, TRow>(UiRecordFilter filter, TimeProvider clock, Func<RecordQuery, Task<IReadOnlyList<TRow>>> read)
        where TPage : IComponent
    {
        try
        {
            var query = filter.Query(PageSize);
            var rows = await read(query);
            return new RazorComponentResult<TPage>(new { Filter = filter, Rows = rows, Now = clock.GetUtcNow() });
        }
        catch (TimerGridException e) when (e.Error.Status < 500)
        {
            return new RazorComponentResult<TPage>(new { Filter = filter, Rows = Array.Empty<TRow>(), Now = clock.GetUtcNow(), Error = $"{e.Message} ({e.Error.Code})" })
            {
                StatusCode = e.Error.Status,
            };
        }
    }

    private static IRecordQueryGrain Records(IGrainFactory grains) => grains.GetGrain<IRecordQueryGrain>(0);
}
