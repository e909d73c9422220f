using Microsoft.AspNetCore.Http.HttpResults;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Native.Paging;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Listing;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>Listing and lookup (seed 004): a collection's jobs page by page, a job by name, a db's collections.</summary>
public static class JobListEndpoints
{
    public static IEndpointRouteBuilder MapJobListApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/job/{db}", CollectionsAsync).WithTags("Jobs").ProducesApiErrors(ApiErrorStatuses.AnyEndpoint);
        app.MapGet("/job/{db}/{collection}", ListAsync).WithTags("Jobs").ProducesApiErrors(ApiErrorStatuses.AnyEndpoint);
        app.MapGet("/job/{db}/{collection}/byname/{**name}", ByNameAsync).WithTags("Jobs").ProducesApiErrors(ApiErrorStatuses.AnyEndpoint);
        return app;
    }

    private static async Task<Ok<JobPageResponse>> ListAsync(string db, string collection, HttpRequest request, IGrainFactory grains)
    {
        var query = JobListRequest.Parse(db, collection, request);
        var page = await Listing(grains).ListJobsAsync(query);
        return TypedResults.Ok(new JobPageResponse(page.Count, page.Items.Count, PagingQuery.PageNumber(query.Paging),
            page.Items.Select(JobResponse.From), page.NextCursor));
    }

    /// <summary>A name may hold '/': sent as is (the rest of the path) or as %2F, which the server leaves encoded in paths.</summary>
    private static async Task<Results<Ok<JobResponse>, NotFound<ApiError>>> ByNameAsync(string db, string collection, string name, IGrainFactory grains)
    {
        var decoded = name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return await Listing(grains).GetJobByNameAsync(db, collection, decoded) is { } job
            ? TypedResults.Ok(JobResponse.From(job))
            : ApiError.NotFound(ErrorCodes.JobNotFound, $"no job named '{decoded}' in {db}/{collection}");
    }

    private static async Task<Ok<CollectionsResponse>> CollectionsAsync(string db, IGrainFactory grains) =>
        TypedResults.Ok(new CollectionsResponse(await Listing(grains).GetCollectionsAsync(db)));

    private static IListingGrain Listing(IGrainFactory grains) => grains.GetGrain<IListingGrain>(0);
}
