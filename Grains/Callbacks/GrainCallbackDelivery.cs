using Microsoft.Extensions.Options;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Callbacks;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Callbacks;

/// <summary>
/// A GRAIN route's delivery: one call to <see cref="ITimerCallback.OnTimerAsync"/> on the grain the route names, hosted by
/// whichever silo of the cluster has its class. Returning is delivered; throwing, timing out or finding no silo that
/// hosts it is retried like a webhook's failure.
/// </summary>
internal sealed partial class GrainCallbackDelivery(
    IGrainFactory grains,
    CallbackGrainTypes callbackTypes,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<GrainCallbackDelivery> logger) : IRouteDelivery
{
    public RouteType Type => RouteType.Grain;

    public async Task<DeliveryResult> DeliverAsync(RouteFiring firing)
    {
        var route = firing.Route;
        if (callbackTypes.TryResolve(route.Spec.GrainInterface!, out var grainType) is { } unresolved)
        {
            LogAttemptFailed(firing.Job.ToString(), firing.Attempt, unresolved.Error!);
            return unresolved;
        }
        var grainId = GrainId.Create(grainType, GrainKeyTemplate.Format(route.Spec.GrainKey!, firing.Job));
        var fired = new TimerFired
        {
            Job = firing.Job,
            ScheduledTime = firing.ScheduledTime,
            Attempt = firing.Attempt,
            IdempotencyKey = firing.IdempotencyKey,
            Meta = firing.Meta,
            Route = route.Key.Id,
        };
        var timeout = options.Value.AttemptTimeout;
        try
        {
            await grains.GetGrain<ITimerCallback>(grainId).OnTimerAsync(fired).WaitAsync(timeout, clock);
            return DeliveryResult.Success(status: null, $"{grainId} took it");
        }
        catch (Exception e)
        {
            var error = e is TimeoutException ? $"{grainId} did not answer within {timeout.TotalSeconds:0.###} s" : $"{grainId} threw {e.GetType().Name}: {e.Message}";
            LogAttemptFailed(firing.Job.ToString(), firing.Attempt, error);
            return DeliveryResult.Failure(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Attempt {Attempt} of {JobKey} failed: {Error}")]
    private partial void LogAttemptFailed(string jobKey, int attempt, string error);
}
