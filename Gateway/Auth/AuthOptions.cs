namespace TimerGrid.Gateway.Auth;

/// <summary>The <c>TimerGrid:Auth</c> section: whether requests need an API key, the bootstrap key, the rate limit per key.</summary>
public sealed class AuthOptions
{
    public const string Section = "TimerGrid:Auth";

    /// <summary>
    /// true or false forces it. Unset: on in cluster mode (PostgreSQL) and whenever the node listens beyond loopback;
    /// off on a single node listening on loopback only, with a warning at start-up.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>An admin key for all dbs that works while it is configured (from a Kubernetes Secret), so a fresh deployment can create its first keys.</summary>
    public string? BootstrapKey { get; set; }

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The <c>TimerGrid:Auth:RateLimit</c> section: a token bucket per key.</summary>
    public sealed class RateLimitOptions
    {
        /// <summary>Requests a key may make per second, sustained.</summary>
        public int PermitsPerSecond { get; set; } = 10_000;

        /// <summary>Requests a key may make at once after being idle; unset, <see cref="PermitsPerSecond"/>.</summary>
        public int? Burst { get; set; }
    }
}
