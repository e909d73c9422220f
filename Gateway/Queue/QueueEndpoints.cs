using Microsoft.Extensions.Options;
using TimerGrid.Gateway.Auth;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Queue;

/// <summary>
/// Seed 002's job queue at the root: <c>/jobs</c>, <c>/want_job</c>, with its <c>X-Accepted-*</c> headers; queues of db
/// <c>default</c>, or of the db a take, GET, PUT or DELETE names (<see cref="QueueHeaders.Db"/>): QUEUE routes of any db are
/// drained so. Enqueues go to db default.
/// </summary>
public static class QueueEndpoints
{
    public static RouteGroupBuilder MapQueueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithTags("Queue (seed 002)").WithMetadata(KeyAccess.InRequestDb(QueueHeaders.DbNamed));
        api.MapPost("/jobs", EnqueueAsync).WithMetadata(KeyAccess.InDb(QueueCollection.Db));
        api.MapGet("/jobs/{id}", GetAsync);
        api.MapPut("/jobs/{id}", UpdateAsync);
        api.MapDelete("/jobs/{id}", DeleteAsync);
        api.MapPost("/want_job", WantJobAsync);   // routing ignores a trailing slash: the document's /want_job/ lands here too
        return api;
    }

    private static async Task<IResult> EnqueueAsync(HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options, TimeProvider clock)
    {
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        var (queue, parameters) = QueueJobRequest.ParseEnqueue(body.RootElement);
        var (queueOptions, delaySeconds) = QueueHeaders.ForEnqueue(request);
        // Time-ordered (UUID version 7): the rows keyed by the uuid (listing, queue index, finished jobs, executions by job)
        // grow at their ends instead of each on a random page; an enqueue costs a fifth less CPU and a take a tenth.
        var key = new JobKey(QueueCollection.Db, QueueCollection.Collection, Guid.CreateVersion7().ToString());
        var spec = new JobSpec(clock.GetUtcNow().ToUnixTimeMilliseconds() + delaySeconds * 1000, parameters, queue) { Queue = queueOptions };
        JobSpecRules.Validate(key, spec, options.Value.MaxMetaBytes);
        await RequireQueueRouteAsync(grains, queue);
        if (delaySeconds == 0)
        {
            await grains.GetGrain<IQueueIntakeGrain>(0).SubmitAsync(key, spec);   // one write, and takeable when the 202 goes out
        }
        else
        {
            await Job(grains, key.Id).CreateAsync(spec);   // enters its queue at its time, through the timer path
        }
        return TypedResults.Accepted($"/jobs/{key.Id}");
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, IGrainFactory grains, IHostApplicationLifetime lifetime, TimeProvider clock)
    {
        var db = QueueHeaders.RequestDb(request);
        var wait = QueueHeaders.Wait(request, QueueHeaders.WaitResult);
        var deadline = clock.GetUtcNow() + wait;
        var job = InDb(db, await Item(grains, id).GetAsync());
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            while (job is { Status: QueueItemStatus.Queued or QueueItemStatus.Running } && deadline - clock.GetUtcNow() is var left && left > TimeSpan.Zero)
            {
                job = InDb(db, await Item(grains, id).WaitFinishedAsync(left, leaving.Token));
            }
        }
        catch (OperationCanceledException) when (leaving.IsCancellationRequested)
        {
            // answers the job as it was last seen
        }
        job ??= await PendingAsync(grains, db, id);
        return job is null ? NotFound(id) : Json(job);
    }

    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        var (status, result) = QueueJobRequest.ParseUpdate(body.RootElement);
        return await Item(grains, id).FinishAsync(QueueHeaders.RequestDb(request), status, result) is { } job ? Json(job) : NotFound(id);
    }

    /// <summary>The native job goes first, so a delayed job cannot fire into the queue after its deletion.</summary>
    private static async Task<IResult> DeleteAsync(string id, HttpRequest request, IGrainFactory grains)
    {
        var db = QueueHeaders.RequestDb(request);
        var pending = await PendingAsync(grains, db, id);
        if (pending is not null)
        {
            await Job(grains, id).DeleteAsync();
        }
        var deleted = await Item(grains, id).DeleteAsync(db) ?? pending;
        return deleted is null ? NotFound(id) : Json(deleted);
    }

    /// <summary>
    /// Waits in slices of at most a grain call's length. A worker that hangs up, or a gateway that is stopping, cancels
    /// the wait (the gateway's waiting workers get 204 before Kestrel stops, instead of a reset connection).
    /// </summary>
    private static async Task<IResult> WantJobAsync(HttpRequest request, IGrainFactory grains, IHostApplicationLifetime lifetime, TimeProvider clock)
    {
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted, lifetime.ApplicationStopping);
        var db = QueueHeaders.RequestDb(request);
        var queues = QueueHeaders.Queues(request);
        var visibility = QueueHeaders.Visibility(request);
        var deadline = clock.GetUtcNow() + QueueHeaders.Wait(request, QueueHeaders.BlockFor);
        var directory = grains.GetGrain<IQueueDirectoryGrain>(db);
        try
        {
            do
            {
                if (await directory.TakeAsync(queues, visibility, deadline - clock.GetUtcNow(), leaving.Token) is { } job)
                {
                    return Json(job);
                }
            }
            while (deadline > clock.GetUtcNow() && !leaving.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (leaving.IsCancellationRequested)
        {
            // the wait was cancelled before any job was taken for this worker
        }
        return TypedResults.NoContent();
    }

    /// <summary>A queue is a QUEUE route of db default, made on its first job; a route of another type by that name is a conflict.</summary>
    private static async Task RequireQueueRouteAsync(IGrainFactory grains, string queue)
    {
        var route = grains.GetGrain<IRouteGrain>(new RouteKey(QueueCollection.Db, queue).ToString());
        var existing = await route.GetAsync();
        if (existing is null)
        {
            await route.CreateAsync(new RouteSpec(RouteType.Queue, "", null, PayloadStyle.Meta));
            existing = await route.GetAsync();
        }
        if (existing?.Spec.Type != RouteType.Queue)
        {
            throw new TimerGridException(ErrorCodes.QueueNameTaken, $"queue '{queue}' is the name of a route of another type in db '{QueueCollection.Db}'");
        }
    }

    /// <summary>A seed-002 job of db default still waiting for its delay; null for any other.</summary>
    private static async Task<QueueItemView?> PendingAsync(IGrainFactory grains, string db, string id) =>
        db == QueueCollection.Db && KeyRules.IsValid(id) ? PendingQueueJob.From(await Job(grains, id).GetAsync()) : null;

    private static QueueItemView? InDb(string db, QueueItemView? job) => job?.Db == db ? job : null;

    private static IResult Json(QueueItemView job) => TypedResults.Bytes(QueueItemJson.Serialize(job), "application/json");

    private static IResult NotFound(string id) => ApiError.Result(ErrorCodes.JobNotFound, $"no job '{id}'");

    private static IJobGrain Job(IGrainFactory grains, string id) => grains.GetGrain<IJobGrain>(new JobKey(QueueCollection.Db, QueueCollection.Collection, id).ToString());

    private static IQueueItemGrain Item(IGrainFactory grains, string id) => grains.GetGrain<IQueueItemGrain>(id);
}
