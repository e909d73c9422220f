using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Ui;

/// <summary>The dashboard's addresses.</summary>
public static class UiLinks
{
    public static string Collection(string db, string collection) => $"{UiEndpoints.Root}/jobs/{Uri.EscapeDataString(db)}/{Uri.EscapeDataString(collection)}";

    public static string Job(JobKey key) => $"{Collection(key.Db, key.Collection)}/{Uri.EscapeDataString(key.Id)}";

    public static string Routes(string db) => $"{UiEndpoints.Root}/routes/{Uri.EscapeDataString(db)}";

    public static string Action(JobKey key, string verb) => $"{Job(key)}/{verb}";

    /// <summary>A db's executions, newest first.</summary>
    public static string Executions(string db) => $"{UiEndpoints.Root}/executions/{Uri.EscapeDataString(db)}";

    public static string FailedExecutions(string db) => $"{Executions(db)}?failed=1";

    /// <summary>A db's audit log; db <c>*</c>: the entries of no one db (API keys for all dbs, refusals).</summary>
    public static string Audit(string db) => $"{UiEndpoints.Root}/audit/{(db == "*" ? db : Uri.EscapeDataString(db))}";

    /// <summary>A page to return to: only one of the dashboard's own (no open redirect); null otherwise.</summary>
    public static string? Back(string? link) =>
        link is not null && link.StartsWith(UiEndpoints.Root + "/", StringComparison.Ordinal) && !link.Contains('\\')
            ? link
            : null;

    /// <summary>The page with a message for it to show (replacing the last one).</summary>
    public static string WithMessage(string link, string kind, string message)
    {
        var path = link.Split('?')[0];
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Contains('?') ? link[link.IndexOf('?')..] : "");
        var kept = query.Where(q => q.Key is not ("done" or "error")).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, kept.Append(KeyValuePair.Create(kind, (string?)message)));
    }
}
