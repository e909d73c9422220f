namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>Who is calling, carried to the grains in the Orleans request context so that audit entries name them.</summary>
public static class CallerContext
{
    /// <summary>The request-context key of the caller's name.</summary>
    public const string UserKey = "tg.user";

    /// <summary>The caller's name when no one was authenticated.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The current caller: what the gateway put in the request context, else <see cref="Anonymous"/>.</summary>
    public static string User => RequestContext.Get(UserKey) as string ?? Anonymous;
}
