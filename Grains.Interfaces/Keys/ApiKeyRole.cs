namespace TimerGrid.Grains.Interfaces.Keys;

/// <summary>What an API key may do; each role includes the ones before it.</summary>
[GenerateSerializer, Alias("tg.ApiKeyRole")]
public enum ApiKeyRole
{
    /// <summary>Read jobs, routes, executions and the audit log.</summary>
    Read,
    /// <summary>Read, and change jobs and routes.</summary>
    Write,
    /// <summary>Write, and manage API keys.</summary>
    Admin,
}
