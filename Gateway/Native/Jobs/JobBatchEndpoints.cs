using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>Batch creation: <c>POST /job/{db}/{collection}/batch</c> with up to 1,000 job bodies, one grain call for all of them.</summary>
public static class JobBatchEndpoints
{
    public static IEndpointRouteBuilder MapJobBatchApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/job/{db}/{collection}/batch", CreateAsync).WithTags("Jobs")
            .ProducesApiErrors([.. ApiErrorStatuses.AnyEndpoint, StatusCodes.Status413PayloadTooLarge]);
        return app;
    }

    private static async Task<Ok<JobBatchResponse>> CreateAsync(string db, string collection, HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        KeyRules.Require(db, "db");
        KeyRules.Require(collection, "collection");
        using var body = await JsonBody.ReadAsync(request, options.Value.MaxBatchBodyBytes);
        var entries = JobBatchRequest.Parse(body.RootElement);
        NewJob[] jobs = [.. entries.Where(e => e.Job is not null).Select(e => e.Job!)];
        var created = jobs.Length == 0 ? [] : await grains.GetGrain<IJobBatchGrain>(0).CreateAsync(db, collection, jobs);
        var next = 0;   // the grain answers the jobs sent in their order; refused entries keep their place between them
        return TypedResults.Ok(new JobBatchResponse([.. entries.Select(e => JobBatchResult.From(e.Refused ?? created[next++]))]));
    }
}
