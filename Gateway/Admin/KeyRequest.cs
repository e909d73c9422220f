using System.Text.Json;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Keys;

namespace TimerGrid.Gateway.Admin;

/// <summary>The body of <c>POST /admin/keys</c>: <c>{"db": "&lt;db or *&gt;", "role": "read|write|admin", "name"?: "..."}</c>.</summary>
internal static class KeyRequest
{
    public static ApiKeySpec Parse(JsonElement body)
    {
        var spec = new ApiKeySpec(body.RequiredString("db"), ApiKeyRoles.Parse(body.RequiredString("role")), body.OptionalString("name"));
        spec.Validate();
        return spec;
    }
}
