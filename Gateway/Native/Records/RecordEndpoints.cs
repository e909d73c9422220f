using Microsoft.AspNetCore.Http.HttpResults;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Native.Paging;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Native.Records;

/// <summary>The record side in the native API: a job's or a db's executions and a db's audit log, newest first, paged by cursor.</summary>
public static class RecordEndpoints
{
    public static IEndpointRouteBuilder MapRecordApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/job/{db}/{collection}/{id}/executions", ExecutionsAsync).WithTags("Jobs").ProducesApiErrors(ApiErrorStatuses.AnyEndpoint);
        app.MapGet("/executions/{db}", DbExecutionsAsync).WithTags("Executions").ProducesApiErrors(ApiErrorStatuses.AnyEndpoint);
        app.MapGet("/audit/{db}", AuditAsync).WithTags("Audit").ProducesApiErrors(ApiErrorStatuses.AnyEndpoint);
        return app;
    }

    private static async Task<Ok<ExecutionPage>> ExecutionsAsync(string db, string collection, string id, HttpRequest request, IGrainFactory grains)
    {
        KeyRules.Require(db, "db");
        KeyRules.Require(collection, "collection");
        KeyRules.Require(id, "id");
        var range = RecordRange.Parse(request);
        var page = await Records(grains).GetExecutionsAsync(Query(db, collection, id, range));
        return TypedResults.Ok(new ExecutionPage(page.Select(ExecutionResponse.From), range.NextCursor(page, RecordCursor.After)));
    }

    /// <summary>?collection= and ?job= narrow it down (job needs collection); ?failed=true keeps the failed ones (read from their own index).</summary>
    private static async Task<Ok<ExecutionPage>> DbExecutionsAsync(string db, string? collection, string? job, HttpRequest request, IGrainFactory grains)
    {
        KeyRules.Require(db, "db");
        RequireFilters(collection, job);
        var failedOnly = PagingQuery.Flag(request, "failed") ?? false;
        var range = RecordRange.Parse(request);
        var query = Query(db, collection, job, range) with { FailedOnly = failedOnly };
        var page = await Records(grains).GetExecutionsAsync(query);
        return TypedResults.Ok(new ExecutionPage(page.Select(ExecutionResponse.From), range.NextCursor(page, RecordCursor.After)));
    }

    /// <summary>?collection= and ?job= narrow it down (job needs collection). db <c>*</c>: key changes and refusals of no one db.</summary>
    private static async Task<Ok<AuditPage>> AuditAsync(string db, string? collection, string? job, HttpRequest request, IGrainFactory grains)
    {
        KeyRules.RequireDbOrAll(db);
        RequireFilters(collection, job);
        var range = RecordRange.Parse(request);
        var page = await Records(grains).GetAuditAsync(Query(db, collection, job, range));
        return TypedResults.Ok(new AuditPage(page.Select(AuditResponse.From), range.NextCursor(page, RecordCursor.After)));
    }

    private static void RequireFilters(string? collection, string? job)
    {
        if (collection is not null || job is not null)
        {
            KeyRules.Require(collection, "collection");
        }
        if (job is not null)
        {
            KeyRules.Require(job, "job");
        }
    }

    private static RecordQuery Query(string db, string? collection, string? jobId, RecordRange range) => new()
    {
        Db = db, Collection = collection, JobId = jobId, From = range.From, To = range.To, Limit = range.Limit, Cursor = range.Cursor,
    };

    private static IRecordQueryGrain Records(IGrainFactory grains) => grains.GetGrain<IRecordQueryGrain>(0);
}
