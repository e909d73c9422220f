namespace TimerGrid.Gateway.Admin;

/// <summary>The answer to <c>GET /admin/keys</c>.</summary>
internal sealed record KeyList(IEnumerable<KeyResponse> Keys);
