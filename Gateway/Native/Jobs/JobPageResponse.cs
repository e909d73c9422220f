using System.Text.Json.Serialization;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>
/// A page of <c>GET /job/{db}/{collection}</c> in seed 004's shape: <c>count</c> (all matching jobs), <c>pagesize</c>
/// (jobs on this page), <c>page</c> (null when reached by cursor), then the jobs as GET by id shows them.
/// </summary>
internal sealed record JobPageResponse(long Count, [property: JsonPropertyName("pagesize")] int PageSize, int? Page, IEnumerable<JobResponse> Jobs, string? NextCursor);
