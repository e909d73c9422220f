namespace TimerGrid.Gateway.Errors;

/// <summary>
/// OpenAPI metadata for the errors an endpoint answers by throwing rather than returning (the exception handler writes
/// them), so the document lists them with their <see cref="ApiError"/> body.
/// </summary>
internal static class ApiErrorStatuses
{
    /// <summary>What any endpoint may answer: bad input, a key missing, refused or over its rate, the cluster or its storage unavailable.</summary>
    public static readonly int[] AnyEndpoint =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
        StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable,
    ];

    public static TBuilder ProducesApiErrors<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata([.. statuses.Select(status => new ProducesResponseTypeMetadata(status, typeof(ApiError), ["application/json"]))]);
}
