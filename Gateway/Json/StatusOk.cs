using Microsoft.AspNetCore.Http.HttpResults;

namespace TimerGrid.Gateway.Json;

/// <summary>The seed's success body: <c>{"status": "ok"}</c>.</summary>
internal sealed record StatusOk(string Status)
{
    public static readonly Ok<StatusOk> Result = TypedResults.Ok(new StatusOk("ok"));
}
