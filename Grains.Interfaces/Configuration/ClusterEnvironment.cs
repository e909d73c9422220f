namespace TimerGrid.Grains.Interfaces.Configuration;

/// <summary>
/// The downward-API variables Orleans deployments on Kubernetes set (ORLEANS_SERVICE_ID,
/// ORLEANS_CLUSTER_ID, POD_IP); they win over configuration so one manifest configures every pod.
/// </summary>
public static class ClusterEnvironment
{
    /// <summary>Overrides <see cref="TimerGridOptions.ServiceId"/>.</summary>
    public const string ServiceIdVariable = "ORLEANS_SERVICE_ID";
    /// <summary>Overrides <see cref="TimerGridOptions.ClusterId"/>.</summary>
    public const string ClusterIdVariable = "ORLEANS_CLUSTER_ID";
    /// <summary>The default of <see cref="TimerGridOptions.AdvertisedIp"/>.</summary>
    public const string PodIpVariable = "POD_IP";

    /// <summary>Applies the variables that are set to <paramref name="options"/>; <see cref="TimerGridOptionsServiceCollectionExtensions.AddTimerGridOptions"/> does it for every host.</summary>
    internal static void Apply(TimerGridOptions options)
    {
        options.ServiceId = Environment.GetEnvironmentVariable(ServiceIdVariable) ?? options.ServiceId;
        options.ClusterId = Environment.GetEnvironmentVariable(ClusterIdVariable) ?? options.ClusterId;
        options.AdvertisedIp ??= Environment.GetEnvironmentVariable(PodIpVariable) ?? "127.0.0.1";
    }
}
