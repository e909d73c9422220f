using System.Text.Json.Serialization;

namespace TimerGrid.Gateway.Native.Routes;

/// <summary>A page of <c>GET /route/{db}</c>, shaped as a job listing's page: the routes as GET by id shows them.</summary>
internal sealed record RoutePageResponse(long Count, [property: JsonPropertyName("pagesize")] int PageSize, int? Page, IEnumerable<RouteResponse> Routes, string? NextCursor);
