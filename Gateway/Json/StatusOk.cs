namespace TimerGrid.Gateway.Json;

/// <summary>The seed's success body: <c>{"status": "ok"}</c>.</summary>
internal sealed record StatusOk(string Status)
{
    public static readonly IResult Result = TypedResults.Ok(new StatusOk("ok"));
}
